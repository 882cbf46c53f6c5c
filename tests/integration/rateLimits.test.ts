/**
 * Limits on HTTP commands over the real server (issue 17, finding 4): each signed-in user and each
 * integration key has its own budget a minute per class of route (commands, ingest), answered past it
 * with 429, Retry-After and the project's `{error}` (Open311: its `[{code, description}]`); and a key
 * may have only so many reported incidents open at once, through either route, until some close.
 * Small limits set through the config; no clock is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

const HOTLINE = 'h'.repeat(32);
const CITIZEN_APP = 'c'.repeat(32);
const SENSORS = 's'.repeat(32);
const KEYS = [
  { name: 'hotline', key: HOTLINE },
  { name: 'citizenApp', key: CITIZEN_APP },
  { name: 'sensors', key: SENSORS },
];
const COMMANDS_A_MINUTE = 4;
const OPEN_REPORTS = 3;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
type Answer = { status: number; body: any; retryAfter: string | null };

async function send(server: RunningServer, method: string, path: string, headers: Record<string, string>, body?: unknown, contentType = 'application/json'): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') };
}

async function login(server: RunningServer, username: string): Promise<Record<string, string>> {
  const res = await send(server, 'POST', '/api/auth/login', {}, { username, password: `${username}-demo` });
  return { authorization: `Bearer ${res.body.token}` };
}

const report = (n: number) => ({ category: 'litter', location: [121.47, 31.23], description: `report ${n}` });
const open311Form = (key: string) => new URLSearchParams({ api_key: key, service_code: 'litter', lat: '31.23', long: '121.47', description: 'Bags by the canal' }).toString();

function expectRateLimited(a: Answer, message: RegExp) {
  expect(a.status).toBe(429);
  expect(a.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(message) } });
}

describe('per-principal budgets', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ autopilot: false, integrationKeys: KEYS, rateLimitCommands: COMMANDS_A_MINUTE, rateLimitIngest: 6, openReportsPerKey: 1000 });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('gives a dispatcher its budget of commands, then 429 with Retry-After, and leaves reads and other users alone', async () => {
    const dispatcher = await login(server, 'dispatcher');
    const note = () => send(server, 'POST', '/api/incidents/INC-999999/notes', dispatcher, { note: 'seen', expectedVersion: 1 });
    // Refused by the service (no such incident), yet each spends the budget: the server did the work.
    for (let i = 0; i < COMMANDS_A_MINUTE; i++) expect((await note()).status).toBe(404);
    const over = await note();
    expectRateLimited(over, /at most 4 a minute/);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect((await send(server, 'GET', '/api/incidents', dispatcher)).status).toBe(200);
    const admin = await login(server, 'admin');
    expect((await send(server, 'POST', '/api/incidents/INC-999999/notes', admin, { note: 'seen', expectedVersion: 1 })).status).toBe(404);
  });

  it('gives an integration key its budget of reports wherever it calls from, and ingest a budget of its own', async () => {
    const key = { 'x-api-key': HOTLINE };
    for (let i = 0; i < COMMANDS_A_MINUTE; i++) expect((await send(server, 'POST', '/api/incidents', key, report(i))).status).toBe(201);
    const over = await send(server, 'POST', '/api/incidents', { ...key, 'x-forwarded-for': '10.1.2.3' }, report(99));
    expectRateLimited(over, /too many commands/);
    expect(over.retryAfter).toMatch(/^\d+$/);
    const readings = { readings: [{ kind: 'pump', id: 'no-such-pump', t: '2026-07-15T14:00:00+08:00', v: 1 }] };
    expect((await send(server, 'POST', '/api/ingest/readings', key, readings)).status).toBe(200);
    // Another key is not held back by this one.
    expect((await send(server, 'POST', '/api/incidents', { 'x-api-key': SENSORS }, report(0))).status).toBe(201);
  });

  it('answers an Open311 caller over its budget in Open311\'s error format', async () => {
    for (let i = 0; i < COMMANDS_A_MINUTE; i++) {
      expect((await send(server, 'POST', '/open311/v2/requests.json', {}, open311Form(CITIZEN_APP), 'application/x-www-form-urlencoded')).status).toBe(200);
    }
    const over = await send(server, 'POST', '/open311/v2/requests.json', {}, open311Form(CITIZEN_APP), 'application/x-www-form-urlencoded');
    expect(over.status).toBe(429);
    expect(over.body).toEqual([{ code: 429, description: expect.stringMatching(/too many commands: at most 4 a minute/) }]);
    expect(over.retryAfter).toMatch(/^\d+$/);
  });
});

describe('open reports per key', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ autopilot: false, integrationKeys: KEYS, openReportsPerKey: OPEN_REPORTS });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a key\'s reports past the cap, through either route, naming the cap, until one of them closes', async () => {
    const key = { 'x-api-key': HOTLINE };
    const created = [];
    for (let i = 0; i < OPEN_REPORTS; i++) {
      const a = await send(server, 'POST', '/api/incidents', key, report(i));
      expect(a.status).toBe(201);
      created.push(a.body);
    }
    expectRateLimited(await send(server, 'POST', '/api/incidents', key, report(9)), /hotline has 3 open .* at most 3 open \(CITYOPS_OPEN_REPORTS_PER_KEY\).*until some of them close/);
    const viaOpen311 = await send(server, 'POST', '/open311/v2/requests.json', {}, open311Form(HOTLINE), 'application/x-www-form-urlencoded');
    expect(viaOpen311.status).toBe(429);
    expect(viaOpen311.body).toEqual([{ code: 429, description: expect.stringMatching(/at most 3 open/) }]);
    // Other keys and the dispatchers' own reports are not capped by it.
    expect((await send(server, 'POST', '/api/incidents', { 'x-api-key': SENSORS }, report(0))).status).toBe(201);
    const dispatcher = await login(server, 'dispatcher');
    expect((await send(server, 'POST', '/api/incidents', dispatcher, report(0))).status).toBe(201);

    const cancelled = await send(server, 'POST', `/api/incidents/${created[0].id}/transition`, dispatcher, { to: 'cancelled', expectedVersion: created[0].version, note: 'duplicate' });
    expect(cancelled.status).toBe(200);
    expect((await send(server, 'POST', '/api/incidents', key, report(10))).status).toBe(201);
    expect((await send(server, 'POST', '/api/incidents', key, report(11))).status).toBe(429);
  });
});
