/**
 * Alarms as records over the real server (issue 15): alarms stored as the storm raises and clears
 * them, the history's filters and pages, acknowledgement over HTTP and over the socket (the roles
 * that may not refused, a caller without a token asked to sign in), the acknowledgement reaching
 * another screen on the next frame, and the alarms with their acknowledgement surviving a restart on
 * the same data directory. Two water gauges are watched by a rule that is always raised, so the test
 * has alarms that stay active; the built-in rules under the storm raise and clear the rest.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleBook } from '../../mock-server/rules/ruleBook';
import type { RunningServer } from '../../mock-server/server';
import type { AlarmDetail, AlarmPage, AlarmRecord } from '../../src/protocol/alarmRecords';
import type { Alarm } from '../../src/protocol/cityEvents';
import type { Ack } from '../../src/protocol/events';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const dir = mkdtempSync(join(tmpdir(), 'cityops-alarms-it-'));
const dataDir = join(dir, 'data');
const rulesPath = join(dir, 'rules.yaml');
writeFileSync(
  rulesPath,
  `${readFileSync(new URL('../../mock-server/rules/default-rules.yaml', import.meta.url), 'utf8')}
  - id: gauge.watch
    kind: waterGauge
    assets: [WL-H01, WL-H02]
    channel: water
    levels:
      - { severity: warning, raise: -100, clear: -200 }
`,
);
const PASSWORDS = { operator: 'operator-demo', dispatcher: 'dispatcher-demo', manager: 'manager-demo' } as const;
type User = keyof typeof PASSWORDS;

let server: RunningServer;
const tokens = {} as Record<User, string>;
const sockets: TestSocket[] = [];

async function start(): Promise<void> {
  server = await startTestServer({ scenario: 'storm', autopilot: false, speed: 600, dataDir, rules: loadRuleBook(rulesPath) });
  for (const user of Object.keys(PASSWORDS) as User[]) {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: PASSWORDS[user] }) });
    tokens[user] = ((await res.json()) as { token: string }).token;
  }
}

async function api(method: 'GET' | 'POST', path: string, token?: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
  return { status: res.status, body: (await res.json()) as any };
}
const list = async (query: string): Promise<AlarmPage> => (await api('GET', `/api/alarms?${query}`, tokens.operator)).body;
const detail = async (id: string): Promise<AlarmDetail> => (await api('GET', `/api/alarms/${encodeURIComponent(id)}`, tokens.operator)).body;
const watched = async (asset: string): Promise<AlarmRecord> => (await list(`rule=gauge.watch&asset=${asset}&state=active`)).alarms[0];

function socketOf(token?: string): TestSocket {
  const socket = connectClient(server.url, { token });
  sockets.push(socket);
  return socket;
}

/** Resolves with the alarm once a frame on `socket` carries it acknowledged. */
function ackSeenOn(socket: TestSocket, id: string, timeoutMs = 10_000): Promise<Alarm> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no acknowledged ${id} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('readings:delta', (delta) => {
      const hit = delta.events.find((e) => e.type === 'alarm' && e.alarm.id === id && e.alarm.acknowledged);
      if (hit?.type !== 'alarm') return;
      clearTimeout(timer);
      resolve(hit.alarm);
    });
  });
}

