/**
 * Muck trucks from outside against the real server (issue 15, seed 003): a registry imported with one
 * truck and its permitted route, the simulator off and the built-in rules. Its terminal reports
 * positions over MQTT (the embedded broker) and its state as a reading over HTTP; on the route nothing
 * is raised, off its corridor for longer than the rule's pending period it is off route, and unloading
 * far from its disposal site is an illegal dump with a `muckDumping` incident — each alarm kept, sent
 * in a frame and naming the construction site the load came from. The server keeps its track.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceM } from '../../src/domain/routeDistance';
import type { WireCatalog } from '../../src/protocol/assets';
import { unpackCatalog } from '../../src/protocol/catalogPacking';
import type { Alarm, Incident } from '../../src/protocol/cityEvents';
import { ConfigSchema, type Config } from '../../mock-server/config';
import { convertLonLat } from '../../mock-server/assets/datum';
import { startServer, type RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { importRegistryWithCli } from '../support/registryCli';

const T0 = Date.parse('2026-07-15T14:00:00+08:00');
const MIN = 60_000;
const KEY = { name: 'trucks', key: 'muck-truck-integration-key-0123456789' };
const SITE = '徐汇滨江地块工地';
const DISPOSAL = '闵行区消纳场';
const dir = mkdtempSync(join(tmpdir(), 'cityops-muck-'));
const clock = { now: T0 };

/** About 700 m along two streets of Xuhui (WGS-84), site → disposal site. */
const ROUTE = [
  [121.452, 31.185],
  [121.457, 31.185],
  [121.457, 31.188],
];
/** Points on the route, and 800 m south of its first leg: well outside the built-in 300 m corridor. */
const ON_ROUTE = [
  [121.4525, 31.18502],
  [121.4545, 31.18498],
  [121.4565, 31.18501],
];
const OFF_ROUTE = [121.455, 31.1778];

const CITY = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'LineString', coordinates: ROUTE }, properties: { kind: 'muckTruck', id: 'MT-XH-01', name: '沪A·渣土01', site: SITE, disposal: DISPOSAL } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.45, 31.184], [121.46, 31.184]] }, properties: { kind: 'roadSegment', id: 'R-1', roadClass: 'arterial' } },
  ],
};

let server: RunningServer;
let socket: TestSocket;
let catalog: WireCatalog;
let terminal: MqttClient;
let token: string;
const alarms: Alarm[] = [];
const incidents: Incident[] = [];

/** Moves the wall clock and waits for the frame that has reached it (the city runs on the wall clock). */
async function tickTo(t: number) {
  clock.now = t;
  for (;;) {
    const delta = await nextEvent(socket, 'readings:delta', 10_000);
    if (delta.simTime >= Math.floor(t / 1000) * 1000) return;
  }
}

/** The truck's terminal: one position, `{t, lon, lat}` in WGS-84, at QoS 1 (acknowledged once the gate took it). */
const report = (t: number, [lon, lat]: number[]) => terminal.publishAsync('cityops/v1/positions/muckTruck/MT-XH-01', JSON.stringify({ t, lon, lat }), { qos: 1 });
const raised = (trigger: string) => alarms.filter((a) => a.trigger === trigger && a.state === 'active');

beforeAll(async () => {
  writeFileSync(join(dir, 'city.geojson'), JSON.stringify(CITY));
  importRegistryWithCli(join(dir, 'city.geojson'), join(dir, 'data'));
  const config = {
    ...ConfigSchema.parse({}),
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    tickMs: 50,
    demo: true,
    dataDir: join(dir, 'data'),
    simulator: false,
    start: T0,
    integrationKeys: [KEY],
    mqttPort: 0,
  } as Config;
  server = await startServer({ config, now: () => clock.now });
  socket = connectClient(server.url);
  socket.on('readings:delta', (delta) => {
    for (const e of delta.events) {
      if (e.type === 'alarm') alarms.push(e.alarm);
      if (e.type === 'incident') incidents.push(e.incident);
    }
  });
  catalog = unpackCatalog(await nextEvent(socket, 'city:catalog', 30_000));
  terminal = await connectAsync(`mqtt://127.0.0.1:${server.mqtt!.embedded!.port}`, { username: KEY.name, password: KEY.key });
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'operator-demo' }) });
  token = ((await login.json()) as { token: string }).token;
}, 60_000);

