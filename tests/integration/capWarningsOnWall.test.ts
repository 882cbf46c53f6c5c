/**
 * CAP warnings reach the wall (issue 16): an alert in force posted to `POST /api/ingest/cap` comes to
 * a socket client as a city warning in a frame — its signal colour from the event's colour word or
 * its severity, its areas kept — and in the snapshot of a client that connects later; an Update
 * replaces it, a Cancel ends it, and one whose `expires` passes ends by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeatherWarning } from '../../src/protocol/weatherWarnings';
import type { RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const KEY = 'weather-bureau-integration-key-0123';
const SENDER = 'sh-observatory@cma.gov.cn';
let server: RunningServer;
let socket: TestSocket;
const seen: WeatherWarning[] = [];

/** CAP's dateTime: seconds and a numeric zone. */
const capTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');

function alert(o: { id: string; sent: number; msgType?: string; references?: string; event: string; severity: string; expires?: number }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${o.id}</identifier><sender>${SENDER}</sender><sent>${capTime(o.sent)}</sent>
  <status>Actual</status><msgType>${o.msgType ?? 'Alert'}</msgType><scope>Public</scope>${o.references ? `<references>${o.references}</references>` : ''}
  <info>
    <language>zh-CN</language><category>Met</category><event>${o.event}</event>
    <urgency>Immediate</urgency><severity>${o.severity}</severity><certainty>Likely</certainty>
    ${o.expires ? `<expires>${capTime(o.expires)}</expires>` : ''}
    <headline>上海中心气象台发布${o.event}</headline>
    <area><areaDesc>浦东新区</areaDesc><polygon>31.1,121.5 31.3,121.5 31.3,121.7 31.1,121.5</polygon><circle>31.2,121.45 10</circle></area>
  </info>
</alert>`;
}

async function post(xml: string): Promise<{ key: string; became: string; ended: string[] }> {
  const res = await fetch(`${server.url}/api/ingest/cap`, { method: 'POST', headers: { 'content-type': 'application/cap+xml', 'x-api-key': KEY }, body: xml });
  expect(res.status).toBe(200);
  return (await res.json()) as { key: string; became: string; ended: string[] };
}

/** Waits for frames until a warning event matching `match` has come. */
async function frameWith(match: (w: WeatherWarning) => boolean): Promise<WeatherWarning> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = seen.find(match);
    if (found) return found;
    await nextEvent(socket, 'readings:delta', 5000);
  }
  throw new Error('no such warning in a frame');
}

beforeAll(async () => {
  // A WGS-84 basemap: the areas reach the wall as CAP wrote them (on a GCJ-02 one they are moved, see capWarnings.test.ts).
  server = await startTestServer({ simulator: false, tickMs: 50, integrationKeys: [{ name: 'weather-bureau', key: KEY }], start: undefined, basemapDatum: 'wgs84' });
  socket = connectClient(server.url);
  socket.on('readings:delta', (delta) => {
    for (const e of delta.events) if (e.type === 'warning') seen.push(e.warning);
  });
  await nextEvent(socket, 'readings:snapshot', 30_000);
}, 60_000);

afterAll(async () => {
  socket?.close();
  await server?.close();
});

describe('CAP warnings on the wall', () => {
  it('shows an alert in force, replaces it on Update, ends it on Cancel', async () => {
    const sent = Date.now();
    const first = await post(alert({ id: 'SH-RAIN-1', sent, event: '暴雨橙色预警', severity: 'Moderate', expires: sent + 3 * 3_600_000 }));
    expect(first.became).toBe('active');
    const shown = await frameWith((w) => w.id === `cap:${first.key}` && w.state === 'active');
    // The event's own colour word outranks its severity (Moderate would be yellow).
    expect(shown).toMatchObject({ source: 'cap', event: 'rainstorm', level: 'orange', eventText: '暴雨橙色预警', headline: '上海中心气象台发布暴雨橙色预警', districts: [] });
    expect(shown.areas).toEqual([{ areaDesc: '浦东新区', polygons: [[[121.5, 31.1], [121.5, 31.3], [121.7, 31.3], [121.5, 31.1]]], circles: [{ center: [121.45, 31.2], radiusKm: 10 }] }]);

    // A screen that opens now gets it in its snapshot.
    const later = connectClient(server.url);
    const snapshot = await nextEvent(later, 'readings:snapshot', 10_000);
    later.close();
    expect(snapshot.events.warnings.map((w) => w.id)).toContain(`cap:${first.key}`);

    const update = await post(alert({ id: 'SH-RAIN-2', sent: sent + 1000, msgType: 'Update', references: first.key, event: 'Rainstorm warning', severity: 'Extreme', expires: sent + 3 * 3_600_000 }));
    expect(update.ended).toEqual([first.key]);
    await frameWith((w) => w.id === `cap:${first.key}` && w.state === 'cancelled');
    expect(await frameWith((w) => w.id === `cap:${update.key}` && w.state === 'active')).toMatchObject({ event: 'rainstorm', level: 'red' });

    const cancel = await post(alert({ id: 'SH-RAIN-3', sent: sent + 2000, msgType: 'Cancel', references: update.key, event: 'Rainstorm warning', severity: 'Extreme' }));
    expect(cancel).toMatchObject({ became: 'cancellation', ended: [update.key] });
    await frameWith((w) => w.id === `cap:${update.key}` && w.state === 'cancelled');
    // The Cancel itself is no warning on the wall.
    expect(seen.some((w) => w.id === `cap:${cancel.key}`)).toBe(false);
  });

  it('ends an alert when its expires passes', async () => {
    const sent = Date.now();
    const short = await post(alert({ id: 'SH-GALE-1', sent, event: 'Gale warning', severity: 'Minor', expires: sent + 2000 }));
    expect(short.became).toBe('active');
    expect(await frameWith((w) => w.id === `cap:${short.key}` && w.state === 'active')).toMatchObject({ event: 'gale', level: 'blue' });
    await frameWith((w) => w.id === `cap:${short.key}` && w.state === 'cancelled');
  });
});
