/**
 * The city's elevators (stress profile: Shanghai's 240,000), column-wise: 240,000 site objects with
 * names would cost tens of megabytes, typed arrays a few. Elevators stand in buildings along the road
 * network — several cars to a tower in the centre, one or two to a suburban block — so the map shows
 * them where the city is built up.
 */
import type { Rng } from '../simulator/rng';
import { toKm } from './localProjection';
import { segmentMidpoint, type RoadNetwork } from './roadNetwork';

/** What a building is used for, as carried in the elevator group's `use` attribute. */
export const BUILDING_USES = ['residential', 'office', 'commercial', 'public'] as const;

export interface ElevatorFleet {
  count: number;
  /** lon, lat per elevator. */
  lonLat: Float32Array;
  /** District index per elevator. */
  district: Uint8Array;
  /** Index into BUILDING_USES per elevator. */
  use: Uint8Array;
  /** Ids and names, where a registry named its elevators; absent: they follow from the slot (`EV-000001`, "电梯 000001"). */
  named?: { ids: string[]; names: string[]; namesEn: string[] };
}

/** Metres → degrees near Shanghai (31.2°N). */
const LAT_PER_M = 1 / 111_320;
const LON_PER_M = 1 / 95_200;

export function emptyFleet(): ElevatorFleet {
  return { count: 0, lonLat: new Float32Array(0), district: new Uint8Array(0), use: new Uint8Array(0) };
}

export function placeElevators(rng: Rng, roads: RoadNetwork, count: number): ElevatorFleet {
  if (count === 0 || roads.segmentCount === 0) return emptyFleet();
  const fleet: ElevatorFleet = { count, lonLat: new Float32Array(count * 2), district: new Uint8Array(count), use: new Uint8Array(count) };
  let placed = 0;
  while (placed < count) {
    const segment = rng.int(0, roads.segmentCount - 1);
    const [lon, lat] = segmentMidpoint(roads, segment);
    const [x, y] = toKm(lon, lat);
    const centreKm = Math.hypot(x, y);
    // Buildings thin out from the centre faster than the road grid does.
    if (rng.next() > 0.15 + 0.85 * Math.exp(-centreKm / 12)) continue;
    const towers = centreKm < 8 ? 14 : centreKm < 20 ? 7 : 3;
    const cars = Math.min(count - placed, rng.int(1, towers));
    const use = centreKm < 8 ? rng.int(0, 3) : rng.next() < 0.75 ? 0 : rng.int(1, 3);
    // Set back from the road by 30–180 m, on either side, anywhere along the segment.
    const side = rng.next() < 0.5 ? -1 : 1;
    const bLon = lon + rng.range(-120, 120) * LON_PER_M + side * rng.range(30, 180) * LON_PER_M;
    const bLat = lat + rng.range(-120, 120) * LAT_PER_M + side * rng.range(30, 180) * LAT_PER_M;
    for (let c = 0; c < cars; c++, placed++) {
      // Cars of one building a few metres apart, so a zoomed-in map can tell them apart.
      fleet.lonLat[placed * 2] = bLon + (c % 4) * 4 * LON_PER_M;
      fleet.lonLat[placed * 2 + 1] = bLat + Math.floor(c / 4) * 4 * LAT_PER_M;
      fleet.district[placed] = Math.max(0, roads.district[segment]);
      fleet.use[placed] = use;
    }
  }
  return fleet;
}
