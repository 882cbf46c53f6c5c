/**
 * Work orders over the real server: the incident API and socket commands, each role refused what it
 * may not do, malformed bodies answered 400 with the server staying up, two officers racing to
 * dispatch one incident (exactly one wins), and an idempotent retry that does not duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import type { Incident } from '../../src/protocol/cityEvents';
import type { Ack } from '../../src/protocol/events';
import type { AuditEntry, IncidentView, TeamSuggestion } from '../../src/protocol/workOrders';
import { connectClient, nextEvent } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
const tokens: Record<string, string> = {};

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

async function api(method: string, path: string, { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** Waits until the storm has opened incidents no one has dispatched (autopilot is off). */
async function waitingIncidents(min: number): Promise<IncidentView[]> {
  let found: IncidentView[] = [];
  await expect
    .poll(
      async () => {
        found = (await api('GET', '/api/incidents?status=new', { token: tokens.dispatcher })).body.incidents;
        return found.length;
      },
      { timeout: 30_000, interval: 200 },
    )
    .toBeGreaterThanOrEqual(min);
  return found;
}

beforeAll(async () => {
  server = await startTestServer({ scenario: 'storm', autopilot: false, integrationKeys: [{ name: 'hotline12345', key: 'k'.repeat(32) }] });
  for (const [user, password] of [
    ['operator', 'operator-demo'],
    ['dispatcher', 'dispatcher-demo'],
    ['manager', 'manager-demo'],
    ['admin', 'admin-demo'],
  ]) tokens[user] = await login(user, password);
});

afterAll(async () => {
  await server?.close();
});

