import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMqttBrokers, type MqttBrokersDeps } from '../../../../mock-server/mqtt/mqttBrokers';

const warnings: string[] = [];
const deps = (config: MqttBrokersDeps['config']): MqttBrokersDeps => ({
  config,
  readings: { accept: async () => ({ accepted: 0, duplicates: 0, rejected: [] }) },
  integrationOf: async () => null,
  now: Date.now,
  log: { info: () => undefined, warn: (_: object, msg: string) => warnings.push(msg) },
});

let taken: Server;
let takenPort: number;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = (taken.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe('MQTT brokers as configured', () => {
  it('starts nothing when MQTT is off', async () => {
    const brokers = await startMqttBrokers(deps({ host: '127.0.0.1', mqttPort: null }));
    expect(brokers.status()).toEqual({ embedded: null, external: null });
    await brokers.close();
  });

  it('starts the embedded broker on the port asked for, and refuses to start when that port is taken', async () => {
    const brokers = await startMqttBrokers(deps({ host: '127.0.0.1', mqttPort: 0 }));
    expect(brokers.status().embedded).toMatchObject({ port: brokers.embedded!.port, clients: 0, received: 0 });
    await brokers.close();
    await expect(startMqttBrokers(deps({ host: '127.0.0.1', mqttPort: takenPort }))).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('runs without the broker, with a warning, when demo mode’s default port is taken', async () => {
    const brokers = await startMqttBrokers(deps({ host: '127.0.0.1', mqttPort: takenPort, mqttPortFromDemo: true }));
    expect(brokers.embedded).toBeNull();
    expect(warnings).toEqual([`MQTT port ${takenPort} is in use: the embedded broker is off (set CITYOPS_MQTT_PORT to choose another)`]);
    await brokers.close();
  });
});
