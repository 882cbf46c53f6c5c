/** The catalogue as a client holds it: groups by kind, positions as aligned Float32Arrays. */
import { ASSET_KINDS, type AssetKind, type DistrictRef, type WireAssetGroup, type WireCatalog } from './assets';
import { toFloat32, toUint32, toUint8 } from './binary';
import type { IndicatorSpec } from './vitals';

export interface AssetGroupView extends Omit<WireAssetGroup, 'positions' | 'lines' | 'paths' | 'districts'> {
  /** lon, lat per slot. */
  positions: Float32Array;
  /** lon0, lat0, lon1, lat1 per slot, for kinds drawn as lines. */
  lines?: Float32Array;
  /** Polylines per slot, or an area kind's open rings (deck.gl's binary path and polygon layout): slot i's vertices are starts[i] to starts[i + 1] of coords (lon, lat pairs). */
  paths?: { starts: Uint32Array; coords: Float32Array };
  /** Index into the catalogue's districts per slot. */
  districts: ArrayLike<number>;
  count: number;
}

export interface CatalogView {
  version: string;
  districts: DistrictRef[];
  groups: Record<AssetKind, AssetGroupView>;
  indicators: IndicatorSpec[];
  /** Per channel, how long a sensor's reading stands before it counts as no data (ms). */
  staleAfterMs: WireCatalog['staleAfterMs'];
}

export class CatalogError extends Error {}

export function toCatalogView(wire: WireCatalog): CatalogView {
  const groups = {} as Record<AssetKind, AssetGroupView>;
  for (const g of wire.groups) {
    const positions = toFloat32(g.positions);
    const count = positions.length / 2;
    if (!g.naming && g.ids.length !== count) throw new CatalogError(`${g.kind}: ${g.ids.length} ids but ${count} positions`);
    const lines = g.lines ? toFloat32(g.lines) : undefined;
    if (lines && lines.length !== count * 4) throw new CatalogError(`${g.kind}: ${count} positions but ${lines.length / 4} lines`);
    const districts = districtsOf(g);
    if (districts.length !== count) throw new CatalogError(`${g.kind}: ${count} positions but ${districts.length} districts`);
    const paths = g.paths ? { starts: toUint32(g.paths.starts), coords: toFloat32(g.paths.coords) } : undefined;
    if (paths && (paths.starts.length !== count + 1 || paths.starts[count] !== paths.coords.length / 2)) throw new CatalogError(`${g.kind}: ${count} positions but paths that do not match`);
    groups[g.kind] = { ...g, positions, lines, paths, districts, count };
  }
  for (const kind of ASSET_KINDS) if (!groups[kind]) throw new CatalogError(`catalogue lacks ${kind}`);
  return { version: wire.version, districts: wire.districts, groups, indicators: wire.indicators, staleAfterMs: wire.staleAfterMs };
}

/** How many assets a group holds: its positions are two float32 per slot (named or not). */
export function assetCountOf(group: Pick<WireAssetGroup, 'positions'>): number {
  return group.positions.byteLength / 8;
}

/** A group's district column, whether it came as numbers or as bytes. */
export function districtsOf(group: Pick<WireAssetGroup, 'districts'>): ArrayLike<number> {
  return Array.isArray(group.districts) ? group.districts : toUint8(group.districts);
}

type Named = Pick<WireAssetGroup, 'ids' | 'names' | 'namesEn' | 'naming'> & { count: number };

/** The asset id in a slot ('' when there is no such slot). */
export function assetIdAt(group: Named, slot: number): string {
  const n = group.naming;
  if (!n) return group.ids[slot] ?? '';
  return slot >= 0 && slot < group.count ? `${n.idPrefix}${String(slot + 1).padStart(n.digits, '0')}` : '';
}

/** The asset's display name in a slot, in the screen's language ('' when unnamed). */
export function assetNameAt(group: Named, slot: number, english: boolean): string {
  const n = group.naming;
  if (!n) return (english ? group.namesEn[slot] : group.names[slot]) ?? '';
  const id = assetIdAt(group, slot);
  return id ? `${english ? n.labelEn : n.label}${id.slice(n.idPrefix.length)}` : '';
}

/** The slot of an asset id, or -1. */
export function slotOfId(group: Named, id: string): number {
  const n = group.naming;
  if (!n) return group.ids.indexOf(id);
  if (!id.startsWith(n.idPrefix)) return -1;
  const digits = id.slice(n.idPrefix.length);
  if (!/^\d+$/.test(digits)) return -1;
  const slot = Number(digits) - 1;
  return slot >= 0 && slot < group.count && assetIdAt(group, slot) === id ? slot : -1;
}
