import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { catalogToWire, catalogVersionOf } from '../../../../mock-server/feed/catalogToWire';
import { createRng } from '../../../../mock-server/simulator/rng';
import { assetIdAt, assetNameAt, slotOfId, toCatalogView } from '@/protocol/catalogView';

let geo: CityGeo;
beforeAll(() => {
  geo = loadCityGeo();
});

// The road grid of the stress profile takes ~0.5 s to build; a coarser grid keeps these tests quick
// where the count of road segments does not matter.
const place = (elevators: number, seed = 7) => placeAssets(geo, createRng(seed), { roadGridKm: 2, counts: { elevators } });

describe('scale profiles', () => {
  it('the shanghai profile has no elevator feed; the stress profile ~50,000 road segments and 240,000 elevators', () => {
    const shanghai = placeAssets(geo, createRng(1));
    expect(shanghai.elevators.count).toBe(0);
    expect(shanghai.roads.segmentCount).toBeLessThan(10_000);
    const stress = placeAssets(geo, createRng(1), { scale: 'stress' });
    expect(stress.elevators.count).toBe(240_000);
    expect(stress.roads.segmentCount).toBeGreaterThan(45_000);
    expect(stress.roads.segmentCount).toBeLessThan(55_000);
  }, 30_000);

  it('places elevators deterministically, in the city, denser in the centre', () => {
    const a = place(20_000);
    const b = place(20_000);
    expect(a.elevators.lonLat).toEqual(b.elevators.lonLat);
    const [west, south, east, north] = [120.8, 30.6, 122.2, 31.9];
    let centre = 0;
    for (let i = 0; i < a.elevators.count; i++) {
      const [lon, lat] = [a.elevators.lonLat[i * 2], a.elevators.lonLat[i * 2 + 1]];
      expect(lon > west && lon < east && lat > south && lat < north).toBe(true);
      if (Math.hypot((lon - 121.47) * 95, (lat - 31.23) * 111) < 10) centre++;
    }
    // The old centre (10 km around People's Square, ~5 % of the land) holds far more than 5 % of the cars.
    expect(centre / a.elevators.count).toBeGreaterThan(0.2);
    expect(new Set(a.elevators.district).size).toBeGreaterThan(10);
  });
});

describe('slot stability when assets are added', () => {
  it('more elevators: every existing car keeps its slot and place, and no other kind moves', () => {
    const before = place(5_000);
    const after = place(5_500);
    expect(after.elevators.lonLat.subarray(0, 10_000)).toEqual(before.elevators.lonLat);
    expect(after.elevators.district.subarray(0, 5_000)).toEqual(before.elevators.district);
    expect(after.rainGauges).toEqual(before.rainGauges);
    expect(after.pumpStations).toEqual(before.pumpStations);
    expect(after.teams).toEqual(before.teams);
  });

  it('the catalogue version changes, so a client holding the old one refetches rather than misreads slots', () => {
    const before = place(5_000);
    const after = place(5_500);
    expect(catalogVersionOf(7, after)).not.toBe(catalogVersionOf(7, before));
  });

  it('generated elevator ids and names follow the slot both ways', () => {
    const assets = place(1_234);
    const view = toCatalogView(catalogToWire(assets, 'v'));
    const g = view.groups.elevator;
    expect(g.count).toBe(1_234);
    expect(g.ids).toEqual([]);
    expect(assetIdAt(g, 0)).toBe('EV-000001');
    expect(assetIdAt(g, 1_233)).toBe('EV-001234');
    expect(assetIdAt(g, 1_234)).toBe('');
    expect(slotOfId(g, 'EV-000042')).toBe(41);
    expect(slotOfId(g, 'EV-001235')).toBe(-1);
    expect(slotOfId(g, 'EV-42')).toBe(-1);
    expect(slotOfId(g, 'RG-0001')).toBe(-1);
    expect(assetNameAt(g, 41, false)).toBe('电梯 000042');
    expect(assetNameAt(g, 41, true)).toBe('Elevator 000042');
    expect(Array.from(g.districts).slice(0, 100)).toEqual(Array.from(assets.elevators.district.subarray(0, 100)));
    // Named kinds are unchanged.
    expect(slotOfId(view.groups.rainGauge, assets.rainGauges[3].id)).toBe(3);
  });
});
