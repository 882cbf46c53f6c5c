import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { createDistrictLocator } from '../../../../mock-server/city/districtLocator';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { createRng } from '../../../../mock-server/simulator/rng';

let geo: CityGeo;
let assets: CityAssets;
beforeAll(() => {
  geo = loadCityGeo();
  assets = placeAssets(geo, createRng(42));
});

describe('asset placement', () => {
  it("places Shanghai's real counts: 550 rain gauges and 157 water-level gauges", () => {
    expect(assets.rainGauges).toHaveLength(550);
    expect(assets.waterGauges).toHaveLength(157);
    expect(assets.districts).toHaveLength(16);
  });

  it('puts every rain gauge on land, in the district it is named after', () => {
    const locator = createDistrictLocator(geo.districts);
    for (const g of assets.rainGauges) {
      const d = locator.indexAt(g.lon, g.lat);
      expect(d).toBe(g.district);
      expect(g.name.startsWith(assets.districts[d].name)).toBe(true);
    }
  });

  it('gives every district gauges, the dense centre included', () => {
    const perDistrict = new Set(assets.rainGauges.map((g) => g.district));
    expect(perDistrict.size).toBe(16);
    const huangpu = assets.districts.findIndex((d) => d.nameEn === 'Huangpu');
    expect(assets.rainGauges.filter((g) => g.district === huangpu).length).toBeGreaterThanOrEqual(3);
  });

  it('uses unique ids', () => {
    const ids = [...assets.rainGauges, ...assets.waterGauges].map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the published warning levels of the named Huangpu stations', () => {
    const byName = Object.fromEntries(assets.waterGauges.map((g) => [g.nameEn, g]));
    expect(byName['Huangpu Park'].warning).toBe(4.55);
    expect(byName['Wusongkou'].warning).toBe(4.8);
    expect(byName['Mishidu'].warning).toBe(3.5);
    for (const g of assets.waterGauges) expect(g.danger).toBeGreaterThan(g.warning);
  });
});
