import { beforeAll, describe, expect, it } from 'vitest';
import { convertLonLat, datumConverter } from '../../../../mock-server/assets/datum';
import { featureRecords } from '../../../../mock-server/assets/featureRecords';
import type { RegistryFeature } from '../../../../mock-server/assets/readRegistryGeoJson';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { createDistrictLocator, type DistrictLocator } from '../../../../mock-server/city/districtLocator';

/**
 * The Oriental Pearl Tower in WGS-84: N 31° 14.520′ E 121° 29.705′, a GPS fix published at
 * waymarking.com (waymark WMRDJT, "Oriental Pearl Tower - Shanghai, China"; UTM 51R 356687 3457398).
 * Wikidata's 31.24167, 121.49472 is within 60 m of it. The 121.4997, 31.2397 often quoted comes from
 * Chinese web maps and is GCJ-02: what this WGS-84 fix converts to (checked below).
 */
const PEARL_TOWER_WGS84: [number, number] = [121.49508, 31.242];
const PEARL_TOWER_GCJ02_QUOTED: [number, number] = [121.4997, 31.2397];

let geo: CityGeo;
let locator: DistrictLocator;
const codeAt = (lon: number, lat: number) => {
  const i = locator.indexAt(lon, lat);
  return i < 0 ? null : geo.districts[i].properties.code;
};
beforeAll(() => {
  geo = loadCityGeo();
  locator = createDistrictLocator(geo.districts);
});

const gauge = (positions: [number, number][]): RegistryFeature => ({
  index: 0,
  kind: 'rainGauge',
  positions,
  properties: { kind: 'rainGauge', id: 'OPT', name: '东方明珠' } as RegistryFeature['properties'],
});

describe('one datum at the boundary', () => {
  it('puts the Oriental Pearl Tower (WGS-84) in 浦东新区 once converted to the shapes’ GCJ-02', () => {
    const [lon, lat] = convertLonLat(...PEARL_TOWER_WGS84, 'wgs84', 'gcj02');
    expect(codeAt(lon, lat)).toBe('310115');
    expect(geo.districts.find((d) => d.properties.code === '310115')?.properties.name).toBe('浦东新区');
    // The converted fix is the GCJ-02 position Chinese maps quote, to within ~40 m.
    expect(Math.abs(lon - PEARL_TOWER_GCJ02_QUOTED[0]) * 95_000).toBeLessThan(40);
    expect(Math.abs(lat - PEARL_TOWER_GCJ02_QUOTED[1]) * 111_000).toBeLessThan(40);
  });

  it('without conversion the tower lands ~0.5 km off, in the Huangpu, and Wikidata’s fix across it in 黄浦区', () => {
    expect(codeAt(...PEARL_TOWER_WGS84)).toBeNull();
    expect(codeAt(121.49472, 31.24167)).toBe('310101');
  });

  it('an import states its datum: the same numbers read as WGS-84 go to 浦东新区, read as GCJ-02 to the wrong bank', () => {
    const asWgs84 = featureRecords([gauge([PEARL_TOWER_WGS84])], geo, { from: 'wgs84', to: 'gcj02' });
    expect(asWgs84.problems).toEqual([]);
    expect(asWgs84.records[0].district).toBe('310115');
    const unconverted = featureRecords([gauge([PEARL_TOWER_WGS84])], geo, { from: 'gcj02', to: 'gcj02' });
    expect(unconverted.records[0].district).not.toBe('310115');
    // A registry kept in WGS-84 (a WGS-84 basemap) keeps the fix as it is, and still finds its district on the GCJ-02 shapes.
    const wgsRegistry = featureRecords([gauge([PEARL_TOWER_WGS84])], geo, { from: 'wgs84', to: 'wgs84' });
    expect([wgsRegistry.records[0].lon, wgsRegistry.records[0].lat, wgsRegistry.records[0].district]).toEqual([...PEARL_TOWER_WGS84, '310115']);
  });

  it('converts GCJ-02 back to WGS-84 exactly enough that there and back is the same position', () => {
    for (const [lon, lat] of [PEARL_TOWER_WGS84, [121.2, 30.8], [121.9, 31.6]] as [number, number][]) {
      const there = convertLonLat(lon, lat, 'wgs84', 'gcj02');
      const back = convertLonLat(...there, 'gcj02', 'wgs84');
      expect(Math.abs(back[0] - lon)).toBeLessThan(1e-10);
      expect(Math.abs(back[1] - lat)).toBeLessThan(1e-10);
    }
    expect(datumConverter('gcj02', 'gcj02')(1, 2)).toEqual([1, 2]);
    // Outside China GCJ-02 is WGS-84.
    expect(convertLonLat(2.35, 48.85, 'wgs84', 'gcj02')).toEqual([2.35, 48.85]);
  });
});
