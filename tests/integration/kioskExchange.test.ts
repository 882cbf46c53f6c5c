/**
 * A kiosk link's token is exchanged once for a session (issue 17, finding 9): the wall sends it to
 * POST /api/auth/kiosk as a bearer token and from then on presents the session's token, which
 * watches as the kiosk link (read-only), ends at logout and stops at once when the link is revoked.
 * The exchange is rate-limited per address like the login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

const ADMIN_PASSWORD = 'integration-admin-password';
let server: RunningServer;
let adminToken: string;

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const exchange = (token?: string) => fetch(`${server.url}/api/auth/kiosk`, { method: 'POST', headers: token === undefined ? {} : bearer(token) });
const me = (token: string) => fetch(`${server.url}/api/auth/me`, { headers: bearer(token) });

async function newLink(label: string): Promise<{ id: string; token: string; url: string }> {
  const res = await fetch(`${server.url}/api/admin/kiosk-links`, { method: 'POST', headers: { ...json, ...bearer(adminToken) }, body: JSON.stringify({ label }) });
  expect(res.status).toBe(201);
  return res.json();
}

beforeAll(async () => {
  server = await startTestServer({ demo: false, adminPassword: ADMIN_PASSWORD });
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  adminToken = (await res.json()).token;
});

afterAll(async () => {
  await server?.close();
});

describe('kiosk token exchange', () => {
  it('answers a session token that watches as the kiosk link, not the link token itself', async () => {
    const link = await newLink('Lobby');
    const res = await exchange(link.token);
    expect(res.status).toBe(200);
    const session = await res.json();
    expect(session).toEqual({ token: expect.any(String), label: 'Lobby', expiresAt: expect.any(Number) });
    expect(session.token).not.toBe(link.token);
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    expect(await (await me(session.token)).json()).toEqual({ principal: { kind: 'kiosk', label: 'Lobby', role: 'operator' }, demo: false });
    // Read-only: it may watch, not act.
    expect((await fetch(`${server.url}/api/incidents`, { headers: bearer(session.token) })).status).toBe(200);
    expect((await fetch(`${server.url}/api/admin/users`, { headers: bearer(session.token) })).status).toBe(403);
  });

  it('ends the session at logout', async () => {
    const link = await newLink('Hall');
    const session = await (await exchange(link.token)).json();
    expect((await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: bearer(session.token) })).status).toBe(204);
    expect((await me(session.token)).status).toBe(401);
  });

  it('refuses a revoked link, and the sessions it gave stop at once', async () => {
    const link = await newLink('Annex');
    const session = await (await exchange(link.token)).json();
    expect((await fetch(`${server.url}/api/admin/kiosk-links/${link.id}`, { method: 'DELETE', headers: bearer(adminToken) })).status).toBe(204);
    expect((await me(session.token)).status).toBe(401);
    expect((await exchange(link.token)).status).toBe(401);
  });

  it('refuses what is not a kiosk link: no token, a wrong one, a user session', async () => {
    expect((await exchange()).status).toBe(401);
    expect((await exchange('not-a-kiosk-token')).status).toBe(401);
    expect((await exchange(adminToken)).status).toBe(401);
  });

  it('limits the attempts from one address, as the login does', async () => {
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => exchange(`guess-${i}`)));
    const codes = answers.map((r) => r.status);
    // Earlier tests in this file spent some of the minute's 10 already.
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
    expect(codes).toContain(429);
    const limited = answers.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
