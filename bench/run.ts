/**
 * `npm run bench [-- section…]`: sections `server` (cost per simulation tick and delta bytes per
 * second at the full Shanghai counts), `fanout` (the real server feeding 1 wall + 100 / 500 sockets
 * in separate client processes), `bundle` (gzip size per chunk after `vite build` against
 * bench/bundle-budget.json) and `browser` (the wall page against plain maplibre and deck.gl baseline
 * pages at the `shanghai` and `stress` scale profiles: main-thread time per update, long animation
 * frames, heap, emit → drawn latency, frame intervals, and the ratios between the pages), `ingest`
 * (readings from outside per second over HTTP and MQTT, and sensor → screen latency; bench/ingest.ts)
 * and `soak` (an hour of the wall, asked for by name). No argument: all but the soak. Figures, not pass/fail: compare runs on the same machine, and ratios
 * within one run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isChartChunk } from './bundleAnalysis';
import { cpus } from 'node:os';
import { buildBaselinePages } from './baselines/serveBaselines';
import { formatComparison } from './browserReport';
import { z } from 'zod';
import { SCALE_NAMES, type ScaleName } from '../mock-server/city/scaleProfiles';
import { comparePages, type PageId } from './browserUpdate';
import { measureBundle } from './bundle';
import { CLIENT_CPU_LIMIT_PERCENT, runFanOutSection, SUBSCRIBED_CHANNELS, type ServerWindow } from './fanOut';
import { measureServerTick } from './serverTick';
import { runSoak } from './soak';
import { runIngest, startIngestBench } from './ingest';
import { fmt, table } from './stats';
import { launchChromium } from '../tests/support/browser';
import { startTestServer } from '../tests/support/testServer';

const SECTIONS = ['server', 'fanout', 'bundle', 'browser', 'soak', 'ingest'] as const;
type Section = (typeof SECTIONS)[number];
/** What `npm run bench` runs with no section named: the soak takes an hour and runs only when asked. */
const DEFAULT_SECTIONS: readonly Section[] = ['server', 'fanout', 'bundle', 'browser', 'ingest'];

function serverSection() {
  console.log('Server: simulator + rules + feed per 1 s tick, in-process (shanghai: the brief\'s counts; stress: ~50,000 road segments + 240,000 elevators)');
  const server = [
    measureServerTick('showers', 1, 120),
    measureServerTick('storm', 1, 120),
    measureServerTick('storm', 60, 60),
    measureServerTick('storm', 1, 60, 'stress'),
    measureServerTick('storm', 60, 30, 'stress'),
  ];
  console.log(
    table(
      ['scale', 'scenario', 'road segments', 'elevators', 'speed', 'tick p50 ms', 'p95 ms', 'max ms', 'CPU % of a core', 'delta B/s', 'events/s', 'snapshot B', 'busiest channel'],
      server.map((r) => [r.scale, r.scenario, r.roadSegments, r.elevators, `×${r.speed}`, fmt(r.tickMsP50), fmt(r.tickMsP95), fmt(r.tickMsMax), fmt(r.cpuPercentOfCore, 1), Math.round(r.deltaBytesPerSecond), fmt(r.eventsPerSecond, 1), r.snapshotBytes, r.busiestChannel]),
    ),
  );
}

