/**
 * One asset as the registry keeps it: what the city knows of it (kind, id, names, district, where it
 * is, its own thresholds and facts) and, for an asset the simulator placed, the simulator's own
 * parameters. The registry is a list of these in slot order per kind; the city's CityAssets are
 * built from it (city/cityOfRecords.ts) and the simulator's city is written into it
 * (city/recordsOfCity.ts).
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { ScaleName } from '../city/scaleProfiles';
import type { Datum } from './datum';

/** lon, lat in the registry's datum (see assets/datum.ts). */
export type LonLat = [number, number];

export interface AssetRecord {
  kind: AssetKind;
  /** Unique within its kind. */
  id: string;
  /** Null where the name follows from the id (a registry's elevators: "电梯 000001"). */
  name: string | null;
  nameEn: string | null;
  /** The district's code (`310115`), as in the embedded district shapes. */
  district: string;
  /** A point asset's position; a line's midpoint (halfway between its first and last positions). */
  lon: number;
  lat: number;
  /** Line kinds (road segments, a muck truck's permitted route): every position, at least two; null for point kinds. */
  line: LonLat[] | null;
  /**
   * Area kinds (residential compounds): the outline, an open ring (its first position not repeated)
   * of three or more, simple (assets/areaRing.ts); the record's lon, lat is a point inside it (an
   * import's: the ring's centroid). Absent for other kinds.
   */
  area?: LonLat[];
  /** The asset's own lines, e.g. a water gauge's `warning` and `danger` levels (m). */
  thresholds: Record<string, number>;
  /** Other facts of the asset, e.g. a pump station's `capacityM3s`, a road's `roadClass`. */
  attributes: Record<string, string | number>;
  /**
   * The simulator's parameters for an asset it placed (a gauge's tide, a road's graph nodes); null
   * for a city's own, whose parameters are derived when the city is built.
   */
  simulator: Record<string, string | number> | null;
}

/** The kinds drawn as lines; every other kind is a point. */
export const LINE_KINDS: ReadonlySet<AssetKind> = new Set(['roadSegment', 'muckTruck']);

/** What the simulator placed a registry from: the seed and the placement's options. */
export interface RegistryPlacement {
  seed: number;
  scale: ScaleName;
  roadGridKm?: number;
  /** Counts per kind that override the scale's (city/placeAssets.ts PlacementOptions). */
  counts?: Partial<Record<string, number>>;
  /** The simulator's way of placing it (assets/cityRegistry.ts PLACER_REVISION); absent: 1. */
  revision?: number;
}

/** The registry as a whole: its revision, datum and where it came from. */
export interface RegistryState {
  /** Bumped by every change. */
  revision: number;
  /** The datum every position is kept in (the basemap's when it was written). */
  datum: Datum;
  /** What the simulator placed the registry from; null when it never did (a city's own from the start). */
  placement: RegistryPlacement | null;
  /** An import changed the registry: from then on it is the city's, whatever the seed. */
  edited: boolean;
  /** How many elevators are generated from `placement` rather than listed (0: none). */
  generatedElevators: number;
  /** A digest of the records and of the above (assets/cityRegistry.ts registryDigest), part of the catalogue's version. */
  digest: string;
  /** When it last changed, epoch ms. */
  updatedAt: number;
}
