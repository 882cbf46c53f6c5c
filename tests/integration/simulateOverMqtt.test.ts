/**
 * The simulator as a separate process publishing over MQTT (`npm run simulate`), into the real server
 * running with the simulator off and its embedded broker: the readings take the real path (broker,
 * integration key, SenML, ingest gate, pipeline) and a socket client sees the simulated city arrive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeChannel, applyChannel } from '../../src/protocol/channelCodec';
import { unpackChannels } from '../../src/protocol/channelFrame';
import { ConfigSchema, type Config } from '../../mock-server/config';
import { startServer, type RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';

const KEY = { name: 'simulator', key: 'simulator-integration-key-0123456789' };
const SEED = 20260701;

let server: RunningServer;
let simulator: ChildProcess;
let socket: TestSocket;
const output: string[] = [];

beforeAll(async () => {
  const config = { ...ConfigSchema.parse({}), port: 0, host: '127.0.0.1', logLevel: 'silent', seed: SEED, tickMs: 200, demo: true, dataDir: ':memory:', simulator: false, mqttPort: 0, integrationKeys: [KEY] } as Config;
  server = await startServer({ config });
  const port = server.mqtt!.embedded!.port;
  simulator = spawn(process.execPath, ['--import', 'tsx', 'mock-server/simulate/simulateCli.ts', '--mqtt', `mqtt://127.0.0.1:${port}`, '--key', `${KEY.name}:${KEY.key}`, '--seed', String(SEED), '--every', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  simulator.stdout!.on('data', (d) => output.push(String(d)));
  simulator.stderr!.on('data', (d) => output.push(String(d)));
});

afterAll(async () => {
  socket?.close();
  simulator?.kill('SIGTERM');
  await server?.close();
});

describe('npm run simulate into a server with the simulator off', () => {
  it('brings the simulated city in over MQTT: nine in ten rain gauges read within a minute, every reading accepted and counted under the integration', async () => {
    socket = connectClient(server.url);
    const snapshot = await nextEvent(socket, 'readings:snapshot', 30_000);
    const rain = decodeChannel(unpackChannels(snapshot.channels).rain!).values as Float32Array;
    // Silent until the simulator's readings come in.
    expect([...rain].every(Number.isNaN)).toBe(true);
    const finite = () => rain.filter(Number.isFinite).length;
    const deadline = Date.now() + 60_000;
    while (finite() < rain.length * 0.9 && Date.now() < deadline) {
      const delta = await nextEvent(socket, 'readings:delta', 30_000);
      const chunk = delta.channels && unpackChannels(delta.channels).rain;
      if (chunk) applyChannel(rain, chunk);
    }
    expect(finite(), output.join('')).toBeGreaterThan(rain.length * 0.9);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.ingest.simulator.accepted).toBeGreaterThan(1000);
    expect(health.ingest.simulator.rejected).toBe(0);
  }, 90_000);
});