async function fanOutSection() {
  const serverRow = (label: string, s: ServerWindow) => [label, fmt(s.cpuPercentOfCore, 1), fmt(s.eventLoopUtilization * 100, 1), fmt(s.eventLoopDelayP99Ms, 1), fmt(s.publish.p50), fmt(s.publish.p95), fmt(s.publish.max), s.ticks, fmt(s.rssMb, 0)];
  const plans = [
    { scale: 'shanghai' as const, speed: 60, sizes: [100, 500] },
    // The stress city at real-time speed (what a wall shows), with the officers' consoles.
    { scale: 'stress' as const, speed: 1, sizes: [100] },
  ];
  for (const plan of plans) {
    console.log(`${plan.scale === 'shanghai' ? '' : '\n'}Server fan-out: real server in this process (${plan.scale}, storm, ×${plan.speed}, 1 Hz); 1 wall + N consoles over 2 client processes,`);
    console.log(`websocket only; half the consoles subscribe to ${SUBSCRIBED_CHANNELS.join(', ')}. 5 s warm-up, 20 s window.`);
    const { idle, runs } = await runFanOutSection(plan.sizes, { scale: plan.scale, speed: plan.speed });
    console.log('\nServer process');
    console.log(
      table(
        ['clients', 'CPU % of a core', 'ELU %', 'loop delay p99 ms', 'publish p50 ms', 'p95 ms', 'max ms', 'ticks', 'RSS MB'],
        [serverRow('none (simulator only)', idle), ...runs.map((r) => serverRow(`1 wall + ${r.consoles}`, r.server))],
      ),
    );
    console.log('\nClients (latency = receive − sentAt, every frame of every client in the window)');
    console.log(
      table(
        ['clients', 'connected', 'frames', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'wall B/s', 'console B/s', 'subscribed B/s', 'max frame B', 'gaps/resyncs/catch-ups/snapshots', 'client CPU % per process', 'verdict'],
        runs.map((r) => [
          `1 wall + ${r.consoles}`,
          `${r.connected}/${r.expected}`,
          r.latency.count,
          fmt(r.latency.p50, 1),
          fmt(r.latency.p95, 1),
          fmt(r.latency.p99, 1),
          fmt(r.latency.max, 1),
          Math.round(r.bytesPerSecond.wall),
          Math.round(r.bytesPerSecond.console),
          Math.round(r.bytesPerSecond['console-sub']),
          r.maxFrameBytes,
          `${r.gaps}/${r.resyncs}/${r.catchUps}/${r.serverSnapshots}`,
          r.clientCpuPercent.map((p) => fmt(p, 0)).join(' / '),
          r.clientBound ? `REJECT: a client process > ${CLIENT_CPU_LIMIT_PERCENT}% of a core` : r.connected < r.expected || r.decodeErrors || r.disconnects ? `FLAG: ${r.expected - r.connected} not connected, ${r.decodeErrors} decode errors, ${r.disconnects} disconnects` : 'ok',
        ]),
      ),
    );
  }
}

function bundleSection() {
  console.log('Bundle: gzip size per chunk of dist/ (after `vite build`) vs bench/bundle-budget.json');
  if (!existsSync('dist/index.html')) {
    console.log('skipped (run `npm run build` first)');
    return;
  }
  const report = measureBundle('dist', 'bench/bundle-budget.json');
  console.log(
    table(
      ['chunk', 'load', 'kind', 'raw KB', 'gzip KB', 'app gzip KB'],
      report.chunks.map((c) => [c.file, c.initial ? 'initial' : 'lazy', c.kind, fmt(c.rawBytes / 1024, 1), fmt(c.gzipBytes / 1024, 1), c.type === 'css' ? '' : fmt(c.appGzipBytes / 1024, 1)]),
    ),
  );
  console.log('');
  console.log(table(['budget', 'gzip KB', 'limit KB', ''], report.lines.map((l) => [l.name, fmt(l.gzipBytes / 1024, 1), l.limitKb === null ? '—' : String(l.limitKb), l.limitKb === null ? '' : l.ok ? 'OK' : 'OVER'])));
  for (const note of report.notes) console.log(`note: ${note}`);
}

/**
 * Browser section: 2 profiles × 2 viewports × 3 pages × ROUNDS page loads. At stress counts software
 * WebGL takes 15–40 s to put a page's first state on screen, so loads alone are ~6 minutes of the
 * ~15 here; the windows are kept short for that. Options narrow it for a quick look, e.g.
 * `npm run bench -- browser --scales=stress --viewports=1920x1080 --pages=ours --rounds=1 --window=30`.
 */
const BROWSER_DEFAULTS = {
  scales: ['shanghai', 'stress'] as ScaleName[],
  viewports: [
    [1920, 1080],
    [3840, 2160],
  ] as [number, number][],
  pages: ['ours', 'maplibre', 'deck'] as PageId[],
  rounds: 2,
  timing: { warmUpS: 5, windowS: 10, frameWindowS: 3 },
  /**
   * GPU compositing, as a wall with a graphics card composes its page: the WebGL canvases go to the
   * compositor in the GPU process (SwiftShader here). With `software`, Chromium's software
   * compositor reads every WebGL frame back on the page's main thread (a synchronous ReadPixels
   * that waits for the rasteriser), so rasterisation time shows up as the page's long tasks.
   */
  compositing: 'gpu' as 'gpu' | 'software',
  /** The soak section: how long, and how many minutes of it are warm-up (left out of the slope). */
  soakMinutes: 60,
  soakWarmUpMinutes: 5,
};

