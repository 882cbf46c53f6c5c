/**
 * The SensorThings source against the real server (simulator off, a wall clock the test moves) and a
 * FROST-like server over HTTP serving the public material as it is (tests/support/frostServer.ts):
 * map lines refused at start for a unit the measure cannot take or a Datastream the server lacks;
 * the Observations of the mapped Datastreams read page by page into the gate, on to an alarm a
 * socket client sees; a second poll adds nothing; a server answering 500 or garbage counted and
 * survived; a restart continuing from the stored cursor; a bad map refusing the start, its line named.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../src/protocol/cityEvents';
import { loadCityGeo } from '../../mock-server/city/cityGeo';
import { placeAssets } from '../../mock-server/city/placeAssets';
import { ConfigError, ConfigSchema, loadConfig, type Config } from '../../mock-server/config';
import { loadRuleBook } from '../../mock-server/rules/ruleBook';
import { startServer, type RunningServer } from '../../mock-server/server';
import { forkCityRngs } from '../../mock-server/simulator/citySimulation';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startFrostServer, type FrostServer } from '../support/frostServer';

const SEED = 20260701;
// Just after the $batch body's Observations (2023-01-01T12:00–12:04Z): the server's clock.
const T0 = Date.parse('2023-01-01T12:05:00Z');
const clock = { now: T0 };
const dir = mkdtempSync(join(tmpdir(), 'sensorthings-it-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

/** Warm above 2.5 °C: the $batch Datastreams' 1, 2, 3, 4 °C cross it at their third Observation. */
const RULES = `version: 1
rules:
  - id: weather.warm
    kind: weatherStation
    channel: weather.temp
    levels:
      - { severity: warning, raise: 2.5, clear: 2 }
`;

const stations = placeAssets(loadCityGeo(), forkCityRngs(SEED).assets).weatherStations.map((s) => s.id);
/**
 * Datastream 1 (lumen) cannot feed a temperature; Datastream 2's unitOfMeasurement ("C", defined as
 * Lumen) is wrong, so the map states Cel; 3 and 4 ("°C") say it themselves; the server has no 99.
 */
const MAP = `# the public FROST material -> weather stations of the default simulated city
datastream_id,kind,asset_id,measure,unit
1,weatherStation,${stations[0]},temp,
2,weatherStation,${stations[1]},temp,Cel
3,weatherStation,${stations[2]},temp,
4,weatherStation,${stations[3]},temp,
99,weatherStation,${stations[4]},temp,
`;

let frost: FrostServer;
let server: RunningServer;
let socket: TestSocket;
const alarms: Alarm[] = [];
const rulesPath = file('rules.yaml', RULES);
const mapPath = file('map.csv', MAP);
const dataDir = join(dir, 'data');

async function start(): Promise<RunningServer> {
  const config = {
    ...ConfigSchema.parse({ sensorThingsUrl: frost.url, sensorThingsMap: mapPath, sensorThingsEvery: '3600', sensorThingsSince: '2015-01-01T00:00:00Z' }),
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    seed: SEED,
    tickMs: 50,
    demo: true,
    dataDir,
    simulator: false,
    start: T0,
    rules: loadRuleBook(rulesPath),
  } as Config;
  return startServer({ config, now: () => clock.now });
}

const health = async () => (await fetch(`${server.url}/api/health`)).json();
const datastream = async (id: number) => (await health()).sensorthings.datastreams.find((d: { id: number }) => d.id === id);
const observationRequests = () => frost.requests.filter((r) => r.includes('/Observations'));

/** Moves the wall clock and waits for the frame of that moment. */
async function tickTo(t: number) {
  clock.now = t;
  for (;;) {
    const delta = await nextEvent(socket, 'readings:delta');
    if (delta.simTime >= Math.floor(t / 1000) * 1000) return;
  }
}

beforeAll(async () => {
  // Two Observations a page, so the $batch Datastreams' four take two pages each.
  frost = await startFrostServer({ maxTop: 2 });
  server = await start();
  socket = connectClient(server.url);
  socket.on('readings:delta', (delta) => {
    for (const e of delta.events) if (e.type === 'alarm') alarms.push(e.alarm);
  });
  await nextEvent(socket, 'city:catalog');
  await server.sensorThings!.pollNow();
});

afterAll(async () => {
  socket?.close();
  await server?.close();
  await frost?.close();
});

describe('the map at start', () => {
  it('refuses the lines whose Datastream cannot feed the measure, or that the server lacks, each with its line', async () => {
    const { sensorthings } = await health();
    expect(sensorthings).toMatchObject({ url: frost.url, everyS: 3600 });
    expect(sensorthings.datastreams.map((d: { id: number; state: string }) => [d.id, d.state])).toEqual([
      [1, 'refused'],
      [2, 'polling'],
      [3, 'polling'],
      [4, 'polling'],
      [99, 'refused'],
    ]);
    expect((await datastream(1)).lastError.message).toBe(`${mapPath}:3: Datastream 1 ("datastream name 1") reports in lm (symbol "lm"), which weatherStation temp does not take: it takes Cel`);
    expect((await datastream(99)).lastError.message).toBe(`${mapPath}:7: the server has no Datastream 99 (HTTP 404)`);
    expect(await datastream(2)).toMatchObject({ name: 'datastream name 2', unit: 'Cel' });
    expect(await datastream(3)).toMatchObject({ name: 'Temperature of Thing 1', unit: 'Cel', factor: 1 });
  });
});

