/**
 * The wall screen in Debian Chromium against the built app and the real server: the map is drawn,
 * the feed is live, figures change, nothing leaves localhost, and a stopped server shows plainly.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { RAIN_BANDS } from '../../src/domain/rainBands';
import { WATER_LEVEL_COLORS } from '../../src/domain/waterLevel';
import { launchChromium, pixelStats, watchForeignRequests, watchPageErrors } from '../support/browser';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
let browser: Browser;
let page: Page;
let foreign: string[];
let errors: string[];
let serverStopped = false;

const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  server = await startTestServer({ distDir: 'dist', tickMs: 500, speed: 30 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  foreign = watchForeignRequests(page);
  errors = watchPageErrors(page);
  await page.goto(`${server.url}/?director=0`, { waitUntil: 'domcontentloaded' });
});

afterAll(async () => {
  await browser?.close();
  if (!serverStopped) await server?.close();
});

describe('wall screen', () => {
  it('draws the map of Shanghai with live gauge layers', async () => {
    await page.waitForSelector('[data-testid="city-map"][data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="city-map"]')?.dataset.drawnVersion ?? 0) >= 2, null, {
      timeout: 60_000,
    });
    // The basemap and the gauges are measured with the warning areas switched off: the simulated weather office
    // outlines the districts of its CAP warnings (issue 16), and their see-through fill tints the land under them.
    const drawn = () => page.evaluate(() => ({ version: Number(document.querySelector<HTMLElement>('[data-testid="city-map"]')?.dataset.drawnVersion ?? 0), layers: document.querySelector('[data-testid="city-map"]')?.getAttribute('data-layers-drawn') ?? '' }));
    const before = await drawn();
    await page.click('[data-testid="layer-toggle-warningAreas"] input');
    if (/\bwarningAreas\b/.test(before.layers)) await expect.poll(async () => (await drawn()).version, { timeout: 30_000 }).toBeGreaterThan(before.version);
    // The clear map region between the left and right panel columns.
    const png = await page.screenshot({ clip: { x: 500, y: 150, width: 900, height: 700 } });
    await page.click('[data-testid="layer-toggle-warningAreas"] input');
    const stats = pixelStats(png, {
      land: hex('#0b1a2e'),
      sea: hex('#040b16'),
      waterNormal: WATER_LEVEL_COLORS.normal,
      ...Object.fromEntries(RAIN_BANDS.slice(1).map((b) => [`rain-${b.id}`, b.color])),
    });
    // Basemap: land and sea both present in quantity.
    expect(stats.near.land / stats.total).toBeGreaterThan(0.1);
    expect(stats.near.sea / stats.total).toBeGreaterThan(0.05);
    // Live layers: gauge markers in the legend's colours.
    const markerPixels = Object.entries(stats.near)
      .filter(([k]) => k !== 'land' && k !== 'sea')
      .reduce((sum, [, n]) => sum + n, 0);
    expect(markerPixels).toBeGreaterThan(5000);
    expect(stats.distinctColours).toBeGreaterThan(50);
  });

  it('shows the feed as live and the figure’s age', async () => {
    await expect.poll(() => page.getAttribute('[data-testid="feed-indicator"]', 'data-state'), { timeout: 15_000 }).toBe('live');
    expect(await page.textContent('[data-testid="feed-indicator"]')).toContain('实时');
    expect(await page.textContent('[data-testid="dimension-age-environment"]')).toMatch(/(刚刚|\d+ 秒前)/);
    expect(await page.getAttribute('[data-testid="dimension-panel-environment"]', 'data-stale')).toBe('false');
  });

  it('changes gauge figures as the simulated rain moves', async () => {
    const read = () =>
      page.evaluate(() =>
        ['env.rainMax', 'env.rainMean', 'traffic.index', 'infra.pumpsRunning']
          .map((id) => document.querySelector(`[data-testid="indicator-value-${id}"]`)?.textContent?.trim())
          .join('|'),
      );
    const first = await read();
    expect(first).toMatch(/\d/);
    await expect.poll(read, { timeout: 15_000, interval: 500 }).not.toBe(first);
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid="language-toggle"]');
    await expect.poll(() => page.textContent('h1')).toContain('City Operations');
    expect(await page.textContent('[data-testid="feed-indicator"]')).toContain('Live');
    await page.click('[data-testid="language-toggle"]');
    await expect.poll(() => page.textContent('h1')).toContain('城市运行一网统管');
  });

  it('opens the dispatch console, and the daily report says when a day has no data', async () => {
    const other = await browser.newPage();
    // Those pages need a dispatcher and a manager; an admin may open both.
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"admin","password":"admin-demo"}' });
    const session = JSON.stringify(await res.json());
    await other.addInitScript((s) => localStorage.setItem('cityops.auth', s), session);
    await other.goto(`${server.url}/dispatch`);
    await other.waitForSelector('[data-testid="dispatch-queue"]', { timeout: 30_000 });
    expect(await other.textContent('body')).toContain('值班调度台');
    await other.goto(`${server.url}/summary?date=2020-01-01`);
    await expect.poll(() => other.textContent('[data-testid="summary-title"]')).toContain('生命体征日报');
    // A day this city never ran: the report says so plainly, with how to get history.
    await expect.poll(() => other.textContent('[data-testid="summary-error"]'), { timeout: 15_000 }).toMatch(/backfill/);
    await other.close();
  });

  it('sends no request to any host but localhost, and logs no errors', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says the feed is stale when frames stop while the socket stays up', async () => {
    server.ticker?.stop();
    await expect.poll(() => page.getAttribute('[data-testid="feed-indicator"]', 'data-state'), { timeout: 12_000 }).toBe('stale');
    expect(await page.textContent('[data-testid="feed-indicator"]')).toMatch(/数据延迟.*最后数据/);
    expect(await page.getAttribute('[data-testid="dimension-panel-environment"]', 'data-stale')).toBe('true');
    // The header's figures and the ticker say so too, each dimmed with the same notice (issue 15).
    for (const id of ['header-weather', 'warning-level', 'city-traffic-index', 'warning-ticker']) {
      expect(await page.getAttribute(`[data-testid="${id}"]`, 'data-stale')).toBe('true');
      expect(await page.textContent(`[data-testid="${id}"] [data-stale-mark]`)).toBe('数据已过期');
    }
  });

  it('says plainly when the server stops: disconnected, and the panel dims as stale', async () => {
    await server.close();
    serverStopped = true;
    await expect.poll(() => page.getAttribute('[data-testid="feed-indicator"]', 'data-state'), { timeout: 10_000 }).toBe('disconnected');
    expect(await page.textContent('[data-testid="feed-indicator"]')).toContain('已断开');
    await expect.poll(() => page.getAttribute('[data-testid="dimension-panel-environment"]', 'data-stale'), { timeout: 12_000 }).toBe('true');
    expect(await page.textContent('[data-testid="dimension-panel-environment"]')).toContain('数据已过期');
  });
});
