/** Positions along a polyline by fraction of its length (in degrees; the lines are short enough). */
import type { Position } from 'geojson';

export function pointAlong(coords: Position[], fraction: number): [number, number] {
  const lengths = [0];
  for (let i = 1; i < coords.length; i++) {
    lengths.push(lengths[i - 1] + Math.hypot(coords[i][0] - coords[i - 1][0], coords[i][1] - coords[i - 1][1]));
  }
  const target = Math.min(Math.max(fraction, 0), 1) * lengths[lengths.length - 1];
  for (let i = 1; i < coords.length; i++) {
    if (lengths[i] >= target) {
      const span = lengths[i] - lengths[i - 1] || 1;
      const t = (target - lengths[i - 1]) / span;
      return [
        coords[i - 1][0] + t * (coords[i][0] - coords[i - 1][0]),
        coords[i - 1][1] + t * (coords[i][1] - coords[i - 1][1]),
      ];
    }
  }
  const last = coords[coords.length - 1];
  return [last[0], last[1]];
}

/** Fraction of the line's length at the vertex nearest to a point. */
export function fractionNearest(coords: Position[], point: [number, number]): number {
  let total = 0;
  let best = Infinity;
  let bestAt = 0;
  for (let i = 0; i < coords.length; i++) {
    if (i > 0) total += Math.hypot(coords[i][0] - coords[i - 1][0], coords[i][1] - coords[i - 1][1]);
    const d = Math.hypot(coords[i][0] - point[0], coords[i][1] - point[1]);
    if (d < best) {
      best = d;
      bestAt = total;
    }
  }
  return total > 0 ? bestAt / total : 0;
}
