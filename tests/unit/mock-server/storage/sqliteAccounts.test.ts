import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteAccountStore } from '../../../../mock-server/storage/sqliteAccounts';

let db: Database;
afterEach(() => db?.close());

describe('SqliteAccountStore', () => {
  it('stores users, sessions and kiosk links', async () => {
    db = openDatabase(':memory:');
    const store = new SqliteAccountStore(db);
    await store.putUser({ username: 'ann', role: 'dispatcher', passwordHash: 'h1', createdAt: 1, disabled: false });
    await store.putUser({ username: 'ann', role: 'manager', passwordHash: 'h2', createdAt: 5, disabled: true });
    expect(await store.getUser('ann')).toEqual({ username: 'ann', role: 'manager', passwordHash: 'h2', createdAt: 1, disabled: true });
    expect(await store.getUser('bob')).toBeNull();
    expect((await store.listUsers()).map((u) => u.username)).toEqual(['ann']);

    await store.createSession({ tokenHash: 't1', username: 'ann', createdAt: 10, expiresAt: 100 });
    expect(await store.findSession('t1', 99)).toEqual({ tokenHash: 't1', username: 'ann', createdAt: 10, expiresAt: 100 });
    expect(await store.findSession('t1', 100)).toBeNull();
    expect(await store.deleteExpiredSessions(100)).toBe(1);
    await store.createSession({ tokenHash: 't2', username: 'ann', createdAt: 10, expiresAt: 100 });
    await store.deleteSession('t2');
    expect(await store.findSession('t2', 0)).toBeNull();

    await store.createKioskLink({ tokenHash: 'k1', label: 'Lobby', createdBy: 'ann', createdAt: 3, revokedAt: null });
    await store.revokeKioskLink('k1', 7);
    await store.revokeKioskLink('k1', 9);
    expect(await store.findKioskLink('k1')).toEqual({ tokenHash: 'k1', label: 'Lobby', createdBy: 'ann', createdAt: 3, revokedAt: 7 });
    expect(await store.listKioskLinks()).toHaveLength(1);
  });
});
