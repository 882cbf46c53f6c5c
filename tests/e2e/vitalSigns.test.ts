/**
 * The command layout: five dimension panels with live values, drill-down onto the map, no overflow
 * or overlap at 3840×2160 and 1920×1080, and panels that dim when the feed goes stale.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { DIMENSIONS } from '../../src/protocol/vitals';
import { launchChromium, watchPageErrors } from '../support/browser';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
let browser: Browser;
let errors: string[] = [];
let serverStopped = false;

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  server = await startTestServer({ distDir: 'dist', scenario: 'storm', speed: 60, tickMs: 1000 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (!serverStopped) await server?.close();
});

async function openWall(width: number, height: number, query = 'motion=0&spotlight=0&director=0'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  errors = errors.concat(watchPageErrors(page));
  await page.goto(`${server.url}/?${query}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('[data-testid="city-map"][data-map-ready="true"]', { timeout: 90_000 });
  await page.waitForSelector('[data-testid^="indicator-value-"]', { timeout: 30_000 });
  return page;
}

const readValues = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('[data-testid^="indicator-value-"]')).map((e) => `${e.getAttribute('data-testid')}=${e.textContent?.trim()}`));

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  overflowX: boolean;
  overflowY: boolean;
}

/** Boxes of the wall's top-level panels (the stage's children), with their overflow. */
const panelBoxes = (page: Page): Promise<Box[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.stage > *'))
      .filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed')
      .map((el) => {
        const r = el.getBoundingClientRect();
        const h = el as HTMLElement;
        return {
          id: h.dataset.testid ?? h.className,
          x: r.x,
          y: r.y,
          w: r.width,
          h: r.height,
          overflowX: h.scrollWidth > h.clientWidth + 1,
          overflowY: h.scrollHeight > h.clientHeight + 1,
        };
      }),
  );

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;

describe('vital-signs wall screen', () => {
  it('shows all five dimension panels with live values that change', async () => {
    const page = await openWall(1920, 1080);
    for (const d of DIMENSIONS) {
      const panel = page.locator(`[data-testid="dimension-panel-${d}"]`);
      await panel.waitFor({ state: 'visible' });
      expect(await panel.locator('[data-testid^="indicator-value-"]').count()).toBeGreaterThanOrEqual(4);
    }
    const first = await readValues(page);
    expect(first.length).toBeGreaterThanOrEqual(20);
    expect(first.filter((v) => /\d/.test(v)).length).toBeGreaterThanOrEqual(20);
    await expect.poll(async () => (await readValues(page)).filter((v, i) => v !== first[i]).length, { timeout: 20_000 }).toBeGreaterThan(3);
    await page.close();
  });

  it('draws the last hour of each sparkline at once on load, from before the page was opened', async () => {
    // Let the city run a while first: at ×60 each second is a simulated minute.
    await new Promise((r) => setTimeout(r, 6000));
    const before = await (await fetch(`${server.url}/api/vitals`)).json();
    const page = await openWall(1920, 1080);
    const tile = page.locator('[data-testid="indicator-traffic.index"]');
    // The history starts before the page existed: live frames alone could not reach back there.
    await expect.poll(async () => Number(await tile.getAttribute('data-history-from')) || Infinity, { timeout: 10_000 }).toBeLessThan(before.simTime - 5 * 60_000);
    await page.close();
  });

  it('lights an indicator’s assets on the map when it is clicked, and clears them on a second click', async () => {
    const page = await openWall(1920, 1080);
    const drillCount = () => page.getAttribute('[data-testid="city-map"]', 'data-drill-count');
    const indicators = await page.locator('[data-testid^="indicator-"][data-drill="true"]').all();
    expect(indicators.length).toBeGreaterThan(0);
    let lit = false;
    for (const indicator of indicators) {
      await indicator.click();
      try {
        await expect.poll(async () => Number(await drillCount()), { timeout: 5000 }).toBeGreaterThan(0);
        lit = true;
      } catch {
        await indicator.click();
        continue;
      }
      await indicator.click();
      await expect.poll(async () => Number(await drillCount()), { timeout: 5000 }).toBe(0);
      break;
    }
    expect(lit).toBe(true);
    await page.close();
  });

  for (const [w, h] of [
    [3840, 2160],
    [1920, 1080],
  ] as const) {
    it(`lays out at ${w}×${h} with no panel overflowing or overlapping another`, async () => {
      const page = await openWall(w, h);
      await page.waitForTimeout(2000);
      const boxes = await panelBoxes(page);
      expect(boxes.length).toBeGreaterThanOrEqual(7);
      for (const b of boxes) {
        expect(b.x, `${b.id} left edge`).toBeGreaterThanOrEqual(-1);
        expect(b.y, `${b.id} top edge`).toBeGreaterThanOrEqual(-1);
        expect(b.x + b.w, `${b.id} right edge`).toBeLessThanOrEqual(w + 1);
        expect(b.y + b.h, `${b.id} bottom edge`).toBeLessThanOrEqual(h + 1);
        expect(b.overflowX || b.overflowY, `${b.id} overflows`).toBe(false);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `${boxes[i].id} overlaps ${boxes[j].id}`).toBe(false);
      await page.screenshot({ path: `test-results/wall-${w}x${h}.png` });
      await page.close();
    });
  }

  it('dims every panel and says so when the feed goes stale, and shows the disconnection', async () => {
    const page = await openWall(1920, 1080);
    server.ticker?.stop();
    for (const d of DIMENSIONS) {
      await expect.poll(() => page.getAttribute(`[data-testid="dimension-panel-${d}"]`, 'data-stale'), { timeout: 12_000 }).toBe('true');
    }
    expect(await page.getAttribute('[data-testid="feed-indicator"]', 'data-state')).toBe('stale');
    await server.close();
    serverStopped = true;
    await expect.poll(() => page.getAttribute('[data-testid="feed-indicator"]', 'data-state'), { timeout: 10_000 }).toBe('disconnected');
    await page.close();
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
