/**
 * CAP's geometry strings (CAP 1.2 §3.2.4): a polygon is at least four `lat,lon` pairs separated by
 * spaces, the first and last the same; a circle is `lat,lon radius` with the radius in km (WGS 84).
 */
import type { CapCircle } from './capAlert';

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const PAIR = new RegExp(`^(${NUMBER}),(${NUMBER})$`);

function point(pair: string, what: string): [number, number] {
  const m = PAIR.exec(pair);
  if (!m) throw new Error(`${what}: '${pair}' is not a lat,lon pair`);
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new Error(`${what}: '${pair}' is outside -90..90 latitude or -180..180 longitude`);
  return [lon, lat];
}

/** The ring of a `<polygon>`, as [lon, lat]; throws an Error naming the problem. */
export function parseCapPolygon(text: string): [number, number][] {
  const pairs = text.trim().split(/\s+/).filter((s) => s !== '');
  if (pairs.length < 4) throw new Error(`polygon: ${pairs.length} points, at least 4 needed (the first repeated at the end)`);
  const ring = pairs.map((p) => point(p, 'polygon'));
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new Error('polygon: the last point must repeat the first');
  return ring;
}

/** The centre and radius of a `<circle>`; throws an Error naming the problem. */
export function parseCapCircle(text: string): CapCircle {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2) throw new Error(`circle: '${text.trim()}' is not 'lat,lon radius'`);
  const radiusKm = Number(parts[1]);
  if (!new RegExp(`^${NUMBER}$`).test(parts[1]!) || radiusKm < 0) throw new Error(`circle: the radius '${parts[1]}' is not a distance in km`);
  return { center: point(parts[0]!, 'circle'), radiusKm };
}
