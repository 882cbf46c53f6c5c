/**
 * Browser main-thread cost of each 1 Hz live update in Debian Chromium (software WebGL), per stage
 * and per layer, from the page's own `cityops:*` performance measures (see src/shared/benchTiming.ts),
 * plus CDP script time per second and long tasks.
 */
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../mock-server/server';
import { launchChromium } from '../tests/support/browser';

export interface StageTiming {
  name: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface BrowserUpdateResult {
  viewport: string;
  renderer: string;
  updates: number;
  stages: StageTiming[];
  scriptMsPerSecond: number;
  longTasks: number;
  /** Page time (ms since navigation start) when the map reported ready (its first `idle`: drawn, tiles loaded). */
  mapReadyMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

export async function measureBrowserUpdate(server: RunningServer, width: number, height: number, seconds: number): Promise<BrowserUpdateResult> {
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width, height } });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number };
      w.__longTasks = 0;
      new PerformanceObserver((list) => (w.__longTasks += list.getEntries().filter((e) => e.duration >= 50).length)).observe({ type: 'longtask', buffered: false });
    });
    await page.goto(`${server.url}/?bench=1&motion=0`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="city-map"][data-map-ready="true"]', { timeout: 120_000 });
    const mapReadyMs = await page.evaluate(() => performance.now());
    await page.waitForTimeout(5000); // warm-up: first layer builds and shader compiles are not steady state
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
    await page.evaluate(() => {
      performance.clearMeasures();
      (window as unknown as { __longTasks: number }).__longTasks = 0;
    });
    const script0 = await metric();
    await page.waitForTimeout(seconds * 1000);
    const script1 = await metric();
    const { measures, longTasks } = await page.evaluate(() => ({
      measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('cityops:')).map((m) => [m.name.slice(8), m.duration] as const),
      longTasks: (window as unknown as { __longTasks: number }).__longTasks,
    }));
    const byName = new Map<string, number[]>();
    for (const [name, ms] of measures) byName.set(name, [...(byName.get(name) ?? []), ms]);
    const stages = [...byName].map(([name, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return { name, count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] };
    });
    return {
      viewport: `${width}×${height}`,
      renderer,
      updates: byName.get('decode')?.length ?? 0,
      stages: stages.sort((a, b) => a.name.localeCompare(b.name)),
      scriptMsPerSecond: (script1 - script0) / seconds,
      longTasks,
      mapReadyMs,
    };
  } finally {
    await browser?.close();
  }
}
