import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { createDistrictLocator } from '../../../../mock-server/city/districtLocator';
import { buildUnitGrid, type UnitGrid } from '../../../../mock-server/grid/unitGrid';
import { SHANGHAI_STREET_COUNTS } from '../../../../mock-server/grid/streetCounts';

const geo = loadCityGeo();
const locator = createDistrictLocator(geo.districts);
let grid: UnitGrid;

beforeAll(() => {
  grid = buildUnitGrid(geo.districts, 7);
});

/** Spherical area of a lon/lat rectangle, m² (mean Earth radius). */
function areaM2([w, s, e, n]: [number, number, number, number]): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  return R * R * (e - w) * rad * (Math.sin(n * rad) - Math.sin(s * rad));
}

describe('the unit grid over Shanghai', () => {
  it('locates People\'s Square to a Huangpu cell with a 16-digit code, its street and responsible grid', () => {
    const at = grid.locate(121.4737, 31.2304);
    expect(at).not.toBeNull();
    expect(at!.cellCode).toMatch(/^310101\d{10}$/);
    expect(at!.gridCode).toBe(at!.cellCode.slice(0, 12));
    expect(at!.street.code).toBe(at!.cellCode.slice(0, 9));
    expect(at!.street.districtCode).toBe('310101');
    expect(grid.frame.indexAt(121.4737, 31.2304)).toBe(at!.cellIndex);
  });

  it('puts a point in the cell whose bounds hold it', () => {
    for (const [lon, lat] of [[121.4737, 31.2304], [121.8, 31.15], [121.2, 31.0], [121.5, 31.62]]) {
      const at = grid.locate(lon, lat)!;
      const [w, s, e, n] = grid.frame.boundsOf(at.cellIndex);
      expect(lon).toBeGreaterThanOrEqual(w);
      expect(lon).toBeLessThan(e);
      expect(lat).toBeGreaterThan(s);
      expect(lat).toBeLessThanOrEqual(n);
    }
  });

  it('has no cell at sea or in another province', () => {
    expect(grid.locate(122.6, 30.9)).toBeNull(); // East China Sea
    expect(grid.locate(120.6, 31.3)).toBeNull(); // Suzhou, west of the frame
  });

  it('cuts every district into its real number of streets, each with cells, coded 街道 0xx, 镇 1xx, 乡 2xx', () => {
    expect(grid.streets).toHaveLength(215);
    for (const [district, counts] of Object.entries(SHANGHAI_STREET_COUNTS)) {
      const own = grid.streets.filter((s) => s.districtCode === district);
      expect(own.filter((s) => s.kind === 'street').map((s) => s.code.slice(6))).toEqual(
        Array.from({ length: counts.streets }, (_, i) => String(1 + i).padStart(3, '0')),
      );
      expect(own.filter((s) => s.kind === 'town').map((s) => s.code.slice(6))).toEqual(
        Array.from({ length: counts.towns }, (_, i) => String(101 + i)),
      );
      expect(own.filter((s) => s.kind === 'township')).toHaveLength(counts.townships);
      for (const s of own) expect(s.cellCount).toBeGreaterThan(0);
    }
    expect(new Set(grid.streets.map((s) => s.code)).size).toBe(215);
  });

  it('gives a point inside a district a street of that district (away from the boundary)', () => {
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const lon = 121.0 + (i % 20) * 0.045;
      const lat = 30.75 + Math.floor(i / 20) * 0.055;
      const d = locator.indexAt(lon, lat);
      // A cell goes to the district holding its centre, so a point 150 m from it is far enough inside.
      const near = [[0.0016, 0], [-0.0016, 0], [0, 0.0014], [0, -0.0014]].map(([dx, dy]) => locator.indexAt(lon + dx, lat + dy));
      if (d < 0 || near.some((n) => n !== d)) continue;
      expect(grid.locate(lon, lat)?.street.districtCode).toBe(geo.districts[d].properties.code);
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('round-trips codes: the cell of a code is the cell the code was read from', () => {
    for (const [lon, lat] of [[121.4737, 31.2304], [121.8, 31.15], [121.2, 31.0], [121.5, 31.62], [121.33, 30.73]]) {
      const at = grid.locate(lon, lat)!;
      expect(grid.cellOfCode(at.cellCode)).toBe(at.cellIndex);
    }
    expect(grid.cellOfCode('3101010010019999')).toBe(-1);
    expect(grid.cellOfCode('9999990010010001')).toBe(-1);
    expect(grid.cellOfCode('not a code')).toBe(-1);
  });

  it('makes cells of about 10,000 m² across Shanghai\'s latitudes', () => {
    for (const [lon, lat] of [[121.4737, 31.2304], [121.33, 30.73], [121.5, 31.85], [121.1, 31.15]]) {
      const index = grid.frame.indexAt(lon, lat);
      expect(Math.abs(areaM2(grid.frame.boundsOf(index)) - 10_000)).toBeLessThan(100);
    }
  });

  it('covers the city\'s land area with about 6,300 km² of cells', () => {
    // Shanghai's land is about 6,340 km²; the ring of cells along shores and boundaries adds some.
    expect(grid.cellCount / 100).toBeGreaterThan(6_000);
    expect(grid.cellCount / 100).toBeLessThan(8_000);
  });

  it('is the same for the same seed and differs for another', () => {
    const again = buildUnitGrid(geo.districts, 7);
    const other = buildUnitGrid(geo.districts, 8);
    const points = [[121.4737, 31.2304], [121.8, 31.15], [121.2, 31.0], [121.5, 31.62], [121.33, 30.73], [121.6, 31.3]];
    const codes = (g: UnitGrid) => points.map(([lon, lat]) => g.locate(lon, lat)!.cellCode);
    expect(codes(again)).toEqual(codes(grid));
    expect(again.streets).toEqual(grid.streets);
    expect(codes(other)).not.toEqual(codes(grid));
  });

  it('locates a point in microseconds (measured)', () => {
    const n = 200_000;
    const started = performance.now();
    let found = 0;
    for (let i = 0; i < n; i++) if (grid.locate(121 + (i % 1000) / 1000, 31 + (i % 777) / 1000)) found++;
    const microseconds = ((performance.now() - started) * 1000) / n;
    expect(found).toBeGreaterThan(n / 2);
    // ~0.1 µs measured alone; the bound leaves room for a CPU shared with other work.
    expect(microseconds).toBeLessThan(5);
  });
});
