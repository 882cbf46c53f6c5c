/** Nearest-point lookup over lon/lat pairs (KDBush, growing the search box until something is inside). */
import KDBush from 'kdbush';

/** A finder for the index of the point nearest to (lon, lat); -1 when there are no points. */
export function nearestPointFinder(lonLat: ArrayLike<number>): (lon: number, lat: number) => number {
  const count = Math.floor(lonLat.length / 2);
  if (count === 0) return () => -1;
  const index = new KDBush(count);
  for (let i = 0; i < count; i++) index.add(lonLat[i * 2], lonLat[i * 2 + 1]);
  index.finish();
  return (lon, lat) => {
    for (let r = 0.005; ; r *= 2) {
      if (index.range(lon - r, lat - r, lon + r, lat + r).length === 0) continue;
      // The nearest may lie just outside the box that first held a point, but within √2 of its half-width.
      const R = r * Math.SQRT2;
      const found = index.range(lon - R, lat - R, lon + R, lat + R);
      let best = found[0];
      let bestD = Infinity;
      for (const i of found) {
        const d = Math.hypot(lonLat[i * 2] - lon, lonLat[i * 2 + 1] - lat);
        if (d < bestD || (d === bestD && i < best)) [best, bestD] = [i, d];
      }
      return best;
    }
  };
}
