/**
 * Browser main-thread cost of the 1 Hz live feed in Debian Chromium (software WebGL), for the wall
 * page and two baseline pages fed by the same server (bench/baselines): per-update `cityops:*`
 * measures (src/shared/benchTiming.ts), CDP script and task time per second, long animation frames
 * with script attribution, JS heap after GC, emit → drawn latency per `seq`, and frame intervals.
 * Pages alternate in one browser, a fresh context per round, so ratios between them survive the noise
 * of a shared machine.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { RunningServer } from '../mock-server/server';
import { LATENCY_LOG_KEY, type FrameLatency } from '../src/shared/benchTiming';
import { BASELINE_PAGES, routeBaselinePages } from './baselines/serveBaselines';
import { deckLayerUpdates, intervals, isAppScript, summarizeLoafs, updateTotals, type LoafEntry, type LoafSummary, type Measure } from './browserMetrics';
import { mergeCalls, mergeTasks, NO_CALLS, NO_TASKS, summarizeCalls, summarizeTasks, type CallSummary, type TaskSummary, type TraceEvent } from './browserTrace';

/** The renderer these figures are meaningful for; anything else (a silent fallback) fails the run. */
export const EXPECTED_RENDERER = /SwiftShader|llvmpipe|softpipe|software/i;

export type PageId = 'ours' | 'maplibre' | 'deck';

interface PageSpec {
  id: PageId;
  path: string;
  /** Present once the first live state is on screen. */
  readySelector: string;
  /** Present once the page has settled after that (ours: the map's first `idle`), where it differs. */
  settledSelector?: string;
  /** Where the page's own bundle is served from (LoAF attribution). */
  bundlePaths: string[];
}

export const PAGES: Record<PageId, PageSpec> = {
  // The alarm spotlight keeps its popups but holds the camera (`spotlight=0`): in a storm a new critical alarm every few seconds
  // would jump the map and re-render the basemap, and the window is meant for the live feed in steady state.
  // First live state: deck.gl has drawn live data over a basemap whose style and sources are loaded
  // and drawn (`data-first-live`); the map's first `idle` (`data-map-ready`, what this column showed
  // before 2026-12-03) also waits for label fades and any later repaint, and is reported beside it.
  ours: {
    id: 'ours',
    path: '/?bench=1&motion=0&spotlight=0',
    readySelector: '[data-testid="city-map"][data-first-live="true"]',
    settledSelector: '[data-testid="city-map"][data-map-ready="true"]',
    bundlePaths: ['/assets/'],
  },
  maplibre: { id: 'maplibre', path: `${BASELINE_PAGES.maplibre}?bench=1`, readySelector: '#map[data-bench-ready="true"]', bundlePaths: ['/bench-baseline/'] },
  deck: { id: 'deck', path: `${BASELINE_PAGES.deck}?bench=1`, readySelector: '#map[data-bench-ready="true"]', bundlePaths: ['/bench-baseline/'] },
};

export interface PageTiming {
  warmUpS: number;
  /** Updates, CDP metrics, long frames, latency. */
  windowS: number;
  /** Animation-frame intervals, right after the main window. */
  frameWindowS: number;
}

export interface PageRun {
  page: PageId;
  renderer: string;
  /** The window's `cityops:*` measures (name without the prefix, page ms). */
  measures: Measure[];
  /** Main-thread ms of each update in the window (outermost measures per update). */
  updateMs: number[];
  scriptMsPerS: number;
  taskMsPerS: number;
  /** CDP script time in the window divided by the updates in it: all the page's JS per update. */
  scriptMsPerUpdate: number;
  /** Long animation frames ≥ 50 ms in the window: whose scripts ran, and which invokers took the time. */
  loaf: LoafSummary;
  longTasks: number;
  /** Main-thread tasks in the window from a trace: long by the thread's own CPU time, and by wall time. */
  tasks: TaskSummary;
  /** The charts' own render frames in the window (calls into the chart library's chunks). */
  charts: CallSummary;
  /** Seconds the window lasted (CDP clock). */
  windowS: number;
  heapMbStart: number;
  heapMbEnd: number;
  /** Frames received in the window (drawn or not). */
  latency: FrameLatency[];
  frameIntervals: number[];
  /** Seconds from navigation to the first live state on screen. */
  readyS: number;
  /** Seconds from navigation to the page's settled state (`settledSelector`), where it has one. */
  settledS: number | null;
  /** Per update in the window: layers deck.gl updated (sublayers included), and the most it held. */
  deckLayers: { updated: number[]; held: number };
}

