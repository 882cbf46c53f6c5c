/**
 * An area's outline as the registry keeps it (a residential compound's): one open ring — the
 * GeoJSON ring without its closing position — that is a simple polygon. check-geojson has already
 * seen that the ring is closed and has four or more positions; what is left is what OGC validity
 * asks and GeoJSON does not: three distinct corners, no edge that crosses or touches another, no
 * spike (an edge folding back along the one before), an area above zero. A map cannot fill a ring
 * that crosses itself the way its owner meant, so it is refused rather than drawn wrong.
 */
import type { LonLat } from './assetRecord';

/** An outline with more positions is refused: a compound's wall has tens, and the checks are pairwise. */
export const MAX_RING_POSITIONS = 1000;

/** The ring without consecutive repeats (which add nothing) and without its closing position. */
export function openRing(closed: readonly LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  for (const p of closed) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0], p[1]]);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (out.length > 1 && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

const cross = (o: LonLat, a: LonLat, b: LonLat) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const within = (a: number, b: number, v: number) => Math.min(a, b) <= v && v <= Math.max(a, b);
const onSegment = (p: LonLat, q: LonLat, r: LonLat) => within(p[0], q[0], r[0]) && within(p[1], q[1], r[1]);

/** Whether segments p1–p2 and q1–q2 cross or touch. */
function segmentsMeet(p1: LonLat, p2: LonLat, q1: LonLat, q2: LonLat): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && onSegment(q1, q2, p1)) || (d2 === 0 && onSegment(q1, q2, p2)) || (d3 === 0 && onSegment(p1, p2, q1)) || (d4 === 0 && onSegment(p1, p2, q2));
}

/** Twice the signed area (positive: counter-clockwise), relative to the first position for precision. */
function doubleArea(ring: readonly LonLat[]): number {
  let sum = 0;
  const o = ring[0];
  for (let i = 1; i + 1 < ring.length; i++) sum += cross(o, ring[i], ring[i + 1]);
  return sum;
}

/** What is wrong with an open ring as an area's outline, naming the positions (0-based, as in the file); null: nothing. */
export function ringProblem(ring: readonly LonLat[]): string | null {
  const n = ring.length;
  if (n > MAX_RING_POSITIONS) return `an outline of ${n} positions is more than ${MAX_RING_POSITIONS}: simplify it`;
  if (n < 3) return 'an outline needs three or more distinct corners';
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [ring[i], ring[(i + 1) % n], ring[(i + 2) % n]];
    const back = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0;
    if (cross(a, b, c) === 0 && back) return `the outline folds back on itself at position ${(i + 1) % n} (a spike)`;
  }
  for (let i = 0; i < n; i++) {
    // Edge i runs from position i to i + 1; its neighbours share a corner with it and are checked above.
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsMeet(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) {
        return `the outline crosses or touches itself: the edge from position ${i} meets the edge from position ${j}`;
      }
    }
  }
  if (doubleArea(ring) === 0) return 'the outline encloses no area';
  return null;
}

/** The outline's centroid (the centre of its area), lon, lat: where the asset stands as a point. */
export function ringCentroid(ring: readonly LonLat[]): LonLat {
  const o = ring[0];
  let a2 = 0;
  let x = 0;
  let y = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const [p, q] = [ring[i], ring[i + 1]];
    const w = cross(o, p, q);
    a2 += w;
    x += w * (p[0] - o[0] + q[0] - o[0]);
    y += w * (p[1] - o[1] + q[1] - o[1]);
  }
  return [o[0] + x / (3 * a2), o[1] + y / (3 * a2)];
}