describe('incident API', () => {
  it('lists incidents with version, status, category, priority, location, district and times', async () => {
    const [incident] = await waitingIncidents(1);
    expect(incident).toMatchObject({ status: 'new', version: expect.any(Number), priority: expect.any(Number), district: expect.any(Number) });
    expect(incident.location).toEqual([incident.lon, incident.lat]);
    expect(new Date(incident.createdAtIso).getTime()).toBe(incident.createdAt);
    const one = await api('GET', `/api/incidents/${incident.id}`, { token: tokens.operator });
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(incident.id);
    expect((await api('GET', '/api/incidents/INC-999999', { token: tokens.operator })).status).toBe(404);
  });

  it('dispatches to the suggested team, and keeps the audit trail', async () => {
    const [incident] = await waitingIncidents(1);
    const teams = (await api('GET', `/api/incidents/${incident.id}/teams`, { token: tokens.dispatcher })).body.teams as TeamSuggestion[];
    const res = await api('POST', `/api/incidents/${incident.id}/dispatch`, {
      token: tokens.dispatcher,
      body: { expectedVersion: incident.version, teamId: teams[0]?.teamId, note: '请尽快到场' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: incident.id, status: 'dispatched', version: incident.version + 1, workOrderId: expect.stringMatching(/^WO-\d{6}$/) });
    if (teams[0]) expect(teams[0].etaMinutes).toBeGreaterThan(0);
    const audit = (await api('GET', `/api/incidents/${incident.id}/audit`, { token: tokens.manager })).body.entries as AuditEntry[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'dispatch']);
    expect(audit[1]).toMatchObject({ actor: { kind: 'user', name: 'dispatcher', role: 'dispatcher' }, from: 'new', to: 'dispatched', note: '请尽快到场' });
  });

  it('lets exactly one of two officers racing to dispatch the same incident win', async () => {
    const [incident] = await waitingIncidents(1);
    const body = { expectedVersion: incident.version };
    const [a, b] = await Promise.all([
      api('POST', `/api/incidents/${incident.id}/dispatch`, { token: tokens.dispatcher, body }),
      api('POST', `/api/incidents/${incident.id}/dispatch`, { token: tokens.admin, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('CONFLICT');
    expect(loser.body.error.message).toMatch(/version/);
    const audit = (await api('GET', `/api/incidents/${incident.id}/audit`, { token: tokens.dispatcher })).body.entries as AuditEntry[];
    expect(audit.filter((e) => e.action === 'dispatch')).toHaveLength(1);
  });

  it('answers a retried request with the same idempotency key once, without a second order', async () => {
    const [incident] = await waitingIncidents(1);
    const send = () =>
      api('POST', `/api/incidents/${incident.id}/dispatch`, { token: tokens.dispatcher, body: { expectedVersion: incident.version }, headers: { 'idempotency-key': `retry-${incident.id}` } });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.workOrderId).toBe(first.body.workOrderId);
    const audit = (await api('GET', `/api/incidents/${incident.id}/audit`, { token: tokens.dispatcher })).body.entries as AuditEntry[];
    expect(audit.filter((e) => e.action === 'dispatch')).toHaveLength(1);
    // The same key with another officer is another request (keys are per caller).
    expect((await api('POST', `/api/incidents/${incident.id}/dispatch`, { token: tokens.admin, body: { expectedVersion: incident.version }, headers: { 'idempotency-key': `retry-${incident.id}` } })).status).toBe(409);
  });

  it('walks a transition, and refuses an illegal jump with 409', async () => {
    const [incident] = await waitingIncidents(1);
    const escalated = await api('POST', `/api/incidents/${incident.id}/transition`, { token: tokens.dispatcher, body: { to: 'escalated', expectedVersion: incident.version } });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ status: 'new', escalated: true });
    const jump = await api('POST', `/api/incidents/${incident.id}/transition`, { token: tokens.dispatcher, body: { to: 'closed', expectedVersion: escalated.body.version } });
    expect(jump.status).toBe(409);
    expect(jump.body.error.message).toMatch(/cannot close/);
    const cancelled = await api('POST', `/api/incidents/${incident.id}/transition`, { token: tokens.dispatcher, body: { to: 'cancelled', expectedVersion: escalated.body.version, note: 'duplicate report' } });
    expect(cancelled.body.status).toBe('cancelled');
    const note = await api('POST', `/api/incidents/${incident.id}/notes`, { token: tokens.dispatcher, body: { note: 'merged into another incident' } });
    expect(note.status).toBe(200);
    expect(note.body.status).toBe('cancelled');
  });

  it('takes incidents from another city system with an integration key, shown as text', async () => {
    const created = await api('POST', '/api/incidents', {
      headers: { 'x-api-key': 'k'.repeat(32) },
      body: { category: 'muckDumping', location: [121.47, 31.23], description: '<img src=x onerror=alert(1)> 渣土偷倒', externalRef: '12345-0001' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ source: 'external', status: 'new', category: 'muckDumping', description: '<img src=x onerror=alert(1)> 渣土偷倒', externalRef: '12345-0001' });
    expect(created.body.district).toBeGreaterThanOrEqual(0);
    // Located to its unit cell and street too (GB/T 30428, docs/grid.md).
    expect(created.body.grid).toMatchObject({ cellCode: expect.stringMatching(/^31010\d{11}$/), streetCode: created.body.grid.cellCode.slice(0, 9) });
    // The integration may report, not dispatch.
    const dispatch = await api('POST', `/api/incidents/${created.body.id}/dispatch`, { headers: { 'x-api-key': 'k'.repeat(32) }, body: { expectedVersion: 1 } });
    expect(dispatch.status).toBe(403);
    const sea = await api('POST', '/api/incidents', { token: tokens.dispatcher, body: { category: 'litter', location: [122.15, 31.0], description: 'at sea' } });
    expect(sea.status).toBe(400);
  });
});

describe('roles', () => {
  it('refuses an operator and a manager the actions, over HTTP, and an anonymous caller asks for a login', async () => {
    const [incident] = await waitingIncidents(1);
    for (const who of ['operator', 'manager']) {
      const res = await api('POST', `/api/incidents/${incident.id}/dispatch`, { token: tokens[who], body: { expectedVersion: incident.version } });
      expect(res.status, who).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const anonymous = await api('POST', `/api/incidents/${incident.id}/dispatch`, { body: { expectedVersion: incident.version } });
    expect(anonymous.status).toBe(401);
    expect((await api('POST', '/api/incidents', { token: tokens.operator, body: { category: 'litter', location: [121.47, 31.23], description: 'x' } })).status).toBe(403);
  });

  it('refuses them over the socket too, and lets a dispatcher act there', async () => {
    const [incident] = await waitingIncidents(1);
    const send = async (token: string | undefined) => {
      const socket = connectClient(server.url, { token });
      await nextEvent(socket, 'readings:snapshot');
      const ack = await new Promise<Ack<Incident>>((resolve) => socket.emit('incident:dispatch', { id: incident.id, expectedVersion: incident.version }, resolve));
      socket.disconnect();
      return ack;
    };
    const asOperator = await send(tokens.operator);
    expect(asOperator).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const anonymous = await send(undefined);
    expect(anonymous.ok).toBe(false);
    const asDispatcher = await send(tokens.dispatcher);
    expect(asDispatcher).toMatchObject({ ok: true, data: { id: incident.id, status: 'dispatched' } });
  });
});

describe('bad input', () => {
  it('answers malformed bodies with 400 and a message, and stays up', async () => {
    const [incident] = await waitingIncidents(1);
    const path = `/api/incidents/${incident.id}/dispatch`;
    const cases: [string, unknown][] = [
      ['no version', {}],
      ['version as text', { expectedVersion: 'one' }],
      ['negative version', { expectedVersion: -1 }],
      ['unknown field', { expectedVersion: 1, priority: 1 }],
      ['team id as number', { expectedVersion: 1, teamId: 7 }],
      ['note too long', { expectedVersion: 1, note: 'x'.repeat(2001) }],
      ['not JSON', '{"expectedVersion":'],
      ['array', [1, 2]],
    ];
    for (const [why, body] of cases) {
      const res = await api('POST', path, { token: tokens.dispatcher, body });
      expect(res.status, why).toBe(400);
      expect(res.body.error.code, why).toBe('BAD_REQUEST');
      expect(res.body.error.message.length, why).toBeGreaterThan(5);
    }
    expect((await api('POST', '/api/incidents/not-an-id/dispatch', { token: tokens.dispatcher, body: { expectedVersion: 1 } })).status).toBe(400);
    expect((await api('POST', `/api/incidents/${incident.id}/transition`, { token: tokens.dispatcher, body: { to: 'teleported', expectedVersion: 1 } })).body.error.message).toMatch(/to must be one of/);
    expect((await api('POST', path, { token: tokens.dispatcher, body: { expectedVersion: 1 }, headers: { 'idempotency-key': 'short' } })).status).toBe(400);
    // Socket commands too.
    const socket = connectClient(server.url, { token: tokens.dispatcher });
    await nextEvent(socket, 'readings:snapshot');
    const bad = await new Promise<Ack<Incident>>((resolve) => socket.emit('incident:transition', { id: incident.id, to: 'nowhere' } as never, resolve));
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    socket.disconnect();
    expect((await api('GET', '/api/health')).body.status).toBe('ok');
    // Still the same incident, untouched by all of that.
    expect((await api('GET', `/api/incidents/${incident.id}`, { token: tokens.operator })).body.version).toBe(incident.version);
  });
});