type BrowserOptions = typeof BROWSER_DEFAULTS;

/** `--name=value` options of the browser section. */
export function browserOptions(args: readonly string[]): BrowserOptions {
  const o = structuredClone(BROWSER_DEFAULTS);
  for (const arg of args) {
    const [, name, value] = /^--([a-z]+)=(.+)$/.exec(arg) ?? [];
    const list = () => value.split(',');
    if (name === 'scales') o.scales = list().map((s) => z.enum(SCALE_NAMES).parse(s));
    else if (name === 'viewports') o.viewports = list().map((v) => v.split('x').map(Number) as [number, number]);
    else if (name === 'pages') o.pages = list().map((p) => z.enum(['ours', 'maplibre', 'deck']).parse(p));
    else if (name === 'rounds') o.rounds = z.coerce.number().int().min(1).parse(value);
    else if (name === 'window') o.timing.windowS = z.coerce.number().positive().parse(value);
    else if (name === 'compositing') o.compositing = z.enum(['gpu', 'software']).parse(value);
    else if (name === 'minutes') o.soakMinutes = z.coerce.number().int().min(2).parse(value);
    else if (name === 'warmup') o.soakWarmUpMinutes = z.coerce.number().int().min(0).parse(value);
    else throw new Error(`unknown browser option ${arg}; known: --scales= --viewports= --pages= --rounds= --window= --compositing= --minutes= --warmup=`);
  }
  if (o.viewports.some(([w, h]) => !(w > 0 && h > 0))) throw new Error('--viewports takes WIDTHxHEIGHT[,WIDTHxHEIGHT]');
  return o;
}

/**
 * Simulated speed per scale: the Shanghai city ×60 so a 10 s window sees a storm's worth of change;
 * the stress city in real time, as a wall shows it — at ×60 every elevator changes state every tick
 * (trips last ~40 s), a full-frame delta each second that no real feed sends.
 */
const BROWSER_SPEED = { shanghai: 60, stress: 1 } as const;

async function browserSection(o: BrowserOptions) {
  if (!existsSync('dist/index.html')) {
    console.log('Browser: skipped (run `npm run build` first)');
    return;
  }
  const t = o.timing;
  console.log(`Browser: the wall page vs a plain maplibre GeoJSON page and a plain deck.gl binary-attribute page, fed by the same`);
  console.log(`server (storm, 1 Hz; shanghai ×${BROWSER_SPEED.shanghai}, stress ×${BROWSER_SPEED.stress}); Debian Chromium, software WebGL (SwiftShader), ${o.compositing} compositing. Pages alternate in one browser, fresh context each,`);
  console.log(`${o.rounds} round(s), ${t.warmUpS} s warm-up after the first live state is drawn, ${t.windowS} s window, then ${t.frameWindowS} s of`);
  console.log('requestAnimationFrame intervals. update ms = the page\'s own `cityops:*` measures per update (ours: decode + layers + setProps;');
  console.log('baselines: socket handler to setData/setProps return, plus the microtasks it queued); script/task = CDP deltas.');
  console.log('The wall draws what it draws in production (e.g. at city zoom only the elevators needing someone); the baselines draw every asset.');
  const baselineDir = await buildBaselinePages();
  // The chart library's chunks, by their source maps: its render frames are the charts' cost.
  const chartChunks = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && existsSync(`dist/assets/${f}.map`) && isChartChunk((JSON.parse(readFileSync(`dist/assets/${f}.map`, 'utf8')) as { sources: string[] }).sources));
  const browser = await launchChromium({ gpuCompositing: o.compositing === 'gpu' });
  try {
    for (const scale of o.scales) {
      const live = await startTestServer({ distDir: 'dist', scenario: 'storm', speed: BROWSER_SPEED[scale], tickMs: 1000, scale });
      try {
        for (const [w, h] of o.viewports) {
          const runs = await comparePages(browser, live, w, h, o.rounds, t, baselineDir, o.pages, chartChunks);
          console.log(`\n${formatComparison(`${scale} — ${w}×${h}`, runs)}`);
        }
      } finally {
        await live.close();
      }
    }
  } finally {
    await browser.close();
  }
}