/**
 * Installed before any page script: long animation frames and long tasks ≥ 50 ms with script
 * attribution, and, once `startFrames` is called, every animation frame's timestamp. The frame loop
 * runs only in its own short window after the main one: a page kept rendering at 60 fps costs main
 * thread time that would otherwise be charged to the updates. A string, so no bundler helper leaks in.
 */
const probeScript = (selectors: readonly string[]) => `(() => {
  const probe = { loaf: [], longTasks: 0, frames: [], seen: {} };
  // When each selector first matched (page ms): the page's own clock, not the driver's polling.
  const selectors = ${JSON.stringify(selectors)};
  const look = () => {
    for (const s of selectors) if (probe.seen[s] === undefined && document.querySelector(s)) probe.seen[s] = performance.now();
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
  probe.startFrames = () => {
    const frame = (t) => {
      if (probe.frames.length < 20000) probe.frames.push(t);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  window.__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < 50 || probe.loaf.length >= 2000) continue;
      probe.loaf.push({ duration: e.duration, blockingDuration: e.blockingDuration || 0, scripts: (e.scripts || []).map((s) => ({ sourceURL: s.sourceURL || '', invoker: s.invoker || '', duration: s.duration })) });
    }
  }).observe({ type: 'long-animation-frame', buffered: false });
  new PerformanceObserver((list) => { probe.longTasks += list.getEntries().filter((e) => e.duration >= 50).length; }).observe({ type: 'longtask', buffered: false });
})();`;

interface ProbeReadout {
  measures: Measure[];
  loaf: LoafEntry[];
  longTasks: number;
  latency: FrameLatency[];
}

/** Task events with the thread's CPU time (`tdur`), and the script calls inside them. */
const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline'];
/** Seconds per traced piece of a window. */
const TRACE_PIECE_S = 30;

async function cdpMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function heapAfterGcMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdpMetrics(cdp)).JSHeapUsedSize / 2 ** 20;
}

async function webglRenderer(page: Page): Promise<string> {
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  });
  if (!EXPECTED_RENDERER.test(renderer)) throw new Error(`WebGL renderer "${renderer}" is not the expected software backend (${EXPECTED_RENDERER}): figures would not compare with other runs`);
  return renderer;
}

