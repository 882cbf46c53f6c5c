import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cityAssetsFromRegistry, PLACER_REVISION, simulatedCityFromRegistry } from '../../../../mock-server/assets/cityRegistry';
import { convertLonLat } from '../../../../mock-server/assets/datum';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { catalogToWire, catalogVersionOf } from '../../../../mock-server/feed/catalogToWire';
import { forkCityRngs } from '../../../../mock-server/simulator/citySimulation';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteAssetStore } from '../../../../mock-server/storage/sqliteAssets';

let geo: CityGeo;
beforeAll(() => {
  geo = loadCityGeo();
});
const open: Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function freshStore(): SqliteAssetStore {
  const db = openDatabase(':memory:');
  open.push(db);
  return new SqliteAssetStore(db);
}

const now = () => 1_000;
const SHANGHAI = { seed: 7, scale: 'shanghai' as const };

describe('the simulated city through the registry', { timeout: 30_000 }, () => {
  it('places the seed’s Shanghai into a fresh registry and reads back the same assets, slot for slot', async () => {
    const store = freshStore();
    const city = await simulatedCityFromRegistry(store, geo, { placement: SHANGHAI, datum: 'gcj02', now });
    const placed = placeAssets(geo, forkCityRngs(7).assets, { scale: 'shanghai' });
    const { registryDigest, ...assets } = city;
    expect(assets).toEqual(placed);
    expect(registryDigest).toMatch(/^[\w-]{10}$/);
    expect(catalogToWire(city, 'v')).toEqual(catalogToWire(placed, 'v'));
    expect(await store.state()).toEqual({ revision: 1, datum: 'gcj02', placement: { ...SHANGHAI, revision: PLACER_REVISION }, edited: false, generatedElevators: 0, digest: registryDigest, updatedAt: 1_000 });
    // The source with no simulator reads the same city from the same registry.
    expect(await cityAssetsFromRegistry(store, geo, 'gcj02')).toEqual(city);
  });

  it('gives the same city and catalogue version for the same seed, another for another seed', async () => {
    const a = await simulatedCityFromRegistry(freshStore(), geo, { placement: SHANGHAI, datum: 'gcj02', now });
    const b = await simulatedCityFromRegistry(freshStore(), geo, { placement: SHANGHAI, datum: 'gcj02', now });
    const c = await simulatedCityFromRegistry(freshStore(), geo, { placement: { ...SHANGHAI, seed: 8 }, datum: 'gcj02', now });
    expect(b).toEqual(a);
    expect(catalogVersionOf(7, b)).toBe(catalogVersionOf(7, a));
    expect(c.rainGauges[0].lon).not.toBe(a.rainGauges[0].lon);
    expect(c.registryDigest).not.toBe(a.registryDigest);
  });

  it('reads a registry it placed before without placing again, and follows a new seed until an import edits it', async () => {
    const store = freshStore();
    await simulatedCityFromRegistry(store, geo, { placement: SHANGHAI, datum: 'gcj02', now });
    await simulatedCityFromRegistry(store, geo, { placement: SHANGHAI, datum: 'gcj02', now: () => 2_000 });
    expect((await store.state())?.revision).toBe(1);
    const reseeded = await simulatedCityFromRegistry(store, geo, { placement: { ...SHANGHAI, seed: 8 }, datum: 'gcj02', now });
    expect((await store.state())?.revision).toBe(2);
    const edited = { ...(await store.state())!, edited: true };
    await store.replace(await store.list(), edited);
    const kept = await simulatedCityFromRegistry(store, geo, { placement: SHANGHAI, datum: 'gcj02', now });
    expect(kept).toEqual(reseeded);
    expect(await store.state()).toEqual(edited);
  });

  it('places again, while never edited, a registry an older placer wrote (compounds as points, before they were areas)', async () => {
    const store = freshStore();
    await simulatedCityFromRegistry(store, geo, { placement: SHANGHAI, datum: 'gcj02', now });
    const old = await store.state();
    const asPoints = (await store.list()).map(({ area, ...r }) => (void area, r));
    await store.replace(asPoints, { ...old!, placement: SHANGHAI });
    const placedAgain = await simulatedCityFromRegistry(store, geo, { placement: SHANGHAI, datum: 'gcj02', now });
    expect((await store.state())?.revision).toBe(2);
    expect(placedAgain.statics?.residentialCompound?.[0].area).toEqual(placeAssets(geo, forkCityRngs(7).assets, {}).statics?.residentialCompound?.[0].area);
    // Edited since, it is the city's own: a compound without an outline gets a square of 2 ha around its point.
    await store.replace(asPoints, { ...old!, placement: SHANGHAI, edited: true });
    const kept = await simulatedCityFromRegistry(store, geo, { placement: SHANGHAI, datum: 'gcj02', now });
    const square = kept.statics!.residentialCompound![0];
    expect(square.area).toHaveLength(4);
    expect(square.area![1][0] - square.area![0][0]).toBeCloseTo(141 / (111_320 * Math.cos((square.lat * Math.PI) / 180)), 5);
  });

  it('keeps large elevator fleets generated: a count and the placement, no rows', async () => {
    const store = freshStore();
    const placement = { seed: 3, scale: 'shanghai' as const, roadGridKm: 2, counts: { elevators: 3_000 } };
    const city = await simulatedCityFromRegistry(store, geo, { placement, datum: 'gcj02', now });
    expect((await store.list()).some((r) => r.kind === 'elevator')).toBe(false);
    expect((await store.state())?.generatedElevators).toBe(3_000);
    const placed = placeAssets(geo, forkCityRngs(3).assets, { roadGridKm: 2, counts: { elevators: 3_000 } });
    expect(city.elevators).toEqual(placed.elevators);
    expect(await cityAssetsFromRegistry(store, geo, 'gcj02')).toEqual(city);
  });

  it('keeps positions in the basemap datum: a WGS-84 basemap gets the simulator’s GCJ-02 city converted', async () => {
    const store = freshStore();
    const city = await simulatedCityFromRegistry(store, geo, { placement: SHANGHAI, datum: 'wgs84', now });
    const placed = placeAssets(geo, forkCityRngs(7).assets, {});
    const g = placed.rainGauges[0];
    expect([city.rainGauges[0].lon, city.rainGauges[0].lat]).toEqual(convertLonLat(g.lon, g.lat, 'gcj02', 'wgs84'));
    expect((await store.state())?.datum).toBe('wgs84');
    // Read for a GCJ-02 basemap, the same registry is converted back (to within a few millimetres).
    const back = (await cityAssetsFromRegistry(store, geo, 'gcj02'))!;
    expect(back.rainGauges[0].lon).toBeCloseTo(g.lon, 6);
    expect(back.rainGauges[0].lat).toBeCloseTo(g.lat, 6);
  });

  it('has no city for a source with no simulator while the registry is empty', async () => {
    expect(await cityAssetsFromRegistry(freshStore(), geo, 'gcj02')).toBeNull();
  });
});
