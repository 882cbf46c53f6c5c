/**
 * Distances of a point from a route and from a place, in metres: the geofences of a muck truck (its
 * permitted route, its disposal site). Both sides use it — the server's rules raise the alarms, the
 * detail card says how far off its route a truck is. Routes are polylines as flat lon, lat pairs.
 *
 * The ground is taken as flat around the point (an equirectangular projection at its latitude): over
 * the few kilometres a corridor check looks at, the error is far below a metre, and across all of
 * Shanghai (~120 km) under 1%.
 */
const M_PER_DEG_LAT = 110_570;
const M_PER_DEG_LON_EQUATOR = 111_320;

/** Metres between two points. */
export function distanceM(lon0: number, lat0: number, lon1: number, lat1: number): number {
  const kx = M_PER_DEG_LON_EQUATOR * Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180);
  return Math.hypot((lon1 - lon0) * kx, (lat1 - lat0) * M_PER_DEG_LAT);
}

/**
 * Metres from a point to the nearest point of a polyline (`coords`: lon, lat pairs; vertices `from`
 * to `to` exclusive, default all). A single vertex is a point; no vertex at all is Infinity.
 */
export function distanceToRouteM(lon: number, lat: number, coords: ArrayLike<number>, from = 0, to = coords.length / 2): number {
  if (to <= from) return Infinity;
  const kx = M_PER_DEG_LON_EQUATOR * Math.cos((lat * Math.PI) / 180);
  // Vertices relative to the point, in metres: the point is the origin.
  const x = (i: number) => (coords[i * 2] - lon) * kx;
  const y = (i: number) => (coords[i * 2 + 1] - lat) * M_PER_DEG_LAT;
  let best = Math.hypot(x(from), y(from));
  for (let i = from + 1; i < to; i++) {
    const ax = x(i - 1);
    const ay = y(i - 1);
    const dx = x(i) - ax;
    const dy = y(i) - ay;
    const len2 = dx * dx + dy * dy;
    // The segment's closest point to the origin, clamped to its ends.
    const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}
