/**
 * Accounts against the real server: logging in, the role checks on HTTP routes and socket events,
 * the socket's origin check, kiosk links and the command rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const ADMIN_PASSWORD = 'integration-admin-password';
let server: RunningServer;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ demo: false, adminPassword: ADMIN_PASSWORD });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const login = (username: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });

function connect(opts: { token?: string; origin?: string } = {}): TestSocket {
  const socket: TestSocket = io(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: opts.origin ? { origin: opts.origin } : undefined,
  });
  sockets.push(socket);
  return socket;
}

/** Resolves 'connected' or the connect_error message. */
const outcome = (socket: TestSocket) =>
  new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });

let adminToken: string;
let operatorToken: string;

describe('login', () => {
  it('gives the first admin a token for the configured password', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ token: expect.any(String), role: 'admin', username: 'admin', expiresAt: expect.any(Number) });
    adminToken = body.token;
    const me = await fetch(`${server.url}/api/auth/me`, { headers: bearer(adminToken) });
    expect(await me.json()).toEqual({ principal: { kind: 'user', username: 'admin', role: 'admin' }, demo: false });
  });

  it('answers 401 for bad credentials and 400 for a malformed body', async () => {
    for (const [u, p] of [['admin', 'wrong-password'], ['nobody', ADMIN_PASSWORD], ['admin', 'admin-demo']]) {
      const res = await login(u, p);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'wrong username or password' } });
    }
    const malformed = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: '{"username":"admin"}' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('BAD_REQUEST');
    const notJson = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: 'nope' });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${server.url}/api/auth/me`)).status).toBe(401);
  });

  it('lets the admin create users, and refuses that to others', async () => {
    const create = (token: string, body: object) =>
      fetch(`${server.url}/api/admin/users`, { method: 'POST', headers: { ...json, ...bearer(token) }, body: JSON.stringify(body) });
    expect((await create(adminToken, { username: 'olga', role: 'operator', password: 'olga-password-1' })).status).toBe(201);
    expect((await create(adminToken, { username: 'dan', role: 'dispatcher', password: 'dan-password-1' })).status).toBe(201);
    expect((await create(adminToken, { username: 'short', role: 'operator', password: 'short' })).status).toBe(400);
    expect((await create(adminToken, { username: 'demo', role: 'operator', password: 'operator-demo' })).status).toBe(400);
    expect((await create(adminToken, { username: 'olga', role: 'admin', password: 'olga-password-2' })).status).toBe(409);
    operatorToken = (await (await login('olga', 'olga-password-1')).json()).token;
    const refused = await create(operatorToken, { username: 'eve', role: 'admin', password: 'eve-password-1' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.stringContaining('"administer"') } });
    const users = await (await fetch(`${server.url}/api/admin/users`, { headers: bearer(adminToken) })).json();
    expect(users.users.map((u: { username: string }) => u.username)).toEqual(['admin', 'dan', 'olga']);
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('logs out', async () => {
    const { token } = await (await login('dan', 'dan-password-1')).json();
    expect((await fetch(`${server.url}/api/auth/me`, { headers: bearer(token) })).status).toBe(200);
    expect((await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: bearer(token) })).status).toBe(204);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: bearer(token) })).status).toBe(401);
  });
});

describe('HTTP role checks outside demo mode', () => {
  it('keeps health and config public, and everything else behind a login', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/api/config`)).json()).toMatchObject({ demo: false });
    for (const path of ['/api/vitals', '/api/vitals/history', '/api/assets/rainGauge/x', '/api/sim/scenario']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHORIZED');
    }
    expect((await fetch(`${server.url}/api/vitals`, { headers: bearer('forged-token') })).status).toBe(401);
    expect((await fetch(`${server.url}/api/vitals`, { headers: bearer(operatorToken) })).status).toBe(200);
  });

  it('lets only an admin switch the scenario', async () => {
    const put = (token: string) =>
      fetch(`${server.url}/api/sim/scenario`, { method: 'PUT', headers: { ...json, ...bearer(token) }, body: '{"scenario":"storm"}' });
    // Refused before the body is even read.
    const anon = await fetch(`${server.url}/api/sim/scenario`, { method: 'PUT', headers: json, body: 'garbage' });
    expect(anon.status).toBe(401);
    expect((await put(operatorToken)).status).toBe(403);
    const ok = await put(adminToken);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ scenario: 'storm' });
  });

  it('throttles repeated failed logins from one address', async () => {
    const throttled = await startTestServer({ demo: false, adminPassword: ADMIN_PASSWORD, logLevel: 'silent' });
    try {
      const attempt = () => fetch(`${throttled.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: 'guess-guess' }) });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await attempt()).status);
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
      const limited = await attempt();
      expect((await limited.json()).error.code).toBe('RATE_LIMITED');
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await throttled.close();
    }
  });
});

describe('socket', () => {
  it('refuses a socket without a token outside demo mode, and accepts one with a token', async () => {
    expect(await outcome(connect())).toMatch(/^unauthorized/);
    expect(await outcome(connect({ token: 'forged-token' }))).toMatch(/^unauthorized/);
    const ok = connect({ token: operatorToken });
    const catalog = nextEvent(ok, 'city:catalog');
    expect(await outcome(ok)).toBe('connected');
    expect((await catalog).groups.length).toBeGreaterThan(0);
  });

  it('refuses a browser handshake from a foreign origin and accepts the same origin', async () => {
    const evil = connect({ token: operatorToken, origin: 'http://evil.example' });
    const evilOutcome = await outcome(evil);
    expect(evilOutcome).not.toBe('connected');
    expect(evil.connected).toBe(false);
    const same = connect({ token: operatorToken, origin: server.url });
    expect(await outcome(same)).toBe('connected');
  });

  it('lets a kiosk link watch read-only, until it is revoked', async () => {
    const created = await fetch(`${server.url}/api/admin/kiosk-links`, { method: 'POST', headers: { ...json, ...bearer(adminToken) }, body: '{"label":"Lobby"}' });
    expect(created.status).toBe(201);
    const link = await created.json();
    expect(link.url).toBe(`/?kiosk=1&access=${link.token}`);
    expect((await fetch(`${server.url}/api/vitals`, { headers: bearer(link.token) })).status).toBe(200);
    expect((await fetch(`${server.url}/api/sim/scenario`, { method: 'PUT', headers: { ...json, ...bearer(link.token) }, body: '{"scenario":"calm"}' })).status).toBe(403);
    expect((await fetch(`${server.url}/api/admin/users`, { headers: bearer(link.token) })).status).toBe(403);
    const kiosk = connect({ token: link.token });
    expect(await outcome(kiosk)).toBe('connected');

    const list = await (await fetch(`${server.url}/api/admin/kiosk-links`, { headers: bearer(adminToken) })).json();
    expect(list.links).toEqual([expect.objectContaining({ id: link.id, label: 'Lobby', createdBy: 'admin', revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(link.token);
    expect((await fetch(`${server.url}/api/admin/kiosk-links/${link.id}`, { method: 'DELETE', headers: bearer(adminToken) })).status).toBe(204);
    expect((await fetch(`${server.url}/api/vitals`, { headers: bearer(link.token) })).status).toBe(401);
    expect(await outcome(connect({ token: link.token }))).toMatch(/^unauthorized/);
    // The open socket is stopped at its next command.
    const answer = await kiosk.timeout(5000).emitWithAck('readings:resync', { lastSeq: 0 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('answers RATE_LIMITED after a burst of commands', async () => {
    const socket = connect({ token: operatorToken });
    expect(await outcome(socket)).toBe('connected');
    const answers = await Promise.all(Array.from({ length: 25 }, () => socket.timeout(10_000).emitWithAck('readings:resync', { lastSeq: 0 })));
    const limited = answers.filter((a) => !a.ok);
    expect(answers.filter((a) => a.ok)).toHaveLength(20);
    expect(limited).toHaveLength(5);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});

describe('demo mode', () => {
  it('opens the wall read-only without a login', async () => {
    const demo = await startTestServer({ demo: true });
    try {
      expect((await fetch(`${demo.url}/api/vitals`)).status).toBe(200);
      expect((await fetch(`${demo.url}/api/sim/scenario`, { method: 'PUT', headers: json, body: '{"scenario":"calm"}' })).status).toBe(401);
      const socket = connectClient(demo.url);
      sockets.push(socket);
      expect(await outcome(socket)).toBe('connected');
      const res = await fetch(`${demo.url}/api/auth/login`, { method: 'POST', headers: json, body: '{"username":"dispatcher","password":"dispatcher-demo"}' });
      expect((await res.json()).role).toBe('dispatcher');
    } finally {
      await demo.close();
    }
  });
});