describe('polling', () => {
  it('reads every Observation of the mapped Datastreams into the gate, following @iot.nextLink', async () => {
    expect(await datastream(2)).toMatchObject({ observations: 2, accepted: 2, rejected: 0, lastPhenomenonTime: '2015-03-06T00:00:00.000Z' });
    expect(await datastream(3)).toMatchObject({ observations: 4, accepted: 4, lastPhenomenonTime: '2023-01-01T12:04:00.000Z', failures: 0 });
    expect((await health()).ingest.sensorthings).toMatchObject({ accepted: 10, duplicates: 0, rejected: 0 });
    const pagesOf3 = observationRequests().filter((r) => r.includes('Datastreams(3)'));
    expect(pagesOf3[0]).toMatch(/\$filter=phenomenonTime gt 2015-01-01T00:00:00\.000Z&\$orderby=phenomenonTime asc&\$top=1000&\$select=phenomenonTime,result/);
    expect(pagesOf3[1]).toMatch(/\$skip=2/);
  });

  it('raises the alarm a socket client sees, on the time the Observation was made', async () => {
    await tickTo(T0 + 2000);
    const warm = alarms.filter((a) => a.ruleId === 'weather.warm' && a.state === 'active');
    expect(warm.map((a) => a.assetId).sort()).toEqual([stations[1], stations[2], stations[3]].sort());
    const third = warm.find((a) => a.assetId === stations[2])!;
    expect(third.raisedAt).toBe(Date.parse('2023-01-01T12:03:00Z'));
  });

  it('adds nothing on a second poll, and reads a new Observation once', async () => {
    const before = (await health()).ingest.sensorthings;
    const requests = observationRequests().length;
    await server.sensorThings!.pollNow();
    expect((await health()).ingest.sensorthings).toMatchObject({ accepted: before.accepted, duplicates: 0 });
    expect(observationRequests().slice(requests).find((r) => r.includes('Datastreams(3)'))).toMatch(/phenomenonTime gt 2023-01-01T12:04:00\.000Z/);
    frost.addObservation(3, '2023-01-01T12:05:00Z', 1.5);
    await server.sensorThings!.pollNow();
    expect((await health()).ingest.sensorthings.accepted).toBe(before.accepted + 1);
    await tickTo(T0 + 4000);
    expect(alarms.filter((a) => a.assetId === stations[2]).map((a) => a.state)).toEqual(['active', 'cleared']);
  });

  it('counts a server that answers 500 or garbage, survives it, and polls again once it answers', async () => {
    frost.fault = 'status500';
    await server.sensorThings!.pollNow();
    expect((await datastream(2)).lastError.message).toMatch(/^HTTP 500 from /);
    frost.fault = 'garbage';
    clock.now += 3600_000;
    await server.sensorThings!.pollNow();
    const failing = await datastream(2);
    expect(failing).toMatchObject({ failuresInARow: 2, lastError: { message: expect.stringMatching(/^not JSON from .*Proxy error/) } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    frost.fault = null;
    frost.addObservation(4, '2023-01-01T12:06:00Z', 9);
    clock.now += 2 * 3600_000;
    await server.sensorThings!.pollNow();
    expect(await datastream(4)).toMatchObject({ accepted: 5, failuresInARow: 0 });
    expect((await health()).sensorthings.failures).toBeGreaterThanOrEqual(2);
  });
});

describe('a restart', () => {
  it('continues from the stored cursor: nothing read twice', async () => {
    socket.close();
    await server.close();
    frost.requests.length = 0;
    server = await start();
    await server.sensorThings!.pollNow();
    expect(observationRequests().find((r) => r.includes('Datastreams(3)'))).toMatch(/phenomenonTime gt 2023-01-01T12:05:00\.000Z/);
    expect((await health()).ingest.sensorthings ?? { accepted: 0, duplicates: 0 }).toMatchObject({ accepted: 0, duplicates: 0 });
  });
});

describe('a bad map', () => {
  it('stops the start, each problem named with its line', () => {
    const bad = file('bad.csv', 'datastream_id,kind,asset_id,measure,unit\n1,weatherStation,WS-1,temp,m\n2,teapot,T-1,,\n');
    const env = { CITYOPS_SENSORTHINGS_URL: frost.url, CITYOPS_SENSORTHINGS_MAP: bad };
    expect(() => loadConfig([], env)).toThrow(ConfigError);
    expect(() => loadConfig([], env)).toThrow(new RegExp(`CITYOPS_SENSORTHINGS_MAP / --sensorthings-map: ${bad}:2: weatherStation temp cannot be reported in m`));
    expect(() => loadConfig([], env)).toThrow(/bad\.csv:3: kind "teapot" is not reported from outside/);
    expect(() => loadConfig([], { CITYOPS_SENSORTHINGS_URL: frost.url })).toThrow(/go together/);
  });
});
