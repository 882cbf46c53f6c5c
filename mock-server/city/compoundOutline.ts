/**
 * The outline of a simulated residential compound (小区): a walled block around its point, sized by
 * its households. Shanghai builds at about 150 homes a hectare in the six-storey estates of the 1980s
 * and 90s and up to 350 in high-rise compounds (a plot ratio of ~1.5–3 at ~90 m² a home), and its
 * compounds mostly cover 1–10 ha: so the area is the households over a density drawn from 150–350
 * a hectare, kept within 1–10 ha. The block is a rectangle (sides up to 2 : 1) turned to any
 * angle, and two in five lose a corner to a street or a neighbour, as walled blocks do.
 */
import type { Rng } from '../simulator/rng';

/** lon, lat. */
export type RingPosition = [number, number];

const HOMES_PER_HA = { min: 150, max: 350 } as const;
export const COMPOUND_HA = { min: 1, max: 10 } as const;
const M2_PER_HA = 10_000;
const M_PER_DEG_LAT = 110_570;
const M_PER_DEG_LON_EQUATOR = 111_320;
/** Outline positions to 1e-6° (~0.1 m), as an export writes them. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Positions `[x, y]` in metres east and north of (lon, lat), as lon, lat. */
function toLonLat(lon: number, lat: number, points: readonly (readonly [number, number])[]): RingPosition[] {
  const mPerDegLon = M_PER_DEG_LON_EQUATOR * Math.cos((lat * Math.PI) / 180);
  return points.map(([x, y]) => [round6(lon + x / mPerDegLon), round6(lat + y / M_PER_DEG_LAT)]);
}

/**
 * A compound's outline around (lon, lat): an open ring (its first position not repeated),
 * counter-clockwise as RFC 7946 asks of an outer ring, with (lon, lat) inside it.
 */
export function compoundOutline(rng: Rng, lon: number, lat: number, households: number): RingPosition[] {
  const homesPerHa = rng.range(HOMES_PER_HA.min, HOMES_PER_HA.max);
  const ha = Math.min(COMPOUND_HA.max, Math.max(COMPOUND_HA.min, households / homesPerHa));
  const aspect = rng.range(1, 2);
  const angle = rng.range(0, Math.PI / 2);
  const cut = rng.next() < 0.4 ? { corner: rng.int(0, 3), a: rng.range(0.2, 0.4), b: rng.range(0.2, 0.4) } : null;
  const halfLong = Math.sqrt(ha * M2_PER_HA * aspect) / 2;
  const halfShort = Math.sqrt((ha * M2_PER_HA) / aspect) / 2;
  // Counter-clockwise from the south-west corner, before turning.
  const corners: [number, number][] = [
    [-halfLong, -halfShort],
    [halfLong, -halfShort],
    [halfLong, halfShort],
    [-halfLong, halfShort],
  ];
  const points: [number, number][] = [];
  corners.forEach((c, i) => {
    if (cut?.corner !== i) return void points.push(c);
    // The corner gives way to a short diagonal between points along its two sides.
    const before = corners[(i + 3) % 4];
    const after = corners[(i + 1) % 4];
    points.push([c[0] + (before[0] - c[0]) * cut.a, c[1] + (before[1] - c[1]) * cut.a], [c[0] + (after[0] - c[0]) * cut.b, c[1] + (after[1] - c[1]) * cut.b]);
  });
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return toLonLat(lon, lat, points.map(([x, y]) => [x * cos - y * sin, x * sin + y * cos]));
}

/**
 * A square of `ha` hectares around (lon, lat): the outline of a compound known only by its point (a
 * registry written before compounds had outlines).
 */
export function squareOutline(lon: number, lat: number, ha: number): RingPosition[] {
  const half = Math.sqrt(ha * M2_PER_HA) / 2;
  return toLonLat(lon, lat, [
    [-half, -half],
    [half, -half],
    [half, half],
    [-half, half],
  ]);
}
