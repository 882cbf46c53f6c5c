import { afterEach, describe, expect, it } from 'vitest';
import type { AssetRecord, RegistryState } from '../../../../mock-server/assets/assetRecord';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteAssetStore } from '../../../../mock-server/storage/sqliteAssets';

let db: Database;
afterEach(() => db?.close());

const record = (kind: AssetRecord['kind'], id: string, extra: Partial<AssetRecord> = {}): AssetRecord => ({
  kind,
  id,
  name: `站 ${id}`,
  nameEn: `Site ${id}`,
  district: '310115',
  lon: 121.5,
  lat: 31.2,
  line: null,
  thresholds: {},
  attributes: {},
  simulator: null,
  ...extra,
});

const STATE: RegistryState = { revision: 1, datum: 'gcj02', placement: { seed: 7, scale: 'shanghai' }, edited: false, generatedElevators: 0, digest: 'd', updatedAt: 5 };

describe('SqliteAssetStore', () => {
  it('is empty with no state on a fresh database', async () => {
    db = openDatabase(':memory:');
    const store = new SqliteAssetStore(db);
    expect(await store.list()).toEqual([]);
    expect(await store.state()).toBeNull();
  });

  it('gives back every field, kinds in the protocol order and each kind in slot order', async () => {
    db = openDatabase(':memory:');
    const store = new SqliteAssetStore(db);
    const road = record('roadSegment', 'RS-1', {
      name: null,
      nameEn: null,
      line: [
        [121.1, 31.1],
        [121.2, 31.3],
      ],
      attributes: { roadClass: 'local', lengthKm: 1.25 },
      simulator: { from: 0, to: 1 },
    });
    const gauge = record('waterGauge', 'WL-9', { thresholds: { warning: 4.55, danger: 5.05 }, simulator: { regime: 'tidal', meanLevel: 2.3 } });
    // An area kind's outline comes back as written; the other kinds have no `area` member at all.
    const compound = record('residentialCompound', 'RC-1', { area: [[121.5, 31.2], [121.501, 31.2], [121.501, 31.201]], attributes: { households: 800 } });
    const records = [record('rainGauge', 'RG-2'), record('rainGauge', 'RG-1'), gauge, road, record('team', 'T-1', { attributes: { teamType: 'pumpTruck' } }), compound];
    // Written out of kind order: the store answers in ASSET_KINDS order, keeping each kind's slots.
    await store.replace([records[5], records[4], records[3], records[0], records[2], records[1]], STATE);
    expect(await store.list()).toEqual(records);
    expect(await store.state()).toEqual(STATE);
  });

  it('replaces the whole registry, and refuses a repeated id without changing anything', async () => {
    db = openDatabase(':memory:');
    const store = new SqliteAssetStore(db);
    await store.replace([record('rainGauge', 'A'), record('rainGauge', 'B')], STATE);
    await store.replace([record('pumpStation', 'P')], { ...STATE, revision: 2 });
    expect((await store.list()).map((r) => r.id)).toEqual(['P']);
    await expect(store.replace([record('rainGauge', 'X'), record('rainGauge', 'X')], { ...STATE, revision: 3 })).rejects.toThrow(/UNIQUE/);
    expect((await store.list()).map((r) => r.id)).toEqual(['P']);
    expect((await store.state())?.revision).toBe(2);
  });
});
