import { describe, expect, it } from 'vitest';
import { RAIN_BANDS } from '@/domain/rainBands';
import { buildRainFieldGrid, colourRainField, interpolateRainField } from '@/map/rainField';

/** Three gauges a few km apart in central Shanghai, one far out east. */
const gauges = Float32Array.from([121.40, 31.20, 121.45, 31.20, 121.42, 31.24, 121.9, 31.2]);

function cellAt(grid: ReturnType<typeof buildRainFieldGrid>, lon: number, lat: number): number {
  const [west, south, east, north] = grid.bounds;
  const col = Math.floor(((lon - west) / (east - west)) * grid.width);
  // Rows are even in Mercator y; near the centre linear latitude is within a fraction of a cell.
  const y = (l: number) => Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360));
  const row = Math.floor(((y(north) - y(lat)) / (y(north) - y(south))) * grid.height);
  return row * grid.width + col;
}

describe('rain field', () => {
  const grid = buildRainFieldGrid(gauges);

  it('lays a ~1 km grid over the gauges with a margin', () => {
    const [west, south, east, north] = grid.bounds;
    expect(west).toBeLessThan(121.4);
    expect(east).toBeGreaterThan(121.9);
    expect(south).toBeLessThan(31.2);
    expect(north).toBeGreaterThan(31.24);
    // 0.5° of longitude at 31° N is ~48 km, plus 2 × 6 km of margin.
    expect(grid.width).toBeGreaterThan(55);
    expect(grid.width).toBeLessThan(65);
  });

  it('precomputes each cell’s neighbours and weights once, normalised', () => {
    const cell = cellAt(grid, 121.43, 31.21);
    const w = Array.from(grid.weights.subarray(cell * grid.k, cell * grid.k + grid.k));
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const before = grid.weights.slice();
    const out = new Float32Array(grid.width * grid.height);
    interpolateRainField(grid, [10, 20, 30, 0], out);
    interpolateRainField(grid, [1, 2, 3, 4], out);
    expect(grid.weights).toEqual(before);
  });

  it('gives a cell next to a gauge that gauge’s reading', () => {
    // Within half a cell diagonal (0.71 km) of a gauge, a cell takes its reading as it is.
    const snapped = buildRainFieldGrid(gauges, { snapKm: 0.75 });
    const out = new Float32Array(snapped.width * snapped.height);
    interpolateRainField(snapped, [10, 40, 25, 0], out);
    expect(out[cellAt(snapped, 121.45, 31.2)]).toBe(40);
    expect(out[cellAt(snapped, 121.42, 31.24)]).toBe(25);
    // With the default snap (300 m) the nearest gauge still dominates.
    interpolateRainField(grid, [10, 40, 25, 0], out);
    expect(out[cellAt(grid, 121.45, 31.2)]).toBeGreaterThan(30);
  });

  it('interpolates between gauges and drops silent ones', () => {
    const out = new Float32Array(grid.width * grid.height);
    const mid = cellAt(grid, 121.425, 31.2);
    interpolateRainField(grid, [10, 30, 20, 0], out);
    expect(out[mid]).toBeGreaterThan(10);
    expect(out[mid]).toBeLessThan(30);
    interpolateRainField(grid, [10, NaN, 20, 0], out);
    expect(out[mid]).toBeGreaterThanOrEqual(10);
    expect(out[mid]).toBeLessThanOrEqual(20);
  });

  it('is transparent where dry and beyond 8 km of every gauge', () => {
    const out = new Float32Array(grid.width * grid.height);
    interpolateRainField(grid, [50, 50, 50, 0], out);
    const pixels = new Uint8ClampedArray(out.length * 4);
    colourRainField(grid, out, pixels);
    const alpha = (lon: number, lat: number) => pixels[cellAt(grid, lon, lat) * 4 + 3];
    expect(alpha(121.43, 31.21)).toBeGreaterThan(0);
    expect(Array.from(pixels.slice(cellAt(grid, 121.43, 31.21) * 4, cellAt(grid, 121.43, 31.21) * 4 + 3))).toEqual([...RAIN_BANDS[5].color]);
    // Dry around the eastern gauge; nothing at all 20 km from any gauge.
    expect(alpha(121.9, 31.2)).toBe(0);
    expect(alpha(121.67, 31.2)).toBe(0);
    expect(grid.reach[cellAt(grid, 121.67, 31.2)]).toBe(0);
  });

  it('updates a Shanghai-sized field in a few hundred thousand multiply-adds', () => {
    const n = 550;
    const positions = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) positions.set([120.9 + 1.05 * ((i * 0.618) % 1), 30.7 + 1.15 * ((i * 0.382) % 1)], i * 2);
    const t0 = performance.now();
    const big = buildRainFieldGrid(positions);
    const t1 = performance.now();
    const rain = Float32Array.from({ length: n }, (_, i) => (i % 7) * 6);
    const values = new Float32Array(big.width * big.height);
    const pixels = new Uint8ClampedArray(values.length * 4);
    const runs = 20;
    for (let r = 0; r < runs; r++) {
      interpolateRainField(big, rain, values);
      colourRainField(big, values, pixels);
    }
    const t2 = performance.now();
    console.log(
      `rain field: ${big.width}×${big.height} cells, k=${big.k}; precompute ${(t1 - t0).toFixed(1)} ms, update (interpolate + colour) ${((t2 - t1) / runs).toFixed(2)} ms`,
    );
    expect(big.width * big.height * big.k).toBeLessThan(400_000);
  });
});
