/**
 * GB/T 30428's case flow over the real server (立案 → 派遣 → 处置 → 反馈 → 核查 → 结案): a dispatcher
 * records a supervisor's failed check (返工), which sends the incident back to the same team and work
 * order; a restart keeps the rework count; the second report passes its check (核查通过) and only then
 * closes. Operators and managers may not record a verdict. The city runs at real speed here, so the
 * simulated crew and field supervisor (minutes away) do not act during the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import type { Incident } from '../../src/protocol/cityEvents';
import type { Ack } from '../../src/protocol/events';
import type { AuditEntry, TeamSuggestion } from '../../src/protocol/workOrders';
import { connectClient, nextEvent } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-caseflow-'));
let server: RunningServer;
const tokens: Record<string, string> = {};
const USERS = { operator: 'operator-demo', dispatcher: 'dispatcher-demo', manager: 'manager-demo', admin: 'admin-demo' };

const start = () => startTestServer({ dataDir, speed: 1, autopilot: false });

async function logIn(): Promise<void> {
  for (const [username, password] of Object.entries(USERS)) {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status).toBe(200);
    tokens[username] = ((await res.json()) as { token: string }).token;
  }
}

async function api(method: string, path: string, who: keyof typeof USERS, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${tokens[who]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
  return { status: res.status, body: (await res.json()) as any };
}

/** Records one transition as the dispatcher and answers the incident after it. */
async function step(incident: Incident, to: string, note?: string): Promise<Incident> {
  const res = await api('POST', `/api/incidents/${incident.id}/transition`, 'dispatcher', { to, expectedVersion: incident.version, ...(note ? { note } : {}) });
  expect(res.status, `${to}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as Incident;
}

beforeAll(async () => {
  server = await start();
  await logIn();
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the case flow with 核查 and 返工', () => {
  it('sends a failed check back to the same team, keeps the rework across a restart, and closes only after a passed check', async () => {
    const reported = await api('POST', '/api/incidents', 'dispatcher', { category: 'pumpFault', location: [121.47, 31.23], description: '泵站跳闸' });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ status: 'new', reworkCount: 0, verifiedAt: null });
    const id = reported.body.id as string;
    const [team] = (await api('GET', `/api/incidents/${id}/teams`, 'dispatcher')).body.teams as TeamSuggestion[];
    expect(team).toBeDefined();
    const sent = await api('POST', `/api/incidents/${id}/dispatch`, 'dispatcher', { expectedVersion: reported.body.version, teamId: team.teamId });
    expect(sent.status).toBe(200);
    let incident = sent.body as Incident;
    const { teamSlot, workOrderId } = incident;
    for (const to of ['accepted', 'onSite', 'resolved']) incident = await step(incident, to);
    expect(incident.status).toBe('resolved');

    // Not closed before a check; a rework without its finding is refused; operators and managers may not judge.
    const early = await api('POST', `/api/incidents/${id}/transition`, 'dispatcher', { to: 'closed', expectedVersion: incident.version });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/cannot close .*: it is resolved/);
    const bare = await api('POST', `/api/incidents/${id}/transition`, 'dispatcher', { to: 'reworked', expectedVersion: incident.version });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/rework needs a note/);
    for (const who of ['operator', 'manager'] as const) {
      for (const to of ['verified', 'reworked']) {
        const refused = await api('POST', `/api/incidents/${id}/transition`, who, { to, expectedVersion: incident.version, note: '积水未排净' });
        expect(refused.status, `${who} ${to}`).toBe(403);
        expect(refused.body.error.code).toBe('FORBIDDEN');
      }
    }
    const socket = connectClient(server.url, { token: tokens.operator });
    await nextEvent(socket, 'readings:snapshot');
    const overSocket = await new Promise<Ack<Incident>>((resolve) => socket.emit('incident:transition', { id, to: 'verified', expectedVersion: incident.version }, resolve));
    socket.disconnect();
    expect(overSocket).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // 返工: back to dispatched, the same team and work order, counted.
    incident = await step(incident, 'reworked', '核查未通过：水泵试运行未通过');
    expect(incident).toMatchObject({ status: 'dispatched', reworkCount: 1, teamSlot, workOrderId, verifiedAt: null });

    // A restart keeps it: the incident back on the desk, dispatched to its team, reworked once.
    await server.close();
    server = await start();
    await logIn();
    const restored = await api('GET', `/api/incidents/${id}`, 'operator');
    expect(restored.body).toMatchObject({ status: 'dispatched', reworkCount: 1, teamSlot, workOrderId, version: incident.version });
    incident = restored.body as Incident;

    // The same crew handles it again; this time the check passes (核查通过), and only then it closes (结案).
    for (const to of ['accepted', 'onSite', 'resolved']) incident = await step(incident, to);
    const atVerify = server.feed.status().simTime;
    incident = await step(incident, 'verified');
    expect(incident).toMatchObject({ status: 'verified', reworkCount: 1, workOrderId });
    expect(incident.verifiedAt).toBeGreaterThanOrEqual(atVerify);
    const listed = (await api('GET', '/api/incidents?status=verified', 'manager')).body.incidents as Incident[];
    expect(listed.map((i) => i.id)).toContain(id);
    incident = await step(incident, 'closed');
    expect(incident).toMatchObject({ status: 'closed', reworkCount: 1, verifiedAt: expect.any(Number) });

    const trail = (await api('GET', `/api/incidents/${id}/audit`, 'manager')).body.entries as AuditEntry[];
    expect(trail.map((e) => `${e.action}:${e.from ?? ''}→${e.to}`)).toEqual([
      'create:→new',
      'dispatch:new→dispatched',
      'accept:dispatched→accepted',
      'arrive:accepted→onSite',
      'resolve:onSite→resolved',
      'rework:resolved→dispatched',
      'accept:dispatched→accepted',
      'arrive:accepted→onSite',
      'resolve:onSite→resolved',
      'verify:resolved→verified',
      'close:verified→closed',
    ]);
    expect(trail[5]).toMatchObject({ actor: { kind: 'user', name: 'dispatcher', role: 'dispatcher' }, note: '核查未通过：水泵试运行未通过' });
    expect(trail[9].actor).toMatchObject({ name: 'dispatcher', role: 'dispatcher' });
  });

  it('lets an admin record a verdict too', async () => {
    const reported = await api('POST', '/api/incidents', 'admin', { category: 'powerOutage', location: [121.47, 31.23], description: '停电' });
    let incident = (await api('POST', `/api/incidents/${reported.body.id}/dispatch`, 'admin', { expectedVersion: reported.body.version })).body as Incident;
    for (const to of ['accepted', 'onSite', 'resolved']) incident = await step(incident, to);
    const verified = await api('POST', `/api/incidents/${incident.id}/transition`, 'admin', { to: 'verified', expectedVersion: incident.version });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', reworkCount: 0 });
  });
});
