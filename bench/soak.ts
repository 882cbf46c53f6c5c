/**
 * Memory soak: the wall page left running against the live server, the page's JS heap after a
 * forced GC and the server's RSS, JS heap and off-heap buffers (the bench process: the server and the
 * Playwright driver) sampled once a minute, and the growth per hour as the slope of a least-squares
 * line through the samples after a warm-up (the first minutes fill caches, histories and the
 * browser's own pools). One long window, not a benchmark of speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../tests/support/browser';
import { startTestServer } from '../tests/support/testServer';

export interface SoakSample {
  minute: number;
  pageHeapMb: number;
  serverRssMb: number;
  serverHeapMb: number;
  /** Off the JS heap: typed-array backing stores and Node's buffers (sockets, SQLite reads). */
  serverExternalMb: number;
}

export interface SoakResult {
  samples: SoakSample[];
  /** MB per hour, from the samples at or after `warmUpMinutes`. */
  pageHeapMbPerHour: number;
  serverRssMbPerHour: number;
  serverHeapMbPerHour: number;
  serverExternalMbPerHour: number;
  updatesSeen: number;
}

/** Least-squares slope of y over x; NaN with fewer than two points. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den > 0 ? num / den : NaN;
}

/** Growth per hour of one series over the samples from `warmUpMinutes` on. */
export function growthPerHour(samples: readonly SoakSample[], pick: (s: SoakSample) => number, warmUpMinutes: number): number {
  const steady = samples.filter((s) => s.minute >= warmUpMinutes);
  return slope(
    steady.map((s) => s.minute),
    steady.map(pick),
  ) * 60;
}

async function pageHeapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

export async function runSoak(opts: { minutes: number; warmUpMinutes: number; scale: 'shanghai' | 'stress'; onSample?: (s: SoakSample) => void }): Promise<SoakResult> {
  // History on disk, as in production: an in-memory database would count the stored minutes as server memory.
  const dataDir = mkdtempSync(join(tmpdir(), 'cityops-soak-'));
  const live = await startTestServer({ distDir: 'dist', scenario: 'storm', speed: opts.scale === 'shanghai' ? 60 : 1, tickMs: 1000, scale: opts.scale, dataDir });
  const browser = await launchChromium({ gpuCompositing: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${live.url}/?motion=0`);
    await page.waitForSelector('[data-testid="city-map"][data-map-ready="true"]', { timeout: 180_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const drawnVersion = () => page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-testid="city-map"]')?.dataset.drawnVersion ?? 0));
    const firstVersion = await drawnVersion();
    const samples: SoakSample[] = [];
    for (let minute = 0; minute <= opts.minutes; minute++) {
      if (minute > 0) await page.waitForTimeout(60_000);
      global.gc?.();
      const server = process.memoryUsage();
      const sample = { minute, pageHeapMb: await pageHeapMb(cdp), serverRssMb: server.rss / 2 ** 20, serverHeapMb: server.heapUsed / 2 ** 20, serverExternalMb: server.external / 2 ** 20 };
      samples.push(sample);
      opts.onSample?.(sample);
    }
    if (errors.length) throw new Error(`the wall page threw during the soak: ${errors.slice(0, 3).join('; ')}`);
    const w = opts.warmUpMinutes;
    return {
      samples,
      pageHeapMbPerHour: growthPerHour(samples, (s) => s.pageHeapMb, w),
      serverRssMbPerHour: growthPerHour(samples, (s) => s.serverRssMb, w),
      serverHeapMbPerHour: growthPerHour(samples, (s) => s.serverHeapMb, w),
      serverExternalMbPerHour: growthPerHour(samples, (s) => s.serverExternalMb, w),
      updatesSeen: (await drawnVersion()) - firstVersion,
    };
  } finally {
    await browser.close();
    await live.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
