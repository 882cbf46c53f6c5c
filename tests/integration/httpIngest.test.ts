/**
 * Readings from outside over HTTP, against the real server with the simulator off and a wall clock
 * the test moves: per-reading verdicts, bad bodies, the key, and readings that reach the alarms a
 * socket client sees — on the time they were measured, late, out of order, twice, from the future,
 * and a gap that raises and clears a no-data alarm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../src/protocol/cityEvents';
import type { RunningServer } from '../../mock-server/server';
import { startServer } from '../../mock-server/server';
import { ConfigSchema, type Config } from '../../mock-server/config';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';

const T0 = Date.parse('2026-07-15T14:00:00+08:00');
const MIN = 60_000;
const KEY = 'gauges-integration-key-0123456789';
const clock = { now: T0 };

let server: RunningServer;
let socket: TestSocket;
const alarms: Alarm[] = [];
let underpass: string;
let gauge: string;
let otherGauge: string;

async function post(body: unknown, headers: Record<string, string> = { 'x-api-key': KEY }) {
  const res = await fetch(`${server.url}/api/ingest/readings`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** Moves the wall clock and waits for the frame of that moment. */
async function tickTo(t: number) {
  clock.now = t;
  for (;;) {
    const delta = await nextEvent(socket, 'readings:delta');
    if (delta.simTime >= Math.floor(t / 1000) * 1000) return;
  }
}

const iso = (t: number) => new Date(t).toISOString();
const mine = (slotId: string) => alarms.filter((a) => a.assetId === slotId);

beforeAll(async () => {
  const config = { ...ConfigSchema.parse({}), port: 0, host: '127.0.0.1', logLevel: 'silent', seed: 20260701, tickMs: 50, demo: true, dataDir: ':memory:', simulator: false, start: T0, integrationKeys: [{ name: 'gauges', key: KEY }] } as Config;
  server = await startServer({ config, now: () => clock.now });
  socket = connectClient(server.url);
  socket.on('readings:delta', (delta) => {
    for (const e of delta.events) if (e.type === 'alarm') alarms.push(e.alarm);
  });
  const catalog = await nextEvent(socket, 'city:catalog');
  underpass = catalog.groups.find((g) => g.kind === 'underpass')!.ids[4];
  gauge = catalog.groups.find((g) => g.kind === 'waterGauge')!.ids[0];
  otherGauge = catalog.groups.find((g) => g.kind === 'waterGauge')!.ids[1];
});

afterAll(async () => {
  socket?.close();
  await server?.close();
});

describe('POST /api/ingest/readings', () => {
  it('needs an integration key', async () => {
    expect((await post({ readings: [] }, {})).status).toBe(401);
    expect((await post({ readings: [] }, { 'x-api-key': 'wrong-key-wrong-key-wrong-key' })).status).toBe(401);
  });

  it('answers per reading: accepted, duplicates, and each refusal with its index and reason', async () => {
    const readings = [
      { kind: 'underpass', id: underpass, t: iso(T0 - 2 * MIN), v: 0 },
      { kind: 'underpass', id: underpass, t: iso(T0 - 2 * MIN), v: 0 },
      { kind: 'underpass', id: 'UP-NOPE', t: iso(T0), v: 1 },
      { kind: 'underpass', id: underpass, t: iso(T0), v: '12' },
      { kind: 'underpass', id: underpass, t: iso(T0 + 10 * MIN), v: 1 },
    ];
    const { status, body } = await post({ readings });
    expect(status).toBe(200);
    expect(body.accepted).toBe(1);
    expect(body.duplicates).toBe(1);
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([2, 3, 4]);
    expect(body.rejected[0].reason).toMatch(/no underpass with id "UP-NOPE"/);
    expect(body.rejected[2].reason).toMatch(/in the future/);
    // Sent again (a retry after a lost answer): nothing applied twice.
    expect((await post({ readings: readings.slice(0, 1) })).body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });

  it('takes a SenML pack as application/senml+json', async () => {
    const pack = [{ bn: `waterGauge/${gauge}/`, bt: (T0 - MIN) / 1000, n: 'level', u: 'm', v: 2.5 }, { n: 'level', t: 30, u: 'cm', v: 251 }];
    const res = await fetch(`${server.url}/api/ingest/readings`, { method: 'POST', headers: { 'content-type': 'application/senml+json', 'x-api-key': KEY }, body: JSON.stringify(pack) });
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
  });

  it('refuses a body that is not JSON, or neither shape, with a clear 400, and a body over the limit with 413', async () => {
    const broken = await post('{"readings": [');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/JSON/);
    const neither = await post({ values: [] });
    expect(neither.status).toBe(400);
    expect(neither.body.error.message).toMatch(/SenML pack/);
    const huge = await post({ readings: Array.from({ length: 20_000 }, (_, i) => ({ kind: 'underpass', id: underpass, t: iso(T0 - i * 1000), v: 1.25 })) });
    expect(huge.status).toBe(413);
  });
});

