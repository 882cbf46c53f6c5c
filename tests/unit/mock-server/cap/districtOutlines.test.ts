/** The districts' outlines for the office's CAP areas: closed, small, in WGS 84 over Shanghai. */
import { describe, expect, it } from 'vitest';
import { convertLonLat } from '../../../../mock-server/assets/datum';
import { districtOutlines } from '../../../../mock-server/cap/districtOutlines';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';

describe('districtOutlines', () => {
  const geo = loadCityGeo();
  const outlines = districtOutlines(geo.districts);

  it('gives every district a closed ring of a few dozen points at most, the whole city in a few KB', () => {
    expect(outlines).toHaveLength(geo.districts.length);
    for (const ring of outlines) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring.length).toBeLessThan(120);
      expect(ring[0]).toEqual(ring.at(-1));
    }
    expect(JSON.stringify(outlines).length).toBeLessThan(16_000);
  });

  it('is in WGS 84: the embedded GCJ-02 shapes moved back by the datum shift, within Shanghai', () => {
    const first = geo.districts[0]!.geometry;
    const [lon, lat] = (first.type === 'Polygon' ? first.coordinates[0]![0]! : first.coordinates[0]![0]![0]!) as [number, number];
    const [wlon, wlat] = convertLonLat(lon, lat, 'gcj02', 'wgs84');
    expect(outlines[0]![0]![0]).toBeCloseTo(wlon, 3);
    expect(outlines[0]![0]![1]).toBeCloseTo(wlat, 3);
    for (const [x, y] of outlines.flat()) {
      expect(x).toBeGreaterThan(120.8);
      expect(x).toBeLessThan(122.3);
      expect(y).toBeGreaterThan(30.6);
      expect(y).toBeLessThan(31.9);
    }
  });
});
