import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cityAssetsFromRegistry, simulatedCityFromRegistry } from '../../../../mock-server/assets/cityRegistry';
import { exportRegistry, importRegistry, type ImportOptions } from '../../../../mock-server/assets/registryImport';
import { RegistryImportError } from '../../../../mock-server/assets/registryImportError';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { catalogVersionOf } from '../../../../mock-server/feed/catalogToWire';
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

const OPTIONS: ImportOptions = { replace: false, basemapDatum: 'gcj02', now: () => 5_000 };
const point = (properties: Record<string, unknown>, lon = 121.48, lat = 31.23) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
const line = (properties: Record<string, unknown>, coordinates: number[][]) => ({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties });
const file = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

/** A small city of its own: two roads, a pump, an underpass on one road, a team and a gauge. */
const OWN_CITY = file(
  line({ kind: 'roadSegment', id: 'R1', name: '中山东一路', roadClass: 'arterial' }, [[121.48, 31.23], [121.49, 31.23]]),
  line({ kind: 'roadSegment', id: 'R2', roadClass: 'local' }, [[121.49, 31.23], [121.49, 31.24]]),
  point({ kind: 'pumpStation', id: 'P1', name: '一号泵站', capacityM3s: 4 }, 121.485, 31.232),
  point({ kind: 'underpass', id: 'U1', name: '下立交', road: 'R2' }, 121.49, 31.235),
  point({ kind: 'team', id: 'T1', name: '抢险一队', teamType: 'floodTeam' }),
  point({ kind: 'waterGauge', id: 'W1', name: '苏州河', district: 'Huangpu', warning: 3.8, danger: 4.3 }),
);

const refused = async (promise: Promise<unknown>): Promise<RegistryImportError> => {
  try {
    await promise;
  } catch (err) {
    if (err instanceof RegistryImportError) return err;
    throw err;
  }
  throw new Error('accepted');
};

