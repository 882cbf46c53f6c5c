/**
 * The first "done when": a fresh data directory with the simulator off, a registry imported
 * from GeoJSON (`npm run assets -- import`) and a rules file shows only what comes in — the city's
 * own assets, silent until their readings arrive, alarms from the file's rules on those readings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeChannel } from '../../src/protocol/channelCodec';
import { unpackChannels } from '../../src/protocol/channelFrame';
import type { Alarm } from '../../src/protocol/cityEvents';
import type { WireCatalog } from '../../src/protocol/assets';
import { unpackCatalog } from '../../src/protocol/catalogPacking';
import { ConfigSchema, type Config } from '../../mock-server/config';
import { loadRuleBook } from '../../mock-server/rules/ruleBook';
import { startServer, type RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { importRegistryWithCli } from '../support/registryCli';

const T0 = Date.parse('2026-07-15T14:00:00+08:00');
const KEY = { name: 'gauges', key: 'own-city-integration-key-0123456789' };
const dir = mkdtempSync(join(tmpdir(), 'cityops-own-city-'));
const clock = { now: T0 };

const CITY = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [121.4951, 31.242] }, properties: { kind: 'waterGauge', id: 'W-OPT', name: '东方明珠水位站', warning: 4.5, danger: 5 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [121.472, 31.201] }, properties: { kind: 'pumpStation', id: 'PS-1', name: '一号泵站', capacityM3s: 4 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [121.47, 31.2] }, properties: { kind: 'underpass', id: 'UP-LUJIABANG', name: '陆家浜路下立交', pump: 'PS-1' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.46, 31.2], [121.48, 31.2]] }, properties: { kind: 'roadSegment', id: 'R-1', roadClass: 'arterial' } },
  ],
};

/** One rule: the gauge's own warning line (the default 9 m holds only for a gauge without one), on the latest reading. */
const RULES = `version: 1
rules:
  - id: own.gauge
    kind: waterGauge
    channel: water
    levels:
      - { severity: major, raise: 9, clear: 8.95, assetThreshold: warning }
`;

let server: RunningServer;
let socket: TestSocket;
let catalog: WireCatalog;
const alarms: Alarm[] = [];

beforeAll(async () => {
  writeFileSync(join(dir, 'city.geojson'), JSON.stringify(CITY));
  writeFileSync(join(dir, 'rules.yaml'), RULES);
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
    rules: loadRuleBook(join(dir, 'rules.yaml')),
  } as Config;
  server = await startServer({ config, now: () => clock.now });
  socket = connectClient(server.url);
  socket.on('readings:delta', (delta) => {
    for (const e of delta.events) if (e.type === 'alarm') alarms.push(e.alarm);
  });
  catalog = unpackCatalog(await nextEvent(socket, 'city:catalog', 30_000));
}, 60_000);

afterAll(async () => {
  socket?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a city of its own, with the simulator off', () => {
  it('has only the imported assets, and they read nothing yet', async () => {
    const count = (kind: string) => catalog.groups.find((g) => g.kind === kind)?.ids.length ?? 0;
    expect([count('waterGauge'), count('underpass'), count('roadSegment'), count('pumpStation'), count('rainGauge')]).toEqual([1, 1, 1, 1, 0]);
    expect(catalog.groups.find((g) => g.kind === 'waterGauge')!.ids).toEqual(['W-OPT']);
    const snapshot = await nextEvent(socket, 'readings:snapshot', 10_000).catch(() => null);
    const channels = snapshot ? unpackChannels(snapshot.channels) : null;
    if (channels?.water) expect([...decodeChannel(channels.water).values].every(Number.isNaN)).toBe(true);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.simulator.scenario).toBeNull();
    expect(health.simulator.openIncidents).toBe(0);
  });

  it('raises the rules file’s alarm on a reading that comes in, at the gauge’s own line', async () => {
    const res = await fetch(`${server.url}/api/ingest/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY.key },
      body: JSON.stringify({ readings: [{ kind: 'waterGauge', id: 'W-OPT', t: new Date(T0 + 500).toISOString(), v: 4.62 }] }),
    });
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    clock.now = T0 + 2000;
    const deadline = Date.now() + 10_000;
    while (!alarms.some((a) => a.ruleId === 'own.gauge') && Date.now() < deadline) await nextEvent(socket, 'readings:delta', 5000);
    const alarm = alarms.find((a) => a.ruleId === 'own.gauge')!;
    expect([alarm.assetId, alarm.severity, alarm.threshold, alarm.raisedAt]).toEqual(['W-OPT', 'major', 4.5, T0 + 500]);
    // Nothing else in the city spoke: the only alarm is the one the reading raised.
    expect(new Set(alarms.map((a) => a.ruleId))).toEqual(new Set(['own.gauge']));
  });
});
