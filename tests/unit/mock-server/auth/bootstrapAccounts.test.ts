import { afterEach, describe, expect, it } from 'vitest';
import { bootstrapAccounts, DEMO_ACCOUNTS, StartupError } from '../../../../mock-server/auth/bootstrapAccounts';
import { verifyPassword } from '../../../../mock-server/auth/passwords';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteAccountStore } from '../../../../mock-server/storage/sqliteAccounts';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
let db: Database;
afterEach(() => db?.close());

function store() {
  db = openDatabase(':memory:');
  return new SqliteAccountStore(db);
}

describe('bootstrapAccounts', () => {
  it('creates the four demo accounts in demo mode, once', async () => {
    const accounts = store();
    expect((await bootstrapAccounts({ accounts, demo: true, scrypt: FAST })).created).toEqual(['operator', 'dispatcher', 'manager', 'admin']);
    expect((await bootstrapAccounts({ accounts, demo: true, scrypt: FAST })).created).toEqual([]);
    for (const a of DEMO_ACCOUNTS) {
      const user = (await accounts.getUser(a.username))!;
      expect(user.role).toBe(a.role);
      expect(await verifyPassword(a.password, user.passwordHash)).toBe(true);
    }
  });

  it('outside demo mode, creates the first admin from the configured password', async () => {
    const accounts = store();
    expect((await bootstrapAccounts({ accounts, demo: false, adminPassword: 'a-long-admin-password', scrypt: FAST })).created).toEqual(['admin']);
    expect(await verifyPassword('a-long-admin-password', (await accounts.getUser('admin'))!.passwordHash)).toBe(true);
    // A later start needs no admin password.
    expect((await bootstrapAccounts({ accounts, demo: false, scrypt: FAST })).created).toEqual([]);
  });

  it('refuses to start with no accounts and no admin password', async () => {
    await expect(bootstrapAccounts({ accounts: store(), demo: false, scrypt: FAST })).rejects.toThrow(StartupError);
    await expect(bootstrapAccounts({ accounts: store(), demo: false, scrypt: FAST })).rejects.toThrow(/CITYOPS_ADMIN_PASSWORD/);
  });

  it('refuses a demo password as the admin password', async () => {
    await expect(bootstrapAccounts({ accounts: store(), demo: false, adminPassword: 'admin-demo', scrypt: FAST })).rejects.toThrow(/demo password/);
  });

  it('refuses to go live on a database that still has demo accounts', async () => {
    const accounts = store();
    await bootstrapAccounts({ accounts, demo: true, scrypt: FAST });
    const err = await bootstrapAccounts({ accounts, demo: false, adminPassword: 'a-long-admin-password', scrypt: FAST }).catch((e) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect(err.message).toMatch(/admin, dispatcher, manager, operator still use a published demo password/);
  });
});
