/**
 * The districts' outlines as a CAP `<polygon>` carries them: each district's largest ring, simplified
 * to about half a kilometre (Douglas–Peucker) so an alert over many districts stays a few KB, in WGS 84 as
 * CAP requires (the embedded shapes are GCJ-02, assets/datum.ts). Pure; computed once per city.
 */
import type { Position } from 'geojson';
import { CITY_GEO_DATUM, convertLonLat } from '../assets/datum';
import type { DistrictFeature } from '../city/cityGeo';

/** Degrees; about half a kilometre at Shanghai's latitude: a warning area needs no finer edge. */
export const OUTLINE_TOLERANCE_DEG = 0.005;

const ringArea = (ring: Position[]) => Math.abs(ring.reduce((sum, p, i) => { const q = ring[(i + 1) % ring.length]!; return sum + p[0]! * q[1]! - q[0]! * p[1]!; }, 0)) / 2;

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2));
  return Math.hypot(p[0]! - (a[0]! + t * dx), p[1]! - (a[1]! + t * dy));
}

/** Douglas–Peucker over an open run of points (its ends kept). */
function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points;
  let [far, at] = [0, 0];
  for (let i = 1; i < points.length - 1; i++) {
    const d = distanceToSegment(points[i]!, points[0]!, points[points.length - 1]!);
    if (d > far) [far, at] = [d, i];
  }
  if (far <= tolerance) return [points[0]!, points[points.length - 1]!];
  return [...simplify(points.slice(0, at + 1), tolerance).slice(0, -1), ...simplify(points.slice(at), tolerance)];
}

/** A closed ring, simplified: split at its farthest point from the start so both halves keep their ends. */
function simplifyRing(ring: Position[], tolerance: number): Position[] {
  const open = ring.slice(0, -1);
  let far = 1;
  for (let i = 1; i < open.length; i++) if (Math.hypot(open[i]![0]! - open[0]![0]!, open[i]![1]! - open[0]![1]!) > Math.hypot(open[far]![0]! - open[0]![0]!, open[far]![1]! - open[0]![1]!)) far = i;
  const out = [...simplify(open.slice(0, far + 1), tolerance).slice(0, -1), ...simplify([...open.slice(far), open[0]!], tolerance)];
  return out.length >= 4 ? out : ring;
}

/** Per district (in the order of `districts`), its outline: a closed ring of [lon, lat] in WGS 84, to 4 decimals. */
export function districtOutlines(districts: readonly DistrictFeature[], tolerance = OUTLINE_TOLERANCE_DEG): [number, number][][] {
  return districts.map((d) => {
    const outers = d.geometry.type === 'Polygon' ? [d.geometry.coordinates[0]!] : d.geometry.coordinates.map((p) => p[0]!);
    const largest = outers.reduce((a, b) => (ringArea(b) > ringArea(a) ? b : a));
    return simplifyRing(largest, tolerance).map(([lon, lat]) => {
      const [x, y] = convertLonLat(lon!, lat!, CITY_GEO_DATUM, 'wgs84');
      return [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4] as [number, number];
    });
  });
}
