/**
 * Readings over MQTT against the real server (simulator off, a wall clock the test moves): through
 * the embedded broker, logged in with an integration key, and through a real mosquitto started here
 * that the server reads as a client. Both reach the alarms a socket client sees; refused topics and
 * keys are counted; a QoS 1 message sent twice is applied once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Alarm } from '../../src/protocol/cityEvents';
import { ConfigSchema, type Config } from '../../mock-server/config';
import { startServer, type RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';

const T0 = Date.parse('2026-07-15T14:00:00+08:00');
const MIN = 60_000;
const KEY = 'gauges-integration-key-0123456789';
const clock = { now: T0 };

let dir: string;
let mosquitto: ChildProcess;
let mosquittoUrl: string;
let server: RunningServer;
let embeddedUrl: string;
let socket: TestSocket;
const alarms: Alarm[] = [];
const clients: MqttClient[] = [];
let underpasses: string[];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startMosquitto(): Promise<void> {
  // Debian installs it in /usr/sbin, which is not on every user's PATH.
  const found = spawnSync('sh', ['-c', 'command -v mosquitto || ls /usr/sbin/mosquitto'], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error('mosquitto is not installed: apt-get install mosquitto (.ci/run installs it)');
  const binary = found.stdout.trim();
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\n`);
  mosquitto = spawn(binary, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitForPort(port);
  mosquittoUrl = `mqtt://127.0.0.1:${port}`;
}

async function tickTo(t: number) {
  clock.now = t;
  for (;;) {
    const delta = await nextEvent(socket, 'readings:delta');
    if (delta.simTime >= Math.floor(t / 1000) * 1000) return;
  }
}

const health = async () => (await fetch(`${server.url}/api/health`)).json();
const flooded = (from: number) => [0, 1, 2, 3].map((m) => ({ t: from + m * MIN, v: 40 }));
const raisedFor = (id: string) => alarms.filter((a) => a.assetId === id && a.trigger !== 'frozen');
const track = (c: MqttClient) => (clients.push(c), c);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cityops-mqtt-'));
  await startMosquitto();
  const config = {
    ...ConfigSchema.parse({}),
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    tickMs: 50,
    demo: true,
    dataDir: ':memory:',
    simulator: false,
    start: T0,
    integrationKeys: [{ name: 'gauges', key: KEY }],
    mqttPort: 0,
    mqttUrl: mosquittoUrl,
  } as Config;
  server = await startServer({ config, now: () => clock.now });
  embeddedUrl = `mqtt://127.0.0.1:${server.mqtt!.embedded!.port}`;
  socket = connectClient(server.url);
  socket.on('readings:delta', (delta) => {
    for (const e of delta.events) if (e.type === 'alarm') alarms.push(e.alarm);
  });
  const catalog = await nextEvent(socket, 'city:catalog');
  underpasses = catalog.groups.find((g) => g.kind === 'underpass')!.ids;
  await vi.waitFor(() => expect(server.mqtt!.external!.status().subscribed).toBe(true), { timeout: 10_000 });
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.end(true);
  socket?.close();
  await server?.close();
  mosquitto?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('readings over MQTT', () => {
  it('reach the alarms through the embedded broker, logged in with an integration key', async () => {
    const id = underpasses[1];
    const gateway = track(await connectAsync(embeddedUrl, { username: 'gauges', password: KEY }));
    await gateway.publishAsync(`cityops/v1/readings/underpass/${id}`, JSON.stringify(flooded(T0 - MIN)), { qos: 1 });
    await tickTo(T0 + 2 * MIN + 1000);
    expect(raisedFor(id).map((a) => `${a.state}:${a.severity}`)).toContain('active:critical');
    expect(raisedFor(id)[0].raisedAt).toBeLessThanOrEqual(T0 + MIN);
  });

  it('reach the alarms through mosquitto, read by the server as a client', async () => {
    const id = underpasses[2];
    const sensor = track(await connectAsync(mosquittoUrl));
    const pack = [{ bn: `underpass/${id}/`, bt: clock.now / 1000 - 180, n: 'depth', u: 'cm', v: 40 }, ...[60, 120, 180].map((t) => ({ n: 'depth', t, u: 'm', v: 0.4 }))];
    await sensor.publishAsync('cityops/v1/senml', JSON.stringify(pack), { qos: 1 });
    await expect.poll(() => server.mqtt!.external!.status().entries.accepted, { timeout: 5000 }).toBe(4);
    await tickTo(clock.now + 1000);
    expect(raisedFor(id).map((a) => `${a.state}:${a.severity}`)).toContain('active:critical');
    const counted = (await health()).ingest[server.mqtt!.external!.source];
    expect(counted).toMatchObject({ accepted: 4, duplicates: 0, rejected: 0 });
  });

  it('applies a QoS 1 message sent twice once: the second is a duplicate', async () => {
    const id = underpasses[3];
    const before = (await health()).ingest.gauges;
    const gateway = track(await connectAsync(embeddedUrl, { username: 'gauges', password: KEY }));
    const message = JSON.stringify({ t: clock.now - 5000, v: 3 });
    await gateway.publishAsync(`cityops/v1/readings/underpass/${id}`, message, { qos: 1 });
    // As a gateway would after a lost PUBACK: the same message again, flagged as a redelivery.
    await gateway.publishAsync(`cityops/v1/readings/underpass/${id}`, message, { qos: 1, dup: true });
    const after = (await health()).ingest.gauges;
    expect(after.accepted - before.accepted).toBe(1);
    expect(after.duplicates - before.duplicates).toBe(1);
  });

  it('counts refused keys and topics on the health route', async () => {
    const refused = await new Promise<string>((resolve) => {
      const c = track(connect(embeddedUrl, { username: 'gauges', password: 'wrong-key-wrong-key-wrong-key', reconnectPeriod: 0 }));
      c.on('error', (err) => resolve(err.message));
    });
    expect(refused).toMatch(/Bad username or password/);
    const stray = track(await connectAsync(embeddedUrl, { username: 'gauges', password: KEY, reconnectPeriod: 0 }));
    const closed = new Promise<void>((resolve) => stray.once('close', () => resolve()));
    stray.publish('home/kitchen/temp', '21', { qos: 1 });
    await closed;
    const outsider = track(await connectAsync(mosquittoUrl));
    await outsider.publishAsync('cityops/v1/readings/underpass', JSON.stringify({ t: clock.now, v: 1 }), { qos: 1 });
    await expect.poll(async () => (await health()).mqtt.external.refused.topic, { timeout: 5000 }).toBe(1);
    const { mqtt } = await health();
    expect(mqtt.embedded).toMatchObject({ port: server.mqtt!.embedded!.port, refused: { credentials: 1, topic: 1 } });
    expect(mqtt.embedded.received).toBe(4);
    expect(mqtt.external).toMatchObject({ url: mosquittoUrl, connected: true, received: 2 });
  });
});
