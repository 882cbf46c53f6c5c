/**
 * `npm run bench -- ingest`: readings from outside into the real server's pipeline, with the wall
 * page open and drawing in Chromium. Per transport (HTTP now; MQTT where a publisher is given), two
 * figures: the sustained rate the server accepts (senders as fast as the answers come back, for a
 * window) and the sensor → screen latency (a probe reading of a distinct value sent every 1.5 s to
 * one asset, timed until a socket client — decoding frames as the wall does — holds that value).
 * The server runs with the simulator off at real time and a 1 s tick, on a SQLite file (durable
 * writes, as in production).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyChannel, decodeChannel } from '../src/protocol/channelCodec';
import { unpackChannels } from '../src/protocol/channelFrame';
import type { WireCatalog } from '../src/protocol/assets';
import { unpackCatalog } from '../src/protocol/catalogPacking';
import type { RunningServer } from '../mock-server/server';
import { launchChromium } from '../tests/support/browser';
import { connectClient, nextEvent } from '../tests/support/socketClient';
import { startTestServer } from '../tests/support/testServer';
import { httpTransport, type SenderConfig, type SenderResult } from './ingestSenders';
import { cpuPercentOfCore, summarize, type Summary } from './stats';

export const INGEST_KEY = { name: 'bench', key: 'bench-ingest-key-0123456789abcdef' };

const CHILD_SCRIPT = fileURLToPath(new URL('./ingestSenders.ts', import.meta.url));

export interface IngestRun {
  transport: string;
  batch: number;
  senders: number;
  windowS: number;
  acceptedPerSecond: number;
  /** Of the server's process (the probe's socket client and the browser's driver included), % of a core. */
  serverCpuPercent: number;
  senderCpuPercent: number;
  latency: Summary;
  probes: { sent: number; seen: number };
}

/** Assets the load is spread over (everything but the probe): kind, id. */
function loadAssets(catalog: WireCatalog, probe: string): { kind: string; id: string }[] {
  const kinds = ['underpass', 'rainGauge', 'waterGauge', 'waterloggingPoint'];
  return catalog.groups.filter((g) => kinds.includes(g.kind)).flatMap((g) => g.ids.filter((id) => id !== probe).map((id) => ({ kind: g.kind, id })));
}

/** Starts the server the runs share: simulator off, real time, a file database, the wall page open. */
export async function startIngestBench(): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cityops-ingest-bench-'));
  const server = await startTestServer({ distDir: 'dist', simulator: false, speed: 1, tickMs: 1000, start: undefined, dataDir, integrationKeys: [INGEST_KEY], mqttPort: 0 });
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

/** One run: a sender process with `senders` loops of `batch` readings for `windowS` seconds, and the latency probe beside them. */
export async function runIngest(server: RunningServer, opts: { transport: SenderConfig['transport']; batch: number; senders: number; windowS: number }): Promise<IngestRun> {
  const probeSocket = connectClient(server.url);
  const firstSnapshot = nextEvent(probeSocket, 'readings:snapshot', 30_000);
  const catalog = unpackCatalog(await nextEvent(probeSocket, 'city:catalog', 30_000));
  const underpasses = catalog.groups.find((g) => g.kind === 'underpass')!;
  const probeId = underpasses.ids[0];
  const depths = new Float32Array(underpasses.ids.length);
  const pending = new Map<number, number>();
  const latencies: number[] = [];
  const snapshot = await firstSnapshot;
  const initial = unpackChannels(snapshot.channels)['underpass.depth'];
  if (initial) depths.set(decodeChannel(initial).values);
  probeSocket.on('readings:delta', (delta) => {
    const chunk = delta.channels && unpackChannels(delta.channels)['underpass.depth'];
    if (!chunk) return;
    applyChannel(depths, chunk);
    const sentAt = pending.get(depths[0]);
    if (sentAt !== undefined) {
      latencies.push(performance.now() - sentAt);
      pending.delete(depths[0]);
    }
  });

  const url = opts.transport === 'http' ? server.url : `mqtt://127.0.0.1:${server.mqtt!.embedded!.port}`;
  const config: SenderConfig = { transport: opts.transport, url, key: INGEST_KEY.key, keyName: INGEST_KEY.name, assets: loadAssets(catalog, probeId), batch: opts.batch, senders: opts.senders, windowS: opts.windowS };
  const child = fork(CHILD_SCRIPT, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], env: { ...process.env, CITYOPS_INGEST_CHILD: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const result = new Promise<SenderResult>((resolve, reject) => {
    child.once('message', (msg) => resolve(msg as SenderResult));
    child.once('exit', (code) => reject(new Error(`sender process exited (${code}) before its result`)));
  });
  const probeSender = httpTransport(server.url, INGEST_KEY.key);
  let probes = 0;
  const probe = setInterval(() => {
    // Whole centimetres 101…199 on the probe underpass: a value nothing else sends, exact on the wire.
    const v = 101 + (probes++ % 99);
    pending.set(v, performance.now());
    void probeSender.send([{ kind: 'underpass', id: probeId, t: Date.now(), v }]);
  }, 1500);
  // Accepted as the server counts it (MQTT carries no verdict back): the gate's count for the key, over the senders' window.
  const acceptedBefore = server.ingest.status()[INGEST_KEY.name]?.accepted ?? 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const senders = await result;
  const acceptedInWindow = (server.ingest.status()[INGEST_KEY.name]?.accepted ?? 0) - acceptedBefore;
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(probe);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  probeSocket.close();
  return {
    transport: opts.transport.toUpperCase(),
    batch: opts.batch,
    senders: opts.senders,
    windowS: opts.windowS,
    acceptedPerSecond: acceptedInWindow / (elapsedMs / 1000),
    serverCpuPercent: cpuPercentOfCore(cpu.user + cpu.system, elapsedMs),
    senderCpuPercent: cpuPercentOfCore(senders.cpuMicros, senders.windowMs),
    latency: summarize(latencies),
    probes: { sent: probes, seen: latencies.length },
  };
}
