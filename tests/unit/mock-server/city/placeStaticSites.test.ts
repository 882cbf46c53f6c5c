import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { createDistrictLocator } from '../../../../mock-server/city/districtLocator';
import { placeStaticSites } from '../../../../mock-server/city/placeStaticSites';
import type { StaticSites } from '../../../../mock-server/city/staticSites';
import { createRng } from '../../../../mock-server/simulator/rng';

let geo: CityGeo;
let sites: StaticSites;
const districtsOf = (g: CityGeo) => g.districts.map((f) => ({ code: f.properties.code, name: f.properties.name, nameEn: f.properties.nameEn }));
beforeAll(() => {
  geo = loadCityGeo();
  sites = placeStaticSites(createRng(3), createDistrictLocator(geo.districts), districtsOf(geo));
});

describe('static sites from the seeds', () => {
  it('places 246 community health centres, 117 fever clinics, 182 sentinel clinics, 736 evacuation points, 1,000 video points and 14,000 compounds', () => {
    const byCategory = [0, 1, 2].map((c) => sites.healthSite.filter((s) => s.attributes.category === c).length);
    expect(byCategory).toEqual([246, 117, 182]);
    expect(sites.evacuationPoint).toHaveLength(736);
    expect(sites.videoPoint).toHaveLength(1000);
    expect(sites.residentialCompound).toHaveLength(14_000);
  });

  it('puts each on land in its district, with unique ids and a capacity per evacuation point', () => {
    const locator = createDistrictLocator(geo.districts);
    for (const list of Object.values(sites)) {
      expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
      for (const s of list.slice(0, 300)) expect(locator.indexAt(s.lon, s.lat)).toBe(s.district);
    }
    for (const e of sites.evacuationPoint) expect(e.attributes.capacity).toBeGreaterThanOrEqual(300);
  });

  it('gives every compound an outline around its point, and no other kind one', () => {
    for (const c of sites.residentialCompound) {
      const lons = c.area!.map(([lon]) => lon);
      const lats = c.area!.map(([, lat]) => lat);
      expect(Math.min(...lons) < c.lon && c.lon < Math.max(...lons) && Math.min(...lats) < c.lat && c.lat < Math.max(...lats)).toBe(true);
    }
    expect([...sites.healthSite, ...sites.evacuationPoint, ...sites.videoPoint].some((s) => s.area)).toBe(false);
  });

  it('gives some video points a stream address of their own id, and the rest none', () => {
    const withStream = sites.videoPoint.filter((v) => v.texts.streamUrl);
    expect(withStream.length).toBeGreaterThan(200);
    expect(withStream.length).toBeLessThan(500);
    for (const v of withStream) expect(v.texts.streamUrl).toBe(`https://video.example.com/live/${v.id}.m3u8`);
  });

  it('is deterministic, and one kind’s count leaves the others in place', () => {
    const other = placeStaticSites(createRng(3), createDistrictLocator(geo.districts), districtsOf(geo), { residentialCompound: 10 });
    expect(other.residentialCompound).toHaveLength(10);
    expect(other.videoPoint).toEqual(sites.videoPoint);
    expect(other.healthSite).toEqual(sites.healthSite);
  });
});