/** One page, one round: load, wait until live data is drawn, warm up, then measure one window. */
export async function measurePage(browser: Browser, server: RunningServer, spec: PageSpec, width: number, height: number, timing: PageTiming, baselineDir: string, chartChunks: readonly string[] = []): Promise<PageRun> {
  // A routed page has no address, so Chromium counts it as public and blocks its socket to loopback
  // (Local Network Access) unless granted; every page gets the same grant.
  const context = await browser.newContext({ viewport: { width, height }, permissions: ['local-network-access'] });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript([spec.readySelector, ...(spec.settledSelector ? [spec.settledSelector] : [])]) });
    if (spec.id !== 'ours') await routeBaselinePages(page, baselineDir);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}${spec.path}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(spec.readySelector, { timeout: 180_000 }).catch((err: Error) => {
      throw new Error(`${spec.id} page never became ready${errors.length ? ` (page errors: ${errors.slice(0, 3).join('; ')})` : ''}: ${err.message}`);
    });
    const seenS = async (selector: string) => (await page.evaluate((s) => (window as unknown as { __benchProbe: { seen: Record<string, number> } }).__benchProbe.seen[s] ?? performance.now(), selector)) / 1000;
    const readyS = await seenS(spec.readySelector);
    let settledS: number | null = null;
    if (spec.settledSelector) {
      await page.waitForSelector(spec.settledSelector, { timeout: 180_000 });
      settledS = await seenS(spec.settledSelector);
    }
    // First layer builds, worker parses and shader compiles are not steady state.
    await page.waitForTimeout(timing.warmUpS * 1000);
    const renderer = await webglRenderer(page);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMbStart = await heapAfterGcMb(cdp);
    await page.evaluate((key) => {
      const w = window as unknown as Record<string, unknown> & { __benchProbe: { loaf: unknown[]; longTasks: number } };
      performance.clearMeasures();
      w.__benchProbe.loaf.length = 0;
      w.__benchProbe.longTasks = 0;
      (w[key] as unknown[] | undefined)?.splice(0);
    }, LATENCY_LOG_KEY);
    const isApp = (url: string) => isAppScript(url, server.url, spec.bundlePaths);
    const isChart = (url: string) => chartChunks.some((file) => url.endsWith(`/${file}`));
    let tasks = NO_TASKS;
    let charts = NO_CALLS;
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const m0 = await cdpMetrics(cdp);
    // A long window is traced in pieces (a trace of minutes would not fit in one string); the next
    // piece starts before the last is read, so the page is hardly ever untraced.
    for (let left = timing.windowS; left > 0; left -= TRACE_PIECE_S) {
      await page.waitForTimeout(Math.min(left, TRACE_PIECE_S) * 1000);
      const piece = await browser.stopTracing();
      if (left > TRACE_PIECE_S) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const events = (JSON.parse(piece.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
      tasks = mergeTasks(tasks, summarizeTasks(events, isApp));
      charts = mergeCalls(charts, summarizeCalls(events, isChart));
    }
    const m1 = await cdpMetrics(cdp);
    const probe: ProbeReadout = await page.evaluate((key) => {
      const w = window as unknown as Record<string, unknown> & { __benchProbe: Omit<ProbeReadout, 'measures' | 'latency'> };
      return {
        measures: performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('cityops:'))
          .map((m) => ({ name: m.name.slice('cityops:'.length), start: m.startTime, duration: m.duration, ...((m as PerformanceMeasure).detail ? { detail: (m as PerformanceMeasure).detail as unknown } : {}) })),
        loaf: w.__benchProbe.loaf,
        longTasks: w.__benchProbe.longTasks,
        latency: (w[key] as FrameLatency[] | undefined) ?? [],
      };
    }, LATENCY_LOG_KEY);
    const heapMbEnd = await heapAfterGcMb(cdp);
    await page.evaluate(() => (window as unknown as { __benchProbe: { startFrames(): void } }).__benchProbe.startFrames());
    await page.waitForTimeout(timing.frameWindowS * 1000);
    const frames = await page.evaluate(() => (window as unknown as { __benchProbe: { frames: number[] } }).__benchProbe.frames);
    if (errors.length) throw new Error(`${spec.id} page threw during the run: ${errors.slice(0, 3).join('; ')}`);

    const wallS = (m1.Timestamp - m0.Timestamp) || timing.windowS;
    const updateMs = updateTotals(probe.measures);
    const scriptMs = (m1.ScriptDuration - m0.ScriptDuration) * 1000;
    return {
      page: spec.id,
      renderer,
      measures: probe.measures,
      updateMs,
      scriptMsPerS: scriptMs / wallS,
      taskMsPerS: ((m1.TaskDuration - m0.TaskDuration) * 1000) / wallS,
      scriptMsPerUpdate: updateMs.length ? scriptMs / updateMs.length : NaN,
      loaf: summarizeLoafs(probe.loaf, server.url, spec.bundlePaths),
      longTasks: probe.longTasks,
      tasks,
      windowS: wallS,
      charts,
      heapMbStart,
      heapMbEnd,
      latency: probe.latency,
      frameIntervals: intervals(frames),
      readyS,
      settledS,
      deckLayers: deckLayerUpdates(probe.measures),
    };
  } finally {
    await context.close();
  }
}

/** Every page `rounds` times, alternating (ours, maplibre, deck, ours, …), in one browser. */
export async function comparePages(browser: Browser, server: RunningServer, width: number, height: number, rounds: number, timing: PageTiming, baselineDir: string, pages: PageId[] = ['ours', 'maplibre', 'deck'], chartChunks: readonly string[] = []): Promise<Record<PageId, PageRun[]>> {
  const runs = { ours: [], maplibre: [], deck: [] } as Record<PageId, PageRun[]>;
  for (let round = 0; round < rounds; round++) {
    for (const id of pages) runs[id].push(await measurePage(browser, server, PAGES[id], width, height, timing, baselineDir, chartChunks));
  }
  return runs;
}
