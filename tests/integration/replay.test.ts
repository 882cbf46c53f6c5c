/**
 * `npm run replay` as a process of its own, sending the FloodNet storm of 29 September 2023 (the
 * shipped flood-events.csv and example map, as they are) into the real server with the simulator
 * off: once over HTTP, once over MQTT into the embedded broker of a second, fresh server. Both give
 * alarms, and the same alarm history (on the readings' own times, which differ between the runs only
 * by when each replay started).
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmChange, AlarmRecord } from '../../src/protocol/alarmRecords';
import { ConfigSchema, type Config } from '../../mock-server/config';
import { startServer, type RunningServer } from '../../mock-server/server';

const KEY = { name: 'floodnet', key: 'floodnet-integration-key-0123456789' };
const FILE = '../shared/data/flood-sensor-data/nyc-floodnet/flood-events.csv';
const MAP = 'mock-server/replay/maps/floodnet-2023-09-29.csv';
// Brooklyn's flash floods of that morning (UTC), from before the first rise to after the last drained.
const WINDOW = ['--from', '2023-09-29T11:00Z', '--until', '2023-09-29T18:00Z'];

interface Replay {
  code: number | null;
  stdout: string;
  stderr: string;
}

function replay(args: string[]): Promise<Replay> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/replay/replayCli.ts', FILE, '--format', 'floodnet', '--map', MAP, ...WINDOW, '--speed', '0', '--key', `${KEY.name}:${KEY.key}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const count = (out: string, label: string) => Number(new RegExp(`^${label}\\s+([\\d,]+)`, 'm').exec(out)?.[1].replace(/,/g, '') ?? Number.NaN);

async function start(): Promise<RunningServer> {
  const config = { ...ConfigSchema.parse({}), port: 0, host: '127.0.0.1', logLevel: 'silent', tickMs: 200, demo: true, dataDir: ':memory:', simulator: false, mqttPort: 0, integrationKeys: [KEY] } as Config;
  return startServer({ config });
}

async function login(server: RunningServer): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: 'dispatcher-demo' }) });
  return ((await res.json()) as { token: string }).token;
}

/**
 * Every change of the readings' alarms (no-data alarms are judged on the wall clock, so they are left
 * out), times relative to the first, in time order.
 */
async function alarmHistory(server: RunningServer): Promise<Omit<AlarmChange, 'seq' | 'alarmId' | 'recordedAt'>[]> {
  const headers = { authorization: `Bearer ${await login(server)}` };
  const { alarms } = (await (await fetch(`${server.url}/api/alarms?limit=500`, { headers })).json()) as { alarms: AlarmRecord[] };
  const changes: AlarmChange[] = [];
  for (const alarm of alarms.filter((a) => a.trigger !== 'frozen')) {
    const detail = (await (await fetch(`${server.url}/api/alarms/${encodeURIComponent(alarm.id)}`, { headers })).json()) as { changes: AlarmChange[] };
    changes.push(...detail.changes);
  }
  const t0 = Math.min(...changes.map((c) => c.at));
  return changes
    .map(({ seq: _seq, alarmId: _id, recordedAt: _recordedAt, ...c }) => ({ ...c, at: c.at - t0 }))
    .sort((a, b) => a.at - b.at || a.assetId.localeCompare(b.assetId) || a.action.localeCompare(b.action));
}

async function accepted(server: RunningServer): Promise<number> {
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as { ingest: Record<string, { accepted: number }> };
  return health.ingest[KEY.name]?.accepted ?? 0;
}

/** Waits until the server has accepted `n` readings and a few ticks have applied them. */
async function settled(server: RunningServer, n: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await accepted(server)) < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1500));
}

let overHttp: RunningServer;
let overMqtt: RunningServer;

beforeAll(async () => {
  overHttp = await start();
  overMqtt = await start();
});

afterAll(async () => {
  await overHttp?.close();
  await overMqtt?.close();
});

describe('npm run replay of a FloodNet storm', () => {
  let http: Replay;
  let sent: number;
  let historyOverHttp: Awaited<ReturnType<typeof alarmHistory>>;

  it('over HTTP: every reading accepted, counted, and the closing count says so', async () => {
    http = await replay(['--to', overHttp.url]);
    expect(http.code, http.stderr).toBe(0);
    sent = count(http.stdout, 'sent');
    expect(sent).toBeGreaterThan(1000);
    expect(count(http.stdout, 'accepted')).toBe(sent);
    expect(count(http.stdout, 'duplicates')).toBe(0);
    expect(count(http.stdout, 'refused')).toBe(0);
    expect(http.stderr).toMatch(/readings of 2\d mapped series, recorded 2023-09-29 11:\d\dZ/);
    await settled(overHttp, sent);
    expect(await accepted(overHttp)).toBe(sent);
  }, 60_000);

  it('raises the underpasses’ alarms as the water rose, to critical, on the readings’ own (late) times', async () => {
    const history = (historyOverHttp = await alarmHistory(overHttp));
    const underpasses = history.filter((c) => c.ruleId === 'underpass.depth');
    expect(underpasses.some((c) => c.action === 'raise')).toBe(true);
    expect(underpasses.some((c) => c.severity === 'critical')).toBe(true);
    expect(history.some((c) => c.ruleId === 'waterlog.depth')).toBe(true);
    // Sent as fast as possible, hours of the storm arrive within seconds: behind their time.
    expect(history.filter((c) => c.late).length).toBeGreaterThan(history.length / 2);
  });

  it('over MQTT into the embedded broker gives the same alarm history as over HTTP', async () => {
    const mqtt = await replay(['--mqtt', `mqtt://127.0.0.1:${overMqtt.mqtt!.embedded!.port}`]);
    expect(mqtt.code, mqtt.stderr).toBe(0);
    expect(count(mqtt.stdout, 'sent')).toBe(sent);
    await settled(overMqtt, sent);
    expect(await accepted(overMqtt)).toBe(sent);
    expect(await alarmHistory(overMqtt)).toEqual(historyOverHttp);
  }, 60_000);
});
