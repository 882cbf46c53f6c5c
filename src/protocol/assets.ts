/**
 * Static asset catalogue: what exists, where, and its fixed thresholds. Sent once per connection;
 * live values refer to assets only by slot (their index in this catalogue's arrays).
 */
import type { BinaryChunk } from './binary';

/** Asset kinds carried on the live feed. The slot order of each kind is fixed for a catalogue version. */
export const ASSET_KINDS = ['rainGauge', 'waterGauge'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export interface DistrictRef {
  code: string;
  name: string;
  nameEn: string;
}

/** One kind of asset, column-wise: entry i of every array describes the asset in slot i. */
export interface WireAssetGroup {
  kind: AssetKind;
  ids: string[];
  names: string[];
  namesEn: string[];
  /** Index into {@link WireCatalog.districts} per slot. */
  districts: number[];
  /** Float32 lon, lat pairs per slot (WGS84-ish, see public/geo/README.md). */
  positions: BinaryChunk;
  /** Per-slot threshold columns, e.g. water gauges' `warning` and `danger` levels in metres. */
  thresholds: Record<string, number[]>;
}

export interface WireCatalog {
  /** Changes whenever slots change meaning; a client holding another version must refetch. */
  version: string;
  districts: DistrictRef[];
  groups: WireAssetGroup[];
}
