import { connect, connectAsync, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IngestVerdict, ParsedReading } from '../../../../mock-server/ingest/incomingReading';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../../../mock-server/mqtt/embeddedBroker';
import { MqttIngest } from '../../../../mock-server/mqtt/mqttIngest';
import { KeyedBuckets } from '../../../../mock-server/auth/rateLimit';

const NOW = Date.parse('2026-07-15T14:00:00+08:00');
const KEY = 'gauges-integration-key-0123456789';
const reading = (v: number) => JSON.stringify({ t: NOW, v });

/** Keeps each batch; while `hold` is set, answers only when released; fails while `failures` > 0. */
const sink = {
  batches: [] as { batch: readonly ParsedReading[]; source: string }[],
  hold: null as Promise<void> | null,
  failures: 0,
  async accept(batch: readonly ParsedReading[], source: string): Promise<IngestVerdict> {
    if (sink.hold) await sink.hold;
    if (sink.failures > 0) {
      sink.failures--;
      throw new Error('disk full');
    }
    sink.batches.push({ batch, source });
    return { accepted: batch.length, duplicates: 0, rejected: [] };
  },
};

const logged: string[] = [];
const log = { info: (_: object, msg: string) => logged.push(msg), warn: (_: object, msg: string) => logged.push(msg) };
let broker: EmbeddedBroker;
let url: string;
const clients: MqttClient[] = [];
const client = async (username = 'gauges', password = KEY) => {
  const c = await connectAsync(url, { username, password, reconnectPeriod: 0 });
  clients.push(c);
  return c;
};
/** What a connection attempt ends in: connected, or the error it was refused with. */
const attempt = (username: string, password: string) =>
  new Promise<string>((resolve) => {
    const c = connect(url, { username, password, reconnectPeriod: 0 });
    c.on('connect', () => resolve('connected'));
    c.on('error', (err) => resolve(err.message));
    clients.push(c);
  });

beforeAll(async () => {
  const ingest = new MqttIngest({ readings: sink, now: () => NOW });
  broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', ingest, log, integrationOf: async (key) => (key === KEY ? 'gauges' : null) });
  url = `mqtt://127.0.0.1:${broker.port}`;
});

afterEach(() => {
  for (const c of clients.splice(0)) c.end(true);
  sink.batches.length = 0;
  sink.hold = null;
  sink.failures = 0;
});

afterAll(async () => {
  await broker.close();
});

describe('embedded MQTT broker', () => {
  it('lets in an integration by its name and key, and no one else', async () => {
    expect(await attempt('gauges', KEY)).toBe('connected');
    expect(await attempt('gauges', 'not-the-key-not-the-key-000')).toMatch(/Bad username or password/);
    expect(await attempt('someone-else', KEY)).toMatch(/Bad username or password/);
    expect(await attempt('', '')).toMatch(/Bad username or password/);
    expect(broker.status().refused.credentials).toBe(3);
  });

  it('refuses an address past its failed logins before checking its key, and counts it', async () => {
    const ingest = new MqttIngest({ readings: sink, now: () => NOW });
    const limited = await startEmbeddedBroker({
      port: 0,
      host: '127.0.0.1',
      ingest,
      log,
      integrationOf: async (key) => (key === KEY ? 'gauges' : null),
      failedLogins: new KeyedBuckets({ capacity: 3, windowMs: 60_000 }),
    });
    const at = (username: string, password: string) =>
      new Promise<string>((resolve) => {
        const c = connect(`mqtt://127.0.0.1:${limited.port}`, { username, password, reconnectPeriod: 0 });
        c.on('connect', () => resolve('connected'));
        c.on('error', (err) => resolve(err.message));
        clients.push(c);
      });
    try {
      expect(await at('gauges', KEY)).toBe('connected');
      for (let i = 0; i < 3; i++) expect(await at('gauges', `wrong-key-${i}-wrong-key-wrong`)).toMatch(/Bad username or password/);
      // The right key from the same address is refused now too: the guessing is cut off, not helped along.
      expect(await at('gauges', KEY)).toMatch(/Not authorized/);
      expect(limited.status().refused).toMatchObject({ credentials: 3, loginsLimited: 1 });
    } finally {
      for (const c of clients.splice(0)) c.end(true);
      await limited.close();
    }
  });

  it('hands readings to the sink under the integration’s name, and acknowledges a QoS 1 publish only once the sink has kept it', async () => {
    const c = await client();
    let release!: () => void;
    sink.hold = new Promise((resolve) => (release = resolve));
    let acked = false;
    const published = c.publishAsync('cityops/v1/readings/waterGauge/WL-1', reading(2.5), { qos: 1 }).then(() => (acked = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(acked).toBe(false);
    release();
    await published;
    expect(sink.batches).toEqual([{ batch: [{ kind: 'waterGauge', assetId: 'WL-1', tMs: NOW, v: 2.5 }], source: 'gauges' }]);
  });

  it('reads QoS 0 publishes too', async () => {
    const c = await client();
    await c.publishAsync('cityops/v1/senml', JSON.stringify([{ n: 'waterGauge/WL-2/level', v: 1.5, t: -10 }]), { qos: 0 });
    await expect.poll(() => sink.batches.length).toBe(1);
    expect(sink.batches[0].batch).toEqual([{ kind: 'waterGauge', assetId: 'WL-2', measure: 'level', tMs: NOW - 10_000, v: 1.5 }]);
  });

  it('does not acknowledge what the sink failed to keep: the client sends it again and it is kept', async () => {
    const c = await connectAsync(url, { username: 'gauges', password: KEY, reconnectPeriod: 100 });
    clients.push(c);
    sink.failures = 1;
    await c.publishAsync('cityops/v1/readings/waterGauge/WL-3', reading(4), { qos: 1 });
    expect(sink.batches).toEqual([{ batch: [{ kind: 'waterGauge', assetId: 'WL-3', tMs: NOW, v: 4 }], source: 'gauges' }]);
    expect(broker.status().refused.sinkFailed).toBeGreaterThanOrEqual(1);
  });

  it('disconnects a client that publishes outside cityops/v1/, counting it, and acknowledges a bad payload inside it without reading it', async () => {
    const before = broker.status().refused.topic ?? 0;
    const good = await client();
    await good.publishAsync('cityops/v1/readings/waterGauge/WL-1', 'not json', { qos: 1 });
    expect(broker.status().refused.notJson).toBe(1);
    const bad = await client();
    const closed = new Promise<void>((resolve) => bad.once('close', () => resolve()));
    bad.publish('home/kitchen/temp', reading(21), { qos: 1 });
    await closed;
    expect(broker.status().refused.topic).toBe(before + 1);
    expect(sink.batches).toEqual([]);
  });

  it('refuses every subscription in the SUBACK, keeping the connection', async () => {
    const c = await client();
    // mqtt.js turns a SUBACK of 0x80 (failure) into an error.
    await expect(c.subscribeAsync(['cityops/v1/#', '#'])).rejects.toThrow(/Subscribe error/);
    expect(c.connected).toBe(true);
    expect(broker.status()).toMatchObject({ clients: 1, refused: { subscribe: 2 } });
  });
});