/** Polls `check` until it holds (expect.poll works only inside a test). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  await start();
  // Wait for the storm to have raised and cleared some alarms, and for the watch rule's two.
  await until('three cleared alarms', async () => (await list('state=cleared&limit=5')).alarms.length >= 3, 60_000);
  await until('the watched gauges', async () => (await list('rule=gauge.watch')).alarms.length === 2, 10_000);
}, 90_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alarm records', () => {
  it('keeps each alarm as the rules raise and clear it, with its change log at the alarm’s own times', async () => {
    const [cleared] = (await list('state=cleared&limit=1')).alarms;
    const { alarm, changes } = await detail(cleared.id);
    expect(alarm).toMatchObject({ id: cleared.id, state: 'cleared', clearedAt: expect.any(Number) });
    expect(changes[0]).toMatchObject({ alarmId: cleared.id, action: 'raise', at: alarm.raisedAt, by: null, ruleId: alarm.ruleId, assetId: alarm.assetId });
    expect(changes.at(-1)).toMatchObject({ action: 'clear', at: alarm.clearedAt, by: null });
    expect(changes.slice(1, -1).every((c) => c.action === 'escalate' || c.action === 'ease')).toBe(true);
    expect((await api('GET', '/api/alarms/no-such-alarm', tokens.operator)).status).toBe(404);
  });

  it('filters the history by state, kind, asset, rule and time, and pages it with an opaque cursor', async () => {
    const all = await list('limit=500');
    const to = all.alarms[0].raisedAt + 1;
    const everything = (await list(`to=${to}&limit=500`)).alarms.map((a) => a.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: AlarmPage = await list(`to=${to}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.alarms.length).toBeLessThanOrEqual(3);
      paged.push(...page.alarms.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(everything);
    const raised = all.alarms.map((a) => a.raisedAt);
    expect(raised).toEqual([...raised].sort((a, b) => b - a));

    expect((await list('state=active&limit=500')).alarms.every((a) => a.state === 'active')).toBe(true);
    expect((await list('state=cleared&limit=500')).alarms.every((a) => a.state === 'cleared')).toBe(true);
    expect((await list('kind=underpass&limit=500')).alarms.every((a) => a.assetKind === 'underpass')).toBe(true);
    expect((await list('rule=gauge.watch')).alarms.map((a) => a.assetId).sort()).toEqual(['WL-H01', 'WL-H02']);
    expect((await list('asset=WL-H01')).alarms.map((a) => a.assetId)).toEqual(['WL-H01']);
    const mid = all.alarms[Math.floor(all.alarms.length / 2)].raisedAt;
    const window = (await list(`from=${new Date(mid).toISOString()}&to=${mid + 60_000}&limit=500`)).alarms;
    expect(window.length).toBeGreaterThan(0);
    expect(window.every((a) => a.raisedAt < mid + 60_000 && (a.clearedAt === null || a.clearedAt >= mid))).toBe(true);

    for (const bad of ['state=open', 'kind=volcano', 'cursor=nope', 'limit=0', 'from=yesterday', `from=${mid}&to=${mid}`, 'colour=red']) {
      const res = await api('GET', `/api/alarms?${bad}`, tokens.operator);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code, bad).toBe('BAD_REQUEST');
    }
  });

  it('takes an acknowledgement over HTTP from an operator, refuses a manager and a caller without a token, and tells every screen', async () => {
    const target = await watched('WL-H01');
    const other = socketOf();
    await nextEvent(other, 'readings:snapshot', 15_000);
    const path = `/api/alarms/${encodeURIComponent(target.id)}/ack`;
    const anonymous = await api('POST', path, undefined, {});
    expect(anonymous.status).toBe(401);
    const manager = await api('POST', path, tokens.manager, {});
    expect(manager).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await detail(target.id)).alarm.acknowledged).toBe(false);

    const seen = ackSeenOn(other, target.id);
    const res = await api('POST', path, tokens.operator, { note: 'crew on the way' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, state: 'active', acknowledged: true, ackedBy: 'operator', ackedAt: expect.any(Number) });
    expect(await seen).toMatchObject({ id: target.id, acknowledged: true, state: 'active' });

    // Already acknowledged: answered as it stands, with who did it first, and not logged twice.
    const again = await api('POST', path, tokens.dispatcher);
    expect(again).toMatchObject({ status: 200, body: { acknowledged: true, ackedBy: 'operator' } });
    const acks = (await detail(target.id)).changes.filter((c) => c.action === 'acknowledge');
    expect(acks).toEqual([expect.objectContaining({ by: 'operator', note: 'crew on the way', at: res.body.ackedAt })]);
    expect((await api('POST', '/api/alarms/no-such-alarm/ack', tokens.operator, {})).status).toBe(404);
    expect((await api('POST', path, tokens.operator, { note: 'x'.repeat(501) })).status).toBe(400);
  });

  it('takes an acknowledgement over the socket from a dispatcher, refuses a manager and an anonymous screen', async () => {
    const target = await watched('WL-H02');
    const manager = socketOf(tokens.manager);
    const anonymous = socketOf();
    const dispatcher = socketOf(tokens.dispatcher);
    await Promise.all([manager, anonymous, dispatcher].map((s) => nextEvent(s, 'readings:snapshot', 15_000)));

    const refused = (await manager.timeout(5000).emitWithAck('alarm:ack', { id: target.id })) as Ack<AlarmRecord>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unsigned = (await anonymous.timeout(5000).emitWithAck('alarm:ack', { id: target.id })) as Ack<AlarmRecord>;
    expect(unsigned).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const malformed = (await dispatcher.timeout(5000).emitWithAck('alarm:ack', { id: 5 } as never)) as Ack<AlarmRecord>;
    expect(malformed).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const seen = ackSeenOn(anonymous, target.id);
    const done = (await dispatcher.timeout(5000).emitWithAck('alarm:ack', { id: target.id, note: 'seen on the wall' })) as Ack<AlarmRecord>;
    expect(done).toMatchObject({ ok: true, data: { id: target.id, acknowledged: true, ackedBy: 'dispatcher' } });
    expect(await seen).toMatchObject({ id: target.id, acknowledged: true });
    expect((await detail(target.id)).changes.at(-1)).toMatchObject({ action: 'acknowledge', by: 'dispatcher', note: 'seen on the wall' });
  });

  it('keeps the alarms and their acknowledgements through a restart, continuing the active ones under the same id', async () => {
    const before = (await list('limit=500')).alarms;
    const acked = await watched('WL-H01');
    expect(acked.acknowledged).toBe(true);
    sockets.splice(0).forEach((s) => s.disconnect());
    await server.close();

    await start();
    const after = (await list('limit=500')).alarms;
    expect(after.map((a) => a.id)).toEqual(expect.arrayContaining(before.map((a) => a.id)));
    expect(await detail(acked.id)).toMatchObject({ alarm: { id: acked.id, state: 'active', acknowledged: true, ackedBy: 'operator' } });
    const snapshot = await nextEvent(socketOf(), 'readings:snapshot', 15_000);
    expect(snapshot.events.alarms.find((a) => a.id === acked.id)).toMatchObject({ acknowledged: true, state: 'active' });
    // The watched gauges' episodes go on: no new alarm raised for them after some rule samples.
    const resumed = server.city.stages.simTime();
    await expect.poll(() => server.city.stages.simTime(), { timeout: 15_000, interval: 100 }).toBeGreaterThan(resumed + 3 * 60_000);
    expect((await list('rule=gauge.watch')).alarms.map((a) => a.id).sort()).toEqual(before.filter((a) => a.ruleId === 'gauge.watch').map((a) => a.id).sort());
  });
});
