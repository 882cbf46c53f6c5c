/**
 * The unit cell's code as the public descriptions of GB/T 30428.1 (and CJ/T 213 before it) give it:
 * 16 digits = district (6, GB/T 2260) + street/town (3, GB/T 10114) + community (3) + the cell's
 * serial within its community (4). The first 12 digits are the responsible grid's code here
 * (docs/grid.md).
 */
export interface CellCodeParts {
  district: string;
  street: string;
  community: string;
  serial: number;
}

const CODE = /^(\d{6})(\d{3})(\d{3})(\d{4})$/;

/** The 16-digit code; throws on a part that does not fit its digits. */
export function formatCellCode(parts: CellCodeParts): string {
  const { district, street, community, serial } = parts;
  if (!/^\d{6}$/.test(district) || !/^\d{3}$/.test(street) || !/^\d{3}$/.test(community)) {
    throw new Error(`cell code parts out of shape: ${district}/${street}/${community}`);
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new Error(`cell serial ${serial} outside 1–9999`);
  return `${district}${street}${community}${String(serial).padStart(4, '0')}`;
}

/** The parts of a 16-digit code, or null when it is not one. */
export function parseCellCode(code: string): CellCodeParts | null {
  const m = CODE.exec(code);
  if (!m) return null;
  const serial = Number(m[4]);
  return serial === 0 ? null : { district: m[1], street: m[2], community: m[3], serial };
}