/** Readings from outside: sustained accepted readings per second per transport, and sensor → screen latency. */
async function ingestSection() {
  if (!existsSync('dist/index.html')) {
    console.log('Ingest: skipped (run `npm run build` first)');
    return;
  }
  console.log('Ingest: readings into the real server (simulator off, real time, 1 s tick, SQLite file) with the wall page open in');
  console.log('Chromium. Senders in a process of their own send batches as fast as the answers come; a probe sends a distinct depth to one');
  console.log('underpass every 1.5 s and a socket client decoding frames as the wall does times it until it holds that value.');
  const bench = await startIngestBench();
  const rows: (string | number)[][] = [];
  try {
    for (const plan of [
      { transport: 'http' as const, batch: 500, senders: 4, windowS: 15 },
      { transport: 'http' as const, batch: 2000, senders: 8, windowS: 15 },
      { transport: 'mqtt' as const, batch: 500, senders: 4, windowS: 15 },
    ]) {
      const r = await runIngest(bench.server, plan);
      rows.push([r.transport, r.batch, r.senders, Math.round(r.acceptedPerSecond), fmt(r.serverCpuPercent, 0), fmt(r.senderCpuPercent, 0), fmt(r.latency.p50, 0), fmt(r.latency.p95, 0), fmt(r.latency.max, 0), `${r.probes.seen}/${r.probes.sent}`]);
    }
  } finally {
    await bench.close();
  }
  console.log(table(['transport', 'batch', 'senders', 'accepted/s', 'server CPU % of a core', 'senders CPU %', 'latency p50 ms', 'p95 ms', 'max ms', 'probes seen'], rows));
  console.log('Targets: ≥ 20,000 readings/s; sensor → screen p95 ≤ 1,500 ms at a 1 s tick.');
}

async function soakSection(o: BrowserOptions) {
  if (!existsSync('dist/index.html')) {
    console.log('Soak: skipped (run `npm run build` first)');
    return;
  }
  const scale = o.scales[0];
  console.log(`Soak: the wall page (1920×1080, GPU compositing) on the ${scale} city (storm, ×${BROWSER_SPEED[scale]}) for ${o.soakMinutes} min; page JS heap after a forced GC`);
  console.log(`and server RSS / heap / off-heap buffers once a minute; growth per hour = least-squares slope after ${o.soakWarmUpMinutes} min of warm-up.`);
  const result = await runSoak({
    minutes: o.soakMinutes,
    warmUpMinutes: o.soakWarmUpMinutes,
    scale,
    onSample: (s) => console.log(`  minute ${String(s.minute).padStart(3)}: page heap ${fmt(s.pageHeapMb, 2)} MB, server RSS ${fmt(s.serverRssMb, 1)} MB, server heap ${fmt(s.serverHeapMb, 1)} MB, off-heap ${fmt(s.serverExternalMb, 1)} MB`),
  });
  console.log(
    table(
      ['series', 'first MB', 'last MB', 'growth MB/hour (after warm-up)'],
      [
        ['wall page JS heap after GC', fmt(result.samples[0].pageHeapMb, 2), fmt(result.samples.at(-1)!.pageHeapMb, 2), fmt(result.pageHeapMbPerHour, 2)],
        ['server RSS', fmt(result.samples[0].serverRssMb, 1), fmt(result.samples.at(-1)!.serverRssMb, 1), fmt(result.serverRssMbPerHour, 2)],
        ['server JS heap', fmt(result.samples[0].serverHeapMb, 1), fmt(result.samples.at(-1)!.serverHeapMb, 1), fmt(result.serverHeapMbPerHour, 2)],
        ['server off-heap buffers', fmt(result.samples[0].serverExternalMb, 1), fmt(result.samples.at(-1)!.serverExternalMb, 1), fmt(result.serverExternalMbPerHour, 2)],
      ],
    ),
  );
  console.log(`live versions drawn during the soak: ${result.updatesSeen}`);
}

async function main() {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const options = browserOptions(process.argv.slice(2).filter((a) => a.startsWith('--')));
  const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`unknown bench section ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  const run: Section[] = asked.length ? SECTIONS.filter((s) => asked.includes(s)) : [...DEFAULT_SECTIONS];
  console.log(`CityOps bench — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} — Node ${process.version} — sections: ${run.join(', ')}\n`);
  let n = 0;
  const heading = () => process.stdout.write(`${n++ ? '\n' : ''}${n}. `);
  for (const section of run) {
    heading();
    if (section === 'server') serverSection();
    else if (section === 'fanout') await fanOutSection();
    else if (section === 'bundle') bundleSection();
    else if (section === 'browser') await browserSection(options);
    else if (section === 'ingest') await ingestSection();
    else await soakSection(options);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
