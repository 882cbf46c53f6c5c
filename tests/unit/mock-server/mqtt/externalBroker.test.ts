import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestVerdict, ParsedReading } from '../../../../mock-server/ingest/incomingReading';
import { brokerAddress, connectExternalBroker, type ExternalBroker } from '../../../../mock-server/mqtt/externalBroker';
import { MqttIngest } from '../../../../mock-server/mqtt/mqttIngest';

const NOW = Date.parse('2026-07-15T14:00:00+08:00');
const batches: { batch: readonly ParsedReading[]; source: string }[] = [];
let failures = 0;
const sink = {
  async accept(batch: readonly ParsedReading[], source: string): Promise<IngestVerdict> {
    if (failures > 0) {
      failures--;
      throw new Error('disk full');
    }
    batches.push({ batch, source });
    return { accepted: batch.length, duplicates: 0, rejected: [] };
  },
};
const log = { info: () => undefined, warn: () => undefined };

// A plain broker standing in for a city's mosquitto (tests/integration/mqttIngest.test.ts uses the real one).
let aedes: Aedes;
let server: Server;
let url: string;
let external: ExternalBroker;

beforeAll(async () => {
  aedes = await Aedes.createBroker();
  server = createServer((socket) => aedes.handle(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `mqtt://127.0.0.1:${(server.address() as { port: number }).port}`;
  const subscribed = new Promise((resolve) => aedes.once('subscribe', resolve));
  external = connectExternalBroker({ url, ingest: new MqttIngest({ readings: sink, now: () => NOW }), log, clientId: 'cityops-test' });
  await subscribed;
});

afterAll(async () => {
  await external.close();
  await new Promise<void>((resolve) => aedes.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('external MQTT broker', () => {
  it('names the broker by its address, never its credentials', () => {
    expect(brokerAddress('mqtt://ingest:s3cret@broker.city.example:1883/x')).toBe('mqtt://broker.city.example:1883');
  });

  it('reads what is published under cityops/v1/, counted under the broker’s address', async () => {
    const publisher = await connectAsync(url);
    await publisher.publishAsync('cityops/v1/readings/underpass/UP-1', JSON.stringify({ t: NOW, v: 12 }), { qos: 1 });
    await publisher.publishAsync('cityops/v1/nonsense', '{}', { qos: 1 });
    await expect.poll(() => external.status().received).toBe(2);
    expect(batches).toEqual([{ batch: [{ kind: 'underpass', assetId: 'UP-1', tMs: NOW, v: 12 }], source: brokerAddress(url) }]);
    expect(external.status()).toMatchObject({ url, connected: true, subscribed: true, refused: { topic: 1 }, entries: { accepted: 1 } });
    await publisher.endAsync();
  });

  it('leaves a message the sink failed to keep unacknowledged and reconnects, so the broker sends it again', async () => {
    batches.length = 0;
    failures = 1;
    const publisher = await connectAsync(url);
    await publisher.publishAsync('cityops/v1/readings/underpass/UP-2', JSON.stringify({ t: NOW, v: 30 }), { qos: 1 });
    await expect.poll(() => batches.length, { timeout: 10_000 }).toBe(1);
    expect(batches[0].batch).toEqual([{ kind: 'underpass', assetId: 'UP-2', tMs: NOW, v: 30 }]);
    expect(external.status().refused.sinkFailed).toBe(1);
    await publisher.endAsync();
  });
});
