/**
 * A service request's `address` and `address_id` from what the city knows of the incident's place
 * (issue 16): its district and, where the unit grid located it (GB/T 30428, grid/), its street
 * (街道/镇/乡), in Chinese and English, and the unit cell's 16-digit code as the address id, the
 * city's own reference for the place. Nothing finer is known: the product has no street addresses or
 * house numbers, and the streets are modelled, named after their district (docs/grid.md), so the
 * street's name says the district too.
 */
import type { DistrictRef } from '../../src/protocol/assets';
import type { Incident } from '../../src/protocol/cityEvents';

export interface Open311Address {
  address: string | null;
  address_id: string | null;
}

/** The request's address and address id; null where the city does not know the place (off every district). */
export function open311AddressOf(incident: Pick<Incident, 'district' | 'grid'>, districts: readonly DistrictRef[]): Open311Address {
  const district = districts[incident.district];
  const grid = incident.grid ?? null;
  if (grid) return { address: `${grid.streetName} ${grid.streetNameEn}`, address_id: grid.cellCode };
  return { address: district ? `${district.name} ${district.nameEn}` : null, address_id: null };
}
