/**
 * The sending side of the ingest bench (bench/ingest.ts forks this), in a process of its own so the
 * server's CPU is the server's: `senders` loops each send a batch of readings and wait for the answer,
 * for a window, over the transport named. Reports how many the server accepted and its own CPU.
 *
 * Parent → child: argv[2] is the SenderConfig as JSON. Child → parent: {type: 'result', ...}.
 */
import { connectAsync } from 'mqtt';

/** One reading as a transport sends it. */
export interface BenchReading {
  kind: string;
  id: string;
  t: number;
  v: number;
}

/** A way in: sends one batch and resolves with how many the server accepted. */
export interface IngestTransport {
  send(batch: readonly BenchReading[]): Promise<number>;
  close(): Promise<void>;
}

export interface SenderConfig {
  transport: 'http' | 'mqtt';
  /** The server (HTTP) or its embedded broker (mqtt://…). */
  url: string;
  key: string;
  /** The integration's name (MQTT's username). */
  keyName: string;
  assets: { kind: string; id: string }[];
  batch: number;
  senders: number;
  windowS: number;
}

export interface SenderResult {
  type: 'result';
  accepted: number;
  sent: number;
  windowMs: number;
  cpuMicros: number;
}

/** HTTP: `POST /api/ingest/readings` with the `{readings: [...]}` shape. */
export function httpTransport(url: string, key: string): IngestTransport {
  return {
    async send(batch) {
      const res = await fetch(`${url}/api/ingest/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ readings: batch }),
      });
      return ((await res.json()) as { accepted: number }).accepted;
    },
    async close() {},
  };
}

/**
 * MQTT: one SenML pack per batch on `cityops/v1/senml` at QoS 1, the key as username/password. The
 * broker acknowledges a QoS 1 publish once the server has kept its readings; MQTT carries no verdict,
 * so the batch counts as sent and the accepted figure comes from the server's own counts.
 */
export async function mqttTransport(url: string, key: { name: string; key: string }): Promise<IngestTransport> {
  const client = await connectAsync(url, { username: key.name, password: key.key, reconnectPeriod: 0 });
  return {
    async send(batch) {
      const pack = batch.map((r, i) => ({ ...(i === 0 && { bt: 0 }), n: `${r.kind}/${r.id}`, t: r.t / 1000, v: r.v }));
      await client.publishAsync('cityops/v1/senml', JSON.stringify(pack), { qos: 1 });
      return batch.length;
    },
    close: () => client.endAsync(),
  };
}

/**
 * A value that moves but raises no alarm (below every default rule's first level): the load measures
 * the way in, not a desk opening thousands of incidents.
 */
export function quietValue(kind: string, n: number): number {
  if (kind === 'waterGauge') return 1.5 + (n % 5) * 0.1;
  if (kind === 'rainGauge') return (n % 8) + 0.5;
  return (n % 4) + 0.5;
}

async function run(config: SenderConfig): Promise<SenderResult> {
  const transport = config.transport === 'http' ? httpTransport(config.url, config.key) : await mqttTransport(config.url, { name: config.keyName, key: config.key });
  const { assets } = config;
  let cursor = 0;
  let clockMs = Date.now() - 60_000;
  // Each asset's readings a millisecond apart and a minute behind now: new readings, never duplicates, never late.
  const nextBatch = (): BenchReading[] =>
    Array.from({ length: config.batch }, () => {
      const a = assets[cursor++ % assets.length];
      if (cursor % assets.length === 0) clockMs = Math.max(clockMs + 1, Date.now() - 60_000);
      return { kind: a.kind, id: a.id, t: clockMs, v: quietValue(a.kind, cursor) };
    });
  let accepted = 0;
  let sent = 0;
  let stop = false;
  const loop = async () => {
    while (!stop) {
      const batch = nextBatch();
      accepted += await transport.send(batch);
      sent += batch.length;
    }
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loops = Array.from({ length: config.senders }, loop);
  await new Promise((resolve) => setTimeout(resolve, config.windowS * 1000));
  stop = true;
  const result = { accepted, sent, windowMs: performance.now() - t0 };
  const cpu = process.cpuUsage(cpu0);
  await Promise.all(loops);
  await transport.close();
  return { type: 'result', ...result, cpuMicros: cpu.user + cpu.system };
}

// Only when forked by bench/ingest.ts (which sets this), never when merely imported.
if (process.env.CITYOPS_INGEST_CHILD === '1' && process.send) {
  void run(JSON.parse(process.argv[2] ?? '{}') as SenderConfig).then((result) => process.send!(result, () => process.exit(0)));
}
