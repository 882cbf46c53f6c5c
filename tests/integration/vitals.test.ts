/**
 * Vital signs over the real server: the catalogue lists the indicators, the snapshot and every delta
 * carry a value for each of them at the real 1 s cadence, and GET /api/vitals answers the same values
 * with their status for other city systems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import type { VitalsResponse } from '../../mock-server/http/vitalsRoutes';
import type { WireCatalog } from '../../src/protocol/assets';
import { unpackCatalog } from '../../src/protocol/catalogPacking';
import type { WireDelta, WireSnapshot } from '../../src/protocol/events';
import { DIMENSIONS, indicatorStatus } from '../../src/protocol/vitals';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
let socket: TestSocket;
let catalog: WireCatalog;
let snapshot: WireSnapshot;
const deltas: (WireDelta & { receivedAt: number })[] = [];

beforeAll(async () => {
  // The production cadence: one frame a second, a simulated minute per frame.
  server = await startTestServer({ tickMs: 1000, speed: 60 });
  socket = connectClient(server.url);
  const catalogP = nextEvent(socket, 'city:catalog');
  const snapshotP = nextEvent(socket, 'readings:snapshot');
  socket.on('readings:delta', (d) => deltas.push({ ...d, receivedAt: Date.now() }));
  catalog = unpackCatalog(await catalogP);
  snapshot = await snapshotP;
});

afterAll(async () => {
  socket?.disconnect();
  await server?.close();
});

const getJson = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: await res.json() };
};

describe('vital signs over the live feed', () => {
  it('lists at least four indicators per dimension in the catalogue', () => {
    for (const d of DIMENSIONS) expect(catalog.indicators.filter((i) => i.dimension === d).length).toBeGreaterThanOrEqual(4);
  });

  it('puts a value for every indicator in the snapshot, with active warnings', () => {
    expect(snapshot.vitals.t).toBe(snapshot.simTime);
    expect(snapshot.vitals.values).toHaveLength(catalog.indicators.length);
    expect(snapshot.vitals.values.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    expect(Array.isArray(snapshot.events.warnings)).toBe(true);
  });

  it('pushes every indicator at least every second, each frame with its time', async () => {
    await expect.poll(() => deltas.length, { timeout: 8000, interval: 100 }).toBeGreaterThanOrEqual(4);
    for (const d of deltas) {
      expect(d.vitals.t).toBe(d.simTime);
      expect(d.vitals.values).toHaveLength(catalog.indicators.length);
      expect(d.vitals.values.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    }
    for (let k = 1; k < deltas.length; k++) {
      expect(deltas[k].vitals.t).toBeGreaterThan(deltas[k - 1].vitals.t);
      // Server-side spacing of frames, and arrival spacing with room for a busy test machine.
      expect(deltas[k].sentAt - deltas[k - 1].sentAt).toBeLessThanOrEqual(1100);
      expect(deltas[k].receivedAt - deltas[k - 1].receivedAt).toBeLessThanOrEqual(1500);
    }
  });
});

describe('GET /api/vitals', () => {
  it('answers the catalogue joined with the values of a published frame, and each status', async () => {
    const { status, body } = (await getJson('/api/vitals')) as { status: number; body: VitalsResponse };
    expect(status).toBe(200);
    expect(body.indicators.map((i) => i.id)).toEqual(catalog.indicators.map((i) => i.id));
    expect(body.dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
    expect(new Date(body.simTimeIso).getTime()).toBe(body.simTime);
    // The values are those of the frame with the same seq that went out on the socket.
    await expect.poll(() => deltas.some((d) => d.seq === body.seq), { timeout: 5000 }).toBe(true);
    const frame = deltas.find((d) => d.seq === body.seq)!;
    expect(body.simTime).toBe(frame.simTime);
    expect(body.indicators.map((i) => i.value)).toEqual(frame.vitals.values);
    for (const [k, i] of body.indicators.entries()) {
      expect(i.status).toBe(indicatorStatus(catalog.indicators[k], i.value));
      expect(i.definition.length).toBeGreaterThan(0);
      expect(i.definitionEn.length).toBeGreaterThan(0);
    }
    const rank = { normal: 0, warning: 1, alarm: 2 } as const;
    for (const d of body.dimensions) {
      const own = body.indicators.filter((i) => i.dimension === d.dimension);
      const worst = own.reduce((w, i) => Math.max(w, i.status ? rank[i.status] : -1), -1);
      expect(d.status === null ? -1 : rank[d.status]).toBe(worst);
      expect(d.warning).toBe(own.filter((i) => i.status === 'warning').length);
      expect(d.alarm).toBe(own.filter((i) => i.status === 'alarm').length);
    }
  });

  it('narrows to one dimension, and refuses an unknown one', async () => {
    const { status, body } = (await getJson('/api/vitals?dimension=traffic')) as { status: number; body: VitalsResponse };
    expect(status).toBe(200);
    expect(body.dimensions.map((d) => d.dimension)).toEqual(['traffic']);
    expect(body.indicators.length).toBeGreaterThanOrEqual(4);
    expect(body.indicators.every((i) => i.dimension === 'traffic')).toBe(true);
    const bad = await getJson('/api/vitals?dimension=weather');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    expect(bad.body.error.message).toContain('must be one of');
  });
});

describe('GET /api/vitals/history', () => {
  it('answers the last hour, one point per 30 simulated seconds, ending with the published values', async () => {
    // A minute a frame: after a few frames the trail holds several 30 s points.
    await expect.poll(() => deltas.length, { timeout: 8000, interval: 100 }).toBeGreaterThanOrEqual(3);
    const { status, body } = await getJson('/api/vitals/history');
    expect(status).toBe(200);
    expect(body.indicators).toEqual(catalog.indicators.map((i) => i.id));
    expect(body.points.length).toBeGreaterThanOrEqual(3);
    const times = body.points.map((p: { t: number }) => p.t);
    for (let k = 1; k < times.length; k++) expect(Math.floor(times[k] / 30_000)).toBeGreaterThan(Math.floor(times[k - 1] / 30_000));
    expect(times.at(-1) - times[0]).toBeLessThanOrEqual(60 * 60_000);
    const last = body.points.at(-1);
    await expect.poll(() => deltas.some((d) => d.simTime === last.t), { timeout: 5000 }).toBe(true);
    expect(last.values).toEqual(deltas.find((d) => d.simTime === last.t)!.vitals.values);
  });

  it('narrows to the last minutes asked for, and refuses a bad window', async () => {
    const { body } = await getJson('/api/vitals/history?minutes=2');
    const span = body.points.at(-1).t - body.points[0].t;
    expect(span).toBeLessThanOrEqual(2 * 60_000);
    for (const bad of ['minutes=0', 'minutes=61', 'minutes=abc', 'minutes=1.5']) {
      const res = await getJson(`/api/vitals/history?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
  });
});
