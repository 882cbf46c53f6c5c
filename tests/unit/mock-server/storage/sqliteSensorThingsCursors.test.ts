import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../mock-server/storage/database';
import { SqliteSensorThingsCursorStore } from '../../../../mock-server/storage/sqliteSensorThingsCursors';

describe('SqliteSensorThingsCursorStore', () => {
  it('keeps one cursor per server and Datastream, the latest written', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteSensorThingsCursorStore(db);
    expect(await store.load('http://frost/v1.1')).toEqual(new Map());
    await store.save('http://frost/v1.1', '3', 1000, 1);
    await store.save('http://frost/v1.1', '3', 2000, 2);
    await store.save('http://frost/v1.1', 'urn:x', 500, 2);
    await store.save('http://other/v1.1', '3', 9000, 3);
    expect(await store.load('http://frost/v1.1')).toEqual(new Map([['3', 2000], ['urn:x', 500]]));
    db.close();
  });
});
