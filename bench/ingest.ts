/**
 * `npm run bench -- ingest`: readings from outside into the real server's pipeline, with the wall
 * page open and drawing in Chromium. Per transport (HTTP now; MQTT where a publisher is given), two
 * figures: the sustained rate the server accepts (senders as fast as the answers come back, for a
 * window) and the sensor → screen latency (a probe reading of a distinct value sent every 1.5 s to
 * one asset, timed until a socket client — decoding frames as the wall does — holds that value).
 * The server runs with the simulator off at real time and a 1 s tick, on a SQLite file (durable
 * writes, as in production).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyChannel, decodeChannel } from '../src/protocol/channelCodec';
import { unpackChannels } from '../src/protocol/channelFrame';
import type { WireCatalog } from '../src/protocol/assets';
import type { RunningServer } from '../mock-server/server';
import { launchChromium } from '../tests/support/browser';
import { connectClient, nextEvent } from '../tests/support/socketClient';
import { startTestServer } from '../tests/support/testServer';
import { cpuPercentOfCore, summarize, type Summary } from './stats';

export const INGEST_KEY = { name: 'bench', key: 'bench-ingest-key-0123456789abcdef' };

/** One reading as a transport sends it. */
export interface BenchReading {
  kind: string;
  id: string;
  t: number;
  v: number;
}

/** A way in: sends one batch and resolves with how many the server accepted. */
export interface IngestTransport {
  name: string;
  send(batch: readonly BenchReading[]): Promise<number>;
  close(): Promise<void>;
}

export interface IngestRun {
  transport: string;
  batch: number;
  senders: number;
  windowS: number;
  acceptedPerSecond: number;
  serverCpuPercent: number;
  latency: Summary;
  probes: { sent: number; seen: number };
}

/** HTTP: `POST /api/ingest/readings` with the `{readings: [...]}` shape. */
export function httpTransport(url: string): IngestTransport {
  return {
    name: 'HTTP',
    async send(batch) {
      const res = await fetch(`${url}/api/ingest/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': INGEST_KEY.key },
        body: JSON.stringify({ readings: batch.map((r) => ({ kind: r.kind, id: r.id, t: r.t, v: r.v })) }),
      });
      const verdict = (await res.json()) as { accepted: number };
      return verdict.accepted;
    },
    async close() {},
  };
}

/**
 * A value that moves but raises no alarm (below every default rule's first level): the load measures
 * the way in, not a desk opening thousands of incidents.
 */
function quietValue(kind: string, n: number): number {
  if (kind === 'waterGauge') return 1.5 + (n % 5) * 0.1;
  if (kind === 'rainGauge') return (n % 8) + 0.5;
  return (n % 4) + 0.5;
}

/** Assets the load is spread over (everything but the probe): kind, id. */
function loadAssets(catalog: WireCatalog, probe: string): { kind: string; id: string }[] {
  const kinds = ['underpass', 'rainGauge', 'waterGauge', 'waterloggingPoint'];
  return catalog.groups.filter((g) => kinds.includes(g.kind)).flatMap((g) => g.ids.filter((id) => id !== probe).map((id) => ({ kind: g.kind, id })));
}

/** Starts the server the runs share: simulator off, real time, a file database, the wall page open. */
export async function startIngestBench(): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cityops-ingest-bench-'));
  const server = await startTestServer({ distDir: 'dist', simulator: false, speed: 1, tickMs: 1000, start: undefined, dataDir, integrationKeys: [INGEST_KEY] });
  const browser = await launchChromium({ gpuCompositing: true });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(server.url);
  await page.waitForSelector('[data-map-ready]', { timeout: 120_000 }).catch(() => undefined);
  return {
    server,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One run: `senders` loops sending batches of `batch` readings for `windowS` seconds, and the latency probe beside them. */
export async function runIngest(server: RunningServer, transport: IngestTransport, opts: { batch: number; senders: number; windowS: number }): Promise<IngestRun> {
  const probeSocket = connectClient(server.url);
  const firstSnapshot = nextEvent(probeSocket, 'readings:snapshot', 30_000);
  const catalog = await nextEvent(probeSocket, 'city:catalog', 30_000);
  const underpasses = catalog.groups.find((g) => g.kind === 'underpass')!;
  const probeId = underpasses.ids[0];
  const depths = new Float32Array(underpasses.ids.length);
  const pending = new Map<number, number>();
  const latencies: number[] = [];
  probeSocket.on('readings:snapshot', (snap) => {
    const values = unpackChannels(snap.channels)['underpass.depth'];
    if (values) depths.set(decodeChannel(values).values);
  });
  probeSocket.on('readings:delta', (delta) => {
    if (!delta.channels) return;
    const chunk = unpackChannels(delta.channels)['underpass.depth'];
    if (!chunk) return;
    applyChannel(depths, chunk);
    const sentAt = pending.get(depths[0]);
    if (sentAt !== undefined) {
      latencies.push(performance.now() - sentAt);
      pending.delete(depths[0]);
    }
  });
  const snapshot = await firstSnapshot;
  const chunk = unpackChannels(snapshot.channels)['underpass.depth'];
  if (chunk) depths.set(decodeChannel(chunk).values);

  const assets = loadAssets(catalog, probeId);
  let cursor = 0;
  let accepted = 0;
  let stop = false;
  let clockMs = Date.now() - 60_000;
  const nextBatch = (): BenchReading[] =>
    Array.from({ length: opts.batch }, () => {
      const a = assets[cursor++ % assets.length];
      // Each asset's readings a millisecond apart, close to now: new readings, never duplicates.
      if (cursor % assets.length === 0) clockMs = Math.max(clockMs + 1, Date.now() - 60_000);
      return { kind: a.kind, id: a.id, t: clockMs, v: quietValue(a.kind, cursor) };
    });
  const sender = async () => {
    while (!stop) accepted += await transport.send(nextBatch());
  };
  let probes = 0;
  const probe = setInterval(() => {
    // Whole centimetres 101…199 on the probe underpass: a value nothing else sends, exact on the wire.
    const v = 101 + (probes++ % 99);
    pending.set(v, performance.now());
    void httpTransport(server.url).send([{ kind: 'underpass', id: probeId, t: Date.now(), v }]);
  }, 1500);

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loops = Array.from({ length: opts.senders }, sender);
  await new Promise((resolve) => setTimeout(resolve, opts.windowS * 1000));
  stop = true;
  clearInterval(probe);
  const acceptedInWindow = accepted;
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await Promise.all(loops);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  probeSocket.close();
  return {
    transport: transport.name,
    batch: opts.batch,
    senders: opts.senders,
    windowS: opts.windowS,
    acceptedPerSecond: acceptedInWindow / (elapsedMs / 1000),
    // The senders run in this process too: this is server + senders, an upper bound on the server's share.
    serverCpuPercent: cpuPercentOfCore(cpu.user + cpu.system, elapsedMs),
    latency: summarize(latencies.sort((a, b) => a - b)),
    probes: { sent: probes, seen: latencies.length },
  };
}