describe('readings reach the alarms on the time they were measured', () => {
  it('raises at the reading time and clears on a later reading', async () => {
    await post({ readings: [0, 1, 2, 3].map((m) => ({ kind: 'underpass', id: underpass, t: iso(T0 - MIN + m * MIN), v: 40 })) });
    clock.now = T0 + 2 * MIN;
    await tickTo(T0 + 2 * MIN + 1000);
    const raised = mine(underpass).filter((a) => a.trigger !== 'frozen');
    expect(raised.map((a) => `${a.state}:${a.severity}`)).toContain('active:critical');
    expect(raised[0].raisedAt).toBeLessThanOrEqual(T0 + MIN);
    expect(raised.every((a) => !a.late)).toBe(true);
  });

  it('gives the detail card the readings as measured, at their own times', async () => {
    const res = await fetch(`${server.url}/api/assets/underpass/${underpass}/history?minutes=60`);
    const { series } = await res.json();
    const depth = series['underpass.depth'];
    // The four flooded readings and the dry one before them, not a sample per minute repeating the last.
    expect(depth.t.filter((t: number) => t >= T0 - 2 * MIN)).toEqual([T0 - 2 * MIN, T0 - MIN, T0, T0 + MIN, T0 + 2 * MIN]);
    expect(depth.v.slice(-4)).toEqual([40, 40, 40, 40]);
  });

  it('keeps an older reading out of the alarms', async () => {
    const before = alarms.length;
    const { body } = await post({ readings: [{ kind: 'underpass', id: underpass, t: iso(T0 - 30 * MIN), v: 0 }] });
    expect(body.accepted).toBe(1);
    await tickTo(clock.now + 1000);
    expect(alarms.slice(before).filter((a) => a.assetId === underpass)).toEqual([]);
  });

  it('marks what a late batch changes as late', async () => {
    const gaugeSlotAlarms = () => alarms.filter((a) => a.assetId === otherGauge && a.trigger !== 'frozen');
    // A gateway's buffered readings from 20 minutes ago (a gauge that has not reported before): far above any danger line.
    await post({ readings: [0, 1, 2, 3, 4, 5].map((m) => ({ kind: 'waterGauge', id: otherGauge, t: iso(clock.now - 20 * MIN + m * MIN), v: 9.5 })) });
    await tickTo(clock.now + 1000);
    expect(gaugeSlotAlarms().length).toBeGreaterThan(0);
    expect(gaugeSlotAlarms().every((a) => a.late === true)).toBe(true);
  });

  it('raises a no-data alarm on a gap and clears it when data resumes', async () => {
    const last = clock.now;
    await post({ readings: [{ kind: 'underpass', id: underpass, t: iso(last), v: 0 }] });
    await tickTo(last + 11 * MIN);
    expect(mine(underpass).filter((a) => a.trigger === 'frozen').map((a) => a.state)).toEqual(['active']);
    await post({ readings: [{ kind: 'underpass', id: underpass, t: iso(clock.now), v: 0 }] });
    await tickTo(clock.now + 1000);
    expect(mine(underpass).filter((a) => a.trigger === 'frozen').map((a) => a.state)).toEqual(['active', 'cleared']);
  });

  it('counts what came in per integration on the health route', async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.ingest.gauges.accepted).toBeGreaterThan(5);
    expect(health.ingest.gauges.duplicates).toBe(2);
    expect(health.ingest.gauges.rejected).toBe(3);
    expect(health.simulator.scenario).toBeNull();
  });
});
