import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../mock-server/storage/database';
import { SqliteReadingStore } from '../../../../mock-server/storage/sqliteReadings';
import type { StoredReading } from '../../../../mock-server/storage/stores';

const r = (assetId: string, t: number, v = 1): StoredReading => ({ kind: 'underpass', assetId, measure: 'depth', t, v });

describe('readings in SQLite', () => {
  it('answers batches that arrive together each for its own rows', async () => {
    const store = new SqliteReadingStore(openDatabase(':memory:'));
    const [a, b, c] = await Promise.all([store.keepNew([r('UP-1', 1), r('UP-1', 1)], 'a', 5), store.keepNew([r('UP-1', 1), r('UP-2', 1)], 'b', 5), store.keepNew([], 'c', 5)]);
    // The same asset, measure and time is new once: first in the first batch, a duplicate after.
    expect(a).toEqual([true, false]);
    expect(b).toEqual([false, true]);
    expect(c).toEqual([]);
    expect(await store.series('underpass', 'UP-1', 'depth', 0, 10)).toEqual([{ t: 1, v: 1 }]);
  });

  it('fails every batch of a transaction that could not be written, keeping none of them', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteReadingStore(db);
    db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON readings WHEN NEW.asset_id = 'BAD' BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    const results = await Promise.allSettled([store.keepNew([r('UP-1', 1)], 'a', 5), store.keepNew([r('BAD', 1)], 'b', 5)]);
    expect(results.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    expect(await store.series('underpass', 'UP-1', 'depth', 0, 10)).toEqual([]);
    // The store keeps working after a failed write.
    expect(await store.keepNew([r('UP-1', 2)], 'a', 6)).toEqual([true]);
  });

  it('prunes by the time readings were received', async () => {
    const store = new SqliteReadingStore(openDatabase(':memory:'));
    await store.keepNew([r('UP-1', 1)], 'a', 100);
    await store.keepNew([r('UP-1', 2)], 'a', 200);
    expect(await store.prune(150)).toBe(1);
    expect(await store.series('underpass', 'UP-1', 'depth', 0, 10)).toEqual([{ t: 2, v: 1 }]);
  });
});