afterAll(async () => {
  terminal?.end(true);
  socket?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a muck truck reported from outside, with the simulator off', () => {
  it('is in the catalogue with its site and disposal site', () => {
    const group = catalog.groups.find((g) => g.kind === 'muckTruck')!;
    expect(group.ids).toEqual(['MT-XH-01']);
    expect(JSON.stringify(group)).toContain(SITE);
    expect(JSON.stringify(group)).toContain(DISPOSAL);
  });

  it('raises nothing while it keeps to its route', async () => {
    // A minute apart, as a terminal reports live: each is the truck's newest for a frame or more.
    for (const [i, p] of ON_ROUTE.entries()) {
      await report(T0 + i * MIN, p);
      await tickTo(T0 + i * MIN + 1000);
    }
    await tickTo(T0 + 3 * MIN);
    expect(alarms).toEqual([]);
  });

  it('is off route once it has been off its corridor for longer than the pending period, naming its site', async () => {
    // The built-in rule waits two minutes: one and a half minutes away raise nothing.
    await report(T0 + 3 * MIN, OFF_ROUTE);
    await report(T0 + 4.5 * MIN, OFF_ROUTE);
    await tickTo(T0 + 4.5 * MIN + 1000);
    expect(raised('offRoute')).toEqual([]);
    await report(T0 + 5.5 * MIN, OFF_ROUTE);
    await tickTo(T0 + 5.5 * MIN + 1000);
    const [alarm] = raised('offRoute');
    expect(alarm).toMatchObject({ ruleId: 'muckTruck.offRoute', assetKind: 'muckTruck', assetId: 'MT-XH-01', severity: 'minor', unit: 'm', threshold: 300, origin: SITE, raisedAt: T0 + 5.5 * MIN });
    // It stands where the truck was (basemap datum), about 800 m from the route.
    const [lon, lat] = convertLonLat(OFF_ROUTE[0], OFF_ROUTE[1], 'wgs84', 'gcj02');
    expect(distanceM(alarm.lon!, alarm.lat!, lon, lat)).toBeLessThan(1);
    expect(alarm.value).toBeGreaterThan(700);
    expect(alarm.value).toBeLessThan(900);
    const stored = await (await fetch(`${server.url}/api/alarms?rule=muckTruck.offRoute`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(stored.alarms.map((a: Alarm) => [a.id, a.assetId, a.state, a.origin])).toEqual([[alarm.id, 'MT-XH-01', 'active', SITE]]);
  });

  it('dumps off-site when it unloads far from its disposal site: an alarm and a muckDumping incident', async () => {
    const res = await fetch(`${server.url}/api/ingest/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/senml+json', 'x-api-key': KEY.key },
      body: JSON.stringify([{ bn: 'muckTruck/MT-XH-01/', n: 'state', t: (T0 + 6 * MIN) / 1000, vs: 'unloading' }]),
    });
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    await tickTo(T0 + 6 * MIN + 1000);
    const [dump] = raised('dumpOffSite');
    expect(dump).toMatchObject({ ruleId: 'muckTruck.dumpOffSite', assetId: 'MT-XH-01', severity: 'major', threshold: 500, origin: SITE, raisedAt: T0 + 6 * MIN });
    expect(dump.value).toBeGreaterThan(500);
    const incident = incidents.find((i) => i.category === 'muckDumping');
    expect(incident, JSON.stringify(incidents)).toBeDefined();
    const stored = await (await fetch(`${server.url}/api/alarms?asset=MT-XH-01`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(stored.alarms.map((a: Alarm) => a.ruleId).sort()).toEqual(['muckTruck.dumpOffSite', 'muckTruck.offRoute']);
  });

  it('clears both once it is back on its route and hauling again', async () => {
    await report(T0 + 7 * MIN, ON_ROUTE[2]);
    const res = await fetch(`${server.url}/api/ingest/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY.key },
      body: JSON.stringify({ readings: [{ kind: 'muckTruck', id: 'MT-XH-01', measure: 'state', t: T0 + 7 * MIN + 5000, v: 2 }] }),
    });
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    await tickTo(T0 + 7 * MIN + 6000);
    const cleared = alarms.filter((a) => a.state === 'cleared').map((a) => [a.ruleId, a.clearedAt]);
    expect(cleared).toEqual([
      ['muckTruck.offRoute', T0 + 7 * MIN],
      ['muckTruck.dumpOffSite', T0 + 7 * MIN],
    ]);
  });

  it('raises an alarm of a buffered upload on the positions’ own times, marked late', async () => {
    clock.now = T0 + 12 * MIN;
    // Out of coverage for a few minutes: the terminal sends what it kept, in one message.
    const kept = [7.5, 8.5, 9.5].map((m) => ({ t: T0 + m * MIN, lon: OFF_ROUTE[0], lat: OFF_ROUTE[1] }));
    await terminal.publishAsync('cityops/v1/positions/muckTruck/MT-XH-01', JSON.stringify(kept), { qos: 1 });
    await tickTo(T0 + 12 * MIN + 1000);
    const late = raised('offRoute').filter((a) => a.raisedAt > T0 + 7 * MIN);
    expect(late.map((a) => [a.raisedAt, a.late])).toEqual([[T0 + 9.5 * MIN, true]]);
  });

  it('keeps its track: GET /api/tracks/muckTruck', async () => {
    const res = await fetch(`${server.url}/api/tracks/muckTruck`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ kind: 'muckTruck', catalogVersion: catalog.version, points: 64, spacingM: 150 });
    const bytes = (b64: string) => Buffer.from(b64, 'base64');
    const startsBuf = bytes(body.starts);
    const coordsBuf = bytes(body.coords);
    const starts = new Uint32Array(startsBuf.buffer.slice(startsBuf.byteOffset, startsBuf.byteOffset + startsBuf.byteLength));
    const coords = new Float32Array(coordsBuf.buffer.slice(coordsBuf.byteOffset, coordsBuf.byteOffset + coordsBuf.byteLength));
    expect(starts.length).toBe(2);
    // Oldest first: the three points on the route (about 190 m apart), the one 800 m off it, back, and off again.
    // The track is of the positions published, one a frame: repeats of a place add nothing, and of the
    // buffered upload only its newest was published.
    const at = (i: number) => [coords[(starts[0] + i) * 2], coords[(starts[0] + i) * 2 + 1]];
    const sent = [...ON_ROUTE, OFF_ROUTE, ON_ROUTE[2], OFF_ROUTE].map(([lon, lat]) => convertLonLat(lon, lat, 'wgs84', 'gcj02'));
    expect(starts[1] - starts[0]).toBe(sent.length);
    sent.forEach(([lon, lat], i) => expect(distanceM(at(i)[0], at(i)[1], lon, lat)).toBeLessThan(1));
  });
});
