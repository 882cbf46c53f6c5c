import { afterEach, describe, expect, it } from 'vitest';
import { createAuthService, digest } from '../../../../mock-server/auth/authService';
import { DomainError } from '../../../../mock-server/domainError';
import { httpErrorOf } from '../../../../mock-server/http/errors';
import { hashPassword } from '../../../../mock-server/auth/passwords';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteAccountStore } from '../../../../mock-server/storage/sqliteAccounts';

/** A refusal as HTTP answers it: the DomainError's code and the status its code maps to. */
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: DomainError) => ({ code: e.code, status: httpErrorOf(e).status }));

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const KEY = 'hotline-key-0123456789abcdefghij';
let db: Database;
afterEach(() => db?.close());

async function setup(demo = false) {
  db = openDatabase(':memory:');
  const accounts = new SqliteAccountStore(db);
  let t = 1_000_000;
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  await accounts.putUser({ username: 'dana', role: 'dispatcher', passwordHash: await hashPassword('dana-password', FAST), createdAt: 0, disabled: false });
  const auth = createAuthService({ accounts, demo, integrationKeys: [{ name: 'hotline', key: KEY }], now: clock.now, sessionTtlMs: 60_000, scrypt: FAST });
  return { auth, accounts, clock };
}

describe('auth service', () => {
  it('logs in, resolves the token to the user, expires it and logs out', async () => {
    const { auth, accounts, clock } = await setup();
    const session = await auth.login('dana', 'dana-password');
    expect(session).toEqual({ token: expect.any(String), role: 'dispatcher', username: 'dana', expiresAt: 1_060_000 });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await auth.principalFor(session.token)).toEqual({ kind: 'user', username: 'dana', role: 'dispatcher' });
    // Only the digest is stored.
    expect(await accounts.findSession(session.token, clock.now())).toBeNull();
    expect(await accounts.findSession(digest(session.token), clock.now())).not.toBeNull();

    clock.advance(60_000);
    expect(await auth.principalFor(session.token)).toBeNull();

    const again = await auth.login('dana', 'dana-password');
    await auth.logout(again.token);
    expect(await auth.principalFor(again.token)).toBeNull();
  });

  it('answers unknown users and wrong passwords alike', async () => {
    const { auth } = await setup();
    const fail = (u: string, p: string) => auth.login(u, p).then(() => null, (e: DomainError) => e);
    const wrong = await fail('dana', 'nope');
    const unknown = await fail('nobody', 'dana-password');
    expect(wrong).toBeInstanceOf(DomainError);
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(httpErrorOf(wrong).status).toBe(401);
    expect(unknown?.message).toBe(wrong?.message);
  });

  it('refuses a disabled account and follows role changes at once', async () => {
    const { auth, accounts } = await setup();
    const { token } = await auth.login('dana', 'dana-password');
    const user = (await accounts.getUser('dana'))!;
    await accounts.putUser({ ...user, role: 'manager' });
    expect((await auth.principalFor(token))?.role).toBe('manager');
    await accounts.putUser({ ...user, disabled: true });
    expect(await auth.principalFor(token)).toBeNull();
    expect(await refusal(auth.login('dana', 'dana-password'))).toMatchObject({ status: 401 });
  });

  it('issues read-only kiosk links that can be revoked', async () => {
    const { auth, accounts } = await setup();
    const { id, token } = await auth.createKioskLink('Lobby wall', 'admin');
    expect(await auth.principalFor(token)).toEqual({ kind: 'kiosk', label: 'Lobby wall', role: 'operator' });
    expect(await accounts.findKioskLink(token)).toBeNull();
    expect(await auth.listKioskLinks()).toEqual([{ id, label: 'Lobby wall', createdBy: 'admin', createdAt: 1_000_000, revokedAt: null }]);
    expect(await auth.revokeKioskLink(id)).toBe(true);
    expect(await auth.revokeKioskLink(id)).toBe(false);
    expect(await auth.principalFor(token)).toBeNull();
  });

  it('recognises integration keys', async () => {
    const { auth } = await setup();
    expect(await auth.principalFor(KEY)).toEqual({ kind: 'integration', name: 'hotline', role: 'integration' });
    expect(await auth.principalFor(KEY.slice(0, -1))).toBeNull();
  });

  it('treats no token as an anonymous operator in demo mode only, and a bad token as nobody', async () => {
    const prod = (await setup(false)).auth;
    expect(await prod.principalFor(undefined)).toBeNull();
    db.close();
    const demo = (await setup(true)).auth;
    expect(await demo.principalFor(undefined)).toEqual({ kind: 'anonymous', role: 'operator' });
    expect(await demo.principalFor('not-a-token')).toBeNull();
    expect(await demo.principalFor('x'.repeat(10_000))).toBeNull();
  });

  it('creates users with hashed passwords and refuses duplicates', async () => {
    const { auth, accounts } = await setup();
    await auth.createUser({ username: 'mo', role: 'manager', password: 'mo-password-1' });
    expect((await accounts.getUser('mo'))?.passwordHash).toMatch(/^scrypt\$/);
    expect((await auth.login('mo', 'mo-password-1')).role).toBe('manager');
    expect(await refusal(auth.createUser({ username: 'mo', role: 'admin', password: 'whatever-123' }))).toMatchObject({ status: 409, code: 'CONFLICT' });
  });
});
