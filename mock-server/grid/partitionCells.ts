/**
 * Splits a set of cells into `count` compact regions: seeds drawn from the cells with a seeded
 * stream, moved twice to their region's centroid (Lloyd), then each cell to its nearest seed. The
 * regions are Voronoi cells clipped to the set, the way the grid models streets and communities
 * that the product has no boundaries for.
 */
import type { Rng } from '../simulator/rng';

const LLOYD_ROUNDS = 2;

/**
 * `cells` are cell indices in a frame `cols` wide (cells are square, so column and row are metric).
 * Returns the seeds' [col, row] and, per input cell, its region 0..count-1.
 */
export function partitionCells(
  cells: Int32Array,
  cols: number,
  count: number,
  rng: Rng,
): { seeds: Float64Array; region: Int32Array } {
  const k = Math.max(1, Math.min(count, cells.length));
  const seeds = new Float64Array(2 * k);
  const picked = new Set<number>();
  for (let s = 0; s < k; s++) {
    let at = rng.int(0, cells.length - 1);
    while (picked.has(at)) at = (at + 1) % cells.length;
    picked.add(at);
    seeds[2 * s] = cells[at] % cols;
    seeds[2 * s + 1] = Math.floor(cells[at] / cols);
  }
  const region = new Int32Array(cells.length);
  for (let round = 0; round <= LLOYD_ROUNDS; round++) {
    assignNearest(cells, cols, seeds, region);
    if (round < LLOYD_ROUNDS) moveToCentroids(cells, cols, seeds, region);
  }
  return { seeds, region };
}

function assignNearest(cells: Int32Array, cols: number, seeds: Float64Array, region: Int32Array): void {
  const k = seeds.length / 2;
  for (let i = 0; i < cells.length; i++) {
    const x = cells[i] % cols;
    const y = (cells[i] - x) / cols;
    let best = 0;
    let bestD = Infinity;
    for (let s = 0; s < k; s++) {
      const dx = seeds[2 * s] - x;
      const dy = seeds[2 * s + 1] - y;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    region[i] = best;
  }
}

function moveToCentroids(cells: Int32Array, cols: number, seeds: Float64Array, region: Int32Array): void {
  const k = seeds.length / 2;
  const sum = new Float64Array(3 * k);
  for (let i = 0; i < cells.length; i++) {
    const x = cells[i] % cols;
    const r = region[i];
    sum[3 * r] += x;
    sum[3 * r + 1] += (cells[i] - x) / cols;
    sum[3 * r + 2] += 1;
  }
  for (let s = 0; s < k; s++) {
    // An empty region keeps its seed; a centroid off the set (a crescent) is harmless for Voronoi.
    if (sum[3 * s + 2] === 0) continue;
    seeds[2 * s] = sum[3 * s] / sum[3 * s + 2];
    seeds[2 * s + 1] = sum[3 * s + 1] / sum[3 * s + 2];
  }
}