describe('importing a registry', { timeout: 30_000 }, () => {
  it('imports a city of its own into a fresh registry: references settled, districts found, a catalogue', async () => {
    const store = freshStore();
    const result = await importRegistry(store, geo, OWN_CITY, OPTIONS);
    expect(result).toMatchObject({ added: 6, updated: 0, removed: 0, revision: 1, datum: 'wgs84' });
    expect(result.counts).toMatchObject({ roadSegment: 2, pumpStation: 1, underpass: 1, team: 1, waterGauge: 1, elevator: 0 });
    const records = await store.list();
    expect(records.map((r) => r.id)).toEqual(['W1', 'U1', 'P1', 'R1', 'R2', 'T1']);
    // The underpass names its road; its pump is the nearest station.
    expect(records[1].attributes).toEqual({ road: 'R2', pump: 'P1' });
    expect(records[0].district).toBe('310101');
    expect(await store.state()).toMatchObject({ revision: 1, datum: 'gcj02', placement: null, edited: true, generatedElevators: 0, updatedAt: 5_000 });
    const city = (await cityAssetsFromRegistry(store, geo, 'gcj02'))!;
    expect(city.underpasses[0]).toMatchObject({ segment: 1, pump: 0 });
    expect(city.roads.ids).toEqual(['R1', 'R2']);
    expect(city.teams[0].baseNode).toBeGreaterThanOrEqual(0);
  });

  it('merges by kind and id, keeping slots, and replaces when asked; every change bumps the catalogue version', async () => {
    const store = freshStore();
    await importRegistry(store, geo, OWN_CITY, OPTIONS);
    const v1 = catalogVersionOf(1, (await cityAssetsFromRegistry(store, geo, 'gcj02'))!);
    const merged = await importRegistry(store, geo, file(point({ kind: 'pumpStation', id: 'P0', name: '零号', capacityM3s: 1 }), point({ kind: 'pumpStation', id: 'P1', name: '一号泵站(新)', capacityM3s: 6 })), OPTIONS);
    expect(merged).toMatchObject({ added: 1, updated: 1, removed: 0, revision: 2 });
    expect((await store.list()).filter((r) => r.kind === 'pumpStation').map((r) => [r.id, r.attributes.capacityM3s])).toEqual([['P1', 6], ['P0', 1]]);
    const v2 = catalogVersionOf(1, (await cityAssetsFromRegistry(store, geo, 'gcj02'))!);
    expect(v2).not.toBe(v1);
    const replaced = await importRegistry(store, geo, file(point({ kind: 'rainGauge', id: 'RG', name: '雨量' })), { ...OPTIONS, replace: true });
    expect(replaced).toMatchObject({ added: 1, removed: 7, revision: 3 });
    expect((await store.list()).map((r) => r.id)).toEqual(['RG']);
  });

  it('is all or nothing: a file with one bad feature changes nothing and names it', async () => {
    const store = freshStore();
    await importRegistry(store, geo, OWN_CITY, OPTIONS);
    const before = await exportRegistry(store, 'gcj02');
    const err = await refused(
      importRegistry(
        store,
        geo,
        file(
          point({ kind: 'rainGauge', id: 'OK', name: '好的' }),
          point({ kind: 'underpass', id: 'U9', name: '无路', road: 'R404' }),
          point({ kind: 'rainGauge', id: 'OK', name: '重复' }),
          point({ kind: 'rainGauge', id: 'FAR', name: '远方' }, 2.35, 48.85),
          point({ kind: 'rainGauge', id: 'D', name: '区', district: '火星区' }),
        ),
        OPTIONS,
      ),
    );
    expect(err.layer).toBe('registry');
    // Positions and districts are checked first; references and ids once the features are records.
    expect(err.problems.map((p) => [p.feature, p.field])).toEqual([
      [3, 'geometry'],
      [4, 'properties.district'],
    ]);
    expect(err.message).toMatch(/features\[3\]\.geometry \(line 1\): 2\.35, 48\.85 \(wgs84\) lies outside Shanghai/);
    const second = await refused(importRegistry(store, geo, file(point({ kind: 'rainGauge', id: 'OK', name: '好的' }), point({ kind: 'underpass', id: 'U9', name: '无路', road: 'R404' }), point({ kind: 'rainGauge', id: 'OK', name: '重复' })), OPTIONS));
    expect(second.problems.map((p) => [p.feature, p.field, p.message])).toEqual([
      [2, 'properties.id', '"OK" is already the id of features[0] (a rainGauge)'],
      [1, 'properties.road', 'no road segment with id "R404" in the registry'],
    ]);
    expect(await exportRegistry(store, 'gcj02')).toEqual(before);
    expect((await store.state())?.revision).toBe(1);
  });

  it('refuses ponding sites and teams where the registry has no roads or pumps', async () => {
    const err = await refused(importRegistry(freshStore(), geo, file(point({ kind: 'waterloggingPoint', id: 'W', name: '积水' }), point({ kind: 'team', id: 'T', name: '队', teamType: 'repairCrew' })), OPTIONS));
    expect(err.problems.map((p) => p.message)).toEqual([
      'a waterloggingPoint needs a road segment: the registry has none',
      'a waterloggingPoint needs a pump station: the registry has none',
      'a team sets out on the road network: the registry has no road segments',
    ]);
  });

  it('keeps generated elevators through a replace, and lists a file’s own only with replace', async () => {
    const store = freshStore();
    await simulatedCityFromRegistry(store, geo, { placement: { seed: 3, scale: 'shanghai', roadGridKm: 2, counts: { elevators: 500 } }, datum: 'gcj02', now: () => 1 });
    const lift = point({ kind: 'elevator', id: 'LIFT-1', name: '一号梯', use: 'office' });
    const err = await refused(importRegistry(store, geo, file(lift), OPTIONS));
    expect(err.message).toMatch(/features\[0\]\.properties\.kind \(line 1\): the registry generates its 500 elevators from the seed: import elevators with replace/);
    const exported = JSON.stringify(await exportRegistry(store));
    const kept = await importRegistry(store, geo, exported, { ...OPTIONS, replace: true });
    expect(kept.counts.elevator).toBe(500);
    const listed = await importRegistry(store, geo, file(lift), { ...OPTIONS, replace: true });
    expect(listed.counts.elevator).toBe(1);
    expect((await cityAssetsFromRegistry(store, geo, 'gcj02'))!.elevators.named?.ids).toEqual(['LIFT-1']);
  });
});

