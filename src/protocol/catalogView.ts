/** The catalogue as a client holds it: groups by kind, positions as aligned Float32Arrays. */
import { ASSET_KINDS, type AssetKind, type DistrictRef, type WireAssetGroup, type WireCatalog } from './assets';
import { toFloat32 } from './binary';
import type { IndicatorSpec } from './vitals';

export interface AssetGroupView extends Omit<WireAssetGroup, 'positions' | 'lines'> {
  /** lon, lat per slot. */
  positions: Float32Array;
  /** lon0, lat0, lon1, lat1 per slot, for kinds drawn as lines. */
  lines?: Float32Array;
  count: number;
}

export interface CatalogView {
  version: string;
  districts: DistrictRef[];
  groups: Record<AssetKind, AssetGroupView>;
  indicators: IndicatorSpec[];
}

export class CatalogError extends Error {}

export function toCatalogView(wire: WireCatalog): CatalogView {
  const groups = {} as Record<AssetKind, AssetGroupView>;
  for (const g of wire.groups) {
    const positions = toFloat32(g.positions);
    const count = g.ids.length;
    if (positions.length !== count * 2) throw new CatalogError(`${g.kind}: ${count} ids but ${positions.length / 2} positions`);
    const lines = g.lines ? toFloat32(g.lines) : undefined;
    if (lines && lines.length !== count * 4) throw new CatalogError(`${g.kind}: ${count} ids but ${lines.length / 4} lines`);
    groups[g.kind] = { ...g, positions, lines, count };
  }
  for (const kind of ASSET_KINDS) if (!groups[kind]) throw new CatalogError(`catalogue lacks ${kind}`);
  return { version: wire.version, districts: wire.districts, groups, indicators: wire.indicators };
}
