/**
 * Scale profiles: `shanghai` is the city of the brief (its real monitoring counts, a road network of a
 * few thousand segments, no per-elevator feed); `stress` adds what a full city brain would carry — about
 * 50,000 road segments with live speeds and the city's 240,000 elevators with live status — on top of
 * everything else. Both are deterministic from the seed.
 */
export const SCALE_NAMES = ['shanghai', 'stress'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export interface ScaleProfile {
  /** Road grid spacing, km (smaller: more segments). */
  roadGridKm: number;
  /** Elevators with a live status feed. */
  elevators: number;
  /** Muck trucks on the road (city/placeMuckTrucks.ts says why 360). */
  muckTrucks: number;
}

export const SCALE_PROFILES: Record<ScaleName, ScaleProfile> = {
  shanghai: { roadGridKm: 1, elevators: 0, muckTrucks: 360 },
  // Ten times the wall's: the order of the whole registered fleet out at once.
  stress: { roadGridKm: 0.26, elevators: 240_000, muckTrucks: 3600 },
};