describe('exporting a registry', { timeout: 30_000 }, () => {
  it.each(['wgs84', 'gcj02'] as const)('export → import with replace → export gives the same file (%s)', async (datum) => {
    const store = freshStore();
    await simulatedCityFromRegistry(store, geo, { placement: { seed: 7, scale: 'shanghai' }, datum: 'gcj02', now: () => 1 });
    const first = JSON.stringify(await exportRegistry(store, datum));
    expect(JSON.parse(first)).toMatchObject({ type: 'FeatureCollection', datum });
    // The file's datum member says how to read it back: no option needed.
    const result = await importRegistry(store, geo, first, { ...OPTIONS, replace: true });
    expect(result).toMatchObject({ added: 0, removed: 0, datum });
    expect(JSON.stringify(await exportRegistry(store, datum))).toBe(first);
  });

  it('takes a compound’s outline as a Polygon: every vertex moved to the registry’s datum, the asset at its centroid, and gives it back closed', async () => {
    const store = freshStore();
    // About 1 ha by People's Square, in WGS-84 (a GPS survey), counter-clockwise and closed as GeoJSON has it.
    const ring = [[121.47, 31.23], [121.471, 31.23], [121.471, 31.231], [121.47, 31.231], [121.47, 31.23]];
    const compound = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { kind: 'residentialCompound', id: 'RC-1', name: '人民小区', households: 400 } };
    await importRegistry(store, geo, file(compound), OPTIONS);
    const [record] = await store.list();
    expect(record.line).toBeNull();
    expect(record.area).toHaveLength(4);
    // GCJ-02 lies ~0.0045° east and ~0.002° north of WGS-84 here: every vertex moved, not only the first.
    record.area!.forEach(([lon, lat], i) => {
      expect(lon - ring[i][0]).toBeGreaterThan(0.004);
      expect(lat - ring[i][1]).toBeLessThan(-0.001);
    });
    // A square's centroid is the mean of its corners (to well under a metre after the conversion).
    expect(record.lon).toBeCloseTo(record.area!.reduce((a, [lon]) => a + lon, 0) / 4, 5);
    expect(record.lat).toBeCloseTo(record.area!.reduce((a, [, lat]) => a + lat, 0) / 4, 5);
    expect(record.district).toBe('310101');
    const city = (await cityAssetsFromRegistry(store, geo, 'gcj02'))!;
    expect(city.statics?.residentialCompound?.[0].area).toEqual(record.area);
    const { features } = await exportRegistry(store);
    expect(features[0].geometry).toEqual({ type: 'Polygon', coordinates: [ring] });
  });

  it('gives WGS-84 by default, six decimals where converted, and every kind’s properties', async () => {
    const store = freshStore();
    await importRegistry(store, geo, OWN_CITY, OPTIONS);
    const { datum, features } = await exportRegistry(store);
    expect(datum).toBe('wgs84');
    const gauge = features.find((f) => f.properties?.id === 'W1')!;
    expect(gauge).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [121.48, 31.23] },
      properties: { kind: 'waterGauge', id: 'W1', name: '苏州河', district: '310101', warning: 3.8, danger: 4.3 },
    });
    expect(features.find((f) => f.properties?.id === 'P1')?.properties).toEqual({ kind: 'pumpStation', id: 'P1', name: '一号泵站', district: '310101', start: 2.1, stop: 0.8, capacityM3s: 4 });
  });
});
