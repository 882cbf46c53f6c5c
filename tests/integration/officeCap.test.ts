/**
 * In simulated mode the weather office issues real CAP (issue 16): under a storm at 600× speed its
 * signals reach GET /api/warnings as CAP 1.2 alerts of 上海中心气象台 (through the same ingest as
 * POST /api/ingest/cap, counted in /metrics), chained Alert → Update by references, with their times
 * and `?active=true` on the simulated clock; the wall's warnings are those same CAP warnings, and with
 * the clock stopped the API's active set and a new screen's snapshot agree exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeatherWarning } from '../../src/protocol/weatherWarnings';
import { OFFICE_SENDER } from '../../mock-server/cap/officeCap';
import type { RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const START = Date.parse('2026-07-15T14:00:00+08:00');
let server: RunningServer;
let socket: TestSocket;
const onWall: WeatherWarning[] = [];

interface WarningView {
  key: string; sender: string; msgType: string; version: string; state: string; source: string; receivedAt: string; expiresAt: string | null; endedBy: string | null;
  info: { language: string; event: string; severity: string; urgency: string; certainty: string; senderName: string | null; headline: string | null; areas: { areaDesc: string; polygons: [number, number][][] }[] }[];
}
async function warnings(query: string): Promise<WarningView[]> {
  const res = await fetch(`${server.url}/api/warnings${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { warnings: WarningView[] }).warnings;
}
const fromOffice = (ws: WarningView[]) => ws.filter((w) => w.sender === OFFICE_SENDER);

beforeAll(async () => {
  // Ten simulated minutes per second of wall time.
  server = await startTestServer({ scenario: 'storm', speed: 600, tickMs: 200 });
  socket = connectClient(server.url);
  socket.on('readings:delta', (d) => {
    for (const e of d.events) if (e.type === 'warning') onWall.push(e.warning);
  });
  await nextEvent(socket, 'readings:snapshot', 30_000);
}, 60_000);

afterAll(async () => {
  socket?.close();
  await server?.close();
});

describe('the simulated weather office speaks CAP', () => {
  it('issues CAP 1.2 alerts that the API lists, on the simulated clock', async () => {
    // One over some districts (a storm brings rainstorm and thunder signals): a city-wide one is named, not outlined.
    const outlined = (ws: WarningView[]) => fromOffice(ws).find((w) => w.info[0]!.areas[0]!.polygons.length > 0);
    await expect.poll(async () => outlined(await warnings('?active=true')) !== undefined, { timeout: 60_000, interval: 250 }).toBe(true);
    const alert = outlined(await warnings('?active=true'));
    expect(alert).toMatchObject({ version: '1.2', source: 'simulator', state: 'active', msgType: expect.stringMatching(/^(Alert|Update)$/) });
    const [zh, en] = alert!.info;
    expect(zh).toMatchObject({ language: 'zh-CN', senderName: '上海中心气象台', event: expect.stringMatching(/^(暴雨|雷电|大风|高温)(蓝|黄|橙|红)色预警$/) });
    expect(en).toMatchObject({ language: 'en-US', event: expect.stringMatching(/^(Blue|Yellow|Orange|Red) (Rainstorm|Thunderstorm|Gale|Heat) Warning$/) });
    const level = /(蓝|黄|橙|红)色/.exec(zh!.event)![1]!;
    expect(zh!.severity).toBe({ 蓝: 'Minor', 黄: 'Moderate', 橙: 'Severe', 红: 'Extreme' }[level]);
    expect(zh!.areas[0]!.polygons.length).toBeGreaterThan(0);
    expect(zh!.areas[0]!.polygons[0]!.length).toBeGreaterThanOrEqual(4);
    // Received and expiring on the simulated clock, which runs 600× ahead of the wall clock.
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { simulator: { simTime: string } };
    const simNow = Date.parse(health.simulator.simTime);
    expect(Date.parse(alert!.receivedAt)).toBeGreaterThanOrEqual(START);
    expect(Date.parse(alert!.receivedAt)).toBeLessThanOrEqual(simNow);
    expect(Date.parse(alert!.expiresAt!)).toBeGreaterThan(simNow);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^cityops_cap_alerts_total\{source="simulator",outcome="active"\} [1-9]\d*$/m);
  });

  it('chains its changes by references, and the wall shows only CAP warnings', async () => {
    await expect.poll(async () => fromOffice(await warnings('?limit=200')).some((w) => w.msgType === 'Update'), { timeout: 60_000, interval: 250 }).toBe(true);
    const history = fromOffice(await warnings('?limit=200'));
    const replaced = history.filter((w) => w.state === 'replaced');
    expect(replaced.length).toBeGreaterThan(0);
    for (const w of replaced) expect(history.find((u) => u.key === w.endedBy)).toMatchObject({ msgType: 'Update' });
    expect(onWall.length).toBeGreaterThan(0);
    expect(onWall.every((w) => w.source === 'cap' && w.id.startsWith(`cap:${OFFICE_SENDER},`))).toBe(true);
  });

  it('agrees with the wall: with the clock stopped, ?active=true is what a new screen is shown', async () => {
    server.ticker?.stop();
    // The tick under way (and its CAP alerts) finishes first.
    await server.workOrders.queue.run(async () => undefined);
    const active = fromOffice(await warnings('?active=true')).map((w) => `cap:${w.key}`).sort();
    const late = connectClient(server.url);
    try {
      const snapshot = await nextEvent(late, 'readings:snapshot', 10_000);
      expect(snapshot.events.warnings.map((w) => w.id).sort()).toEqual(active);
    } finally {
      late.close();
    }
  });
});
