/**
 * A CAP weather warning on the wall, as a person sees it (issue 16): the weather bureau posts an
 * orange rainstorm warning for central Pudong; the header shows the orange signal, the ticker names
 * the event, the map tints the area in the signal colour and names it, the legend explains the
 * signals, and hovering the area says who issued it, when and how long ago. A Cancel takes it all
 * away again. None of the shared CAP material lies within Shanghai, so the alert is built here
 * (tests/support/capAlerts.ts), valid CAP 1.2. Every wait is for something seen, with generous bounds.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { launchChromium, pixelStats, watchForeignRequests, watchPageErrors } from '../support/browser';
import { capKey, postCap, PUDONG_RING, pudongRainstormCap } from '../support/capAlerts';
import { startTestServer } from '../support/testServer';

const CAP_KEY = 'warning-area-test-integration-key-01';
/** The signal orange (src/shared/palette.ts). */
const ORANGE: [number, number, number] = [255, 140, 0];
/** Half the side of the squares of pixels sampled, CSS px. */
const PATCH = 6;

let server: RunningServer;
let browser: Browser;
let page: Page;
let foreign: string[] = [];
let errors: string[] = [];

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  // No simulator: the city on the wall clock with no weather office of its own, so the bureau's is
  // the only warning (the office issues heat warnings on a July afternoon) and the map holds still.
  server = await startTestServer({ distDir: 'dist', simulator: false, tickMs: 1000, integrationKeys: [{ name: 'weather-bureau', key: CAP_KEY }] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  foreign = watchForeignRequests(page);
  errors = watchPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Web-mercator page position of [lon, lat] from the camera the map reports (512 px tiles, as maplibre). */
async function project([lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  const { camera, rect } = await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="city-map"]')!;
    const r = el.getBoundingClientRect();
    return { camera: el.dataset.camera ?? '', rect: { left: r.left, top: r.top, width: r.width, height: r.height } };
  });
  const [cLon, cLat, zoom] = camera.split(',').map(Number) as [number, number, number];
  const world = 512 * 2 ** zoom;
  const mx = (l: number) => ((l + 180) / 360) * world;
  const my = (p: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2) * world;
  return { x: rect.left + rect.width / 2 + mx(lon) - mx(cLon), y: rect.top + rect.height / 2 + my(lat) - my(cLat) };
}

const patch = async (at: { x: number; y: number }, half = { x: PATCH, y: PATCH }) =>
  page.screenshot({ clip: { x: Math.round(at.x) - half.x, y: Math.round(at.y) - half.y, width: 2 * half.x, height: 2 * half.y } });
/** Around the label's middle: its badge (some 180 × 22 px here) fills it but for the letters. */
const BADGE_BOX = { x: 20, y: 12 };

/** The share of pixels whose red rose and blue did not: tinted towards the signal orange since `before`. */
function tintedShare(before: Buffer, after: Buffer): number {
  const a = PNG.sync.read(before).data;
  const b = PNG.sync.read(after).data;
  let tinted = 0;
  for (let i = 0; i < a.length; i += 4) if (b[i]! - a[i]! >= 25 && b[i + 2]! <= a[i + 2]! + 4) tinted++;
  return tinted / (a.length / 4);
}

const mapAttr = (name: string) => page.evaluate((n) => document.querySelector('[data-testid="city-map"]')?.getAttribute(n) ?? '', name);

describe('a CAP warning area on the wall', () => {
  const sent = Date.now();
  const alert = { identifier: 'E2E-PUDONG-1', sent, expires: sent + 6 * 3_600_000 };
  // The ring's middle, for the tint. At city zoom on this screen the area is narrower than its label,
  // so the label stands as a tab on its top vertex: a badge 1.6 em high, 0.25 em above it (14 px text).
  const middle: [number, number] = [121.58, 31.21];
  const top = PUDONG_RING.reduce((a, b) => (b[1] > a[1] ? b : a));
  const badge = async () => {
    const at = await project(top);
    return { x: at.x, y: at.y - (0.8 + 0.25) * 14 };
  };
  let fillBefore: Buffer;
  let badgeBefore: Buffer;

  it('shows the warning in the header, the ticker, on the map with its label, and in the legend', async () => {
    expect(PUDONG_RING.length).toBeGreaterThan(3);
    // The basemap and the warning areas only: on this screen central Pudong is some 45 px across at
    // city zoom, under drainage clusters, gauges and roads, so the tint is measured on the ground
    // itself (tests/e2e/liveMap.test.ts switches the layer among all the others).
    await page.goto(`${server.url}/?motion=0&spotlight=0&director=0&layers=districts,warningAreas`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await page.waitForSelector('[data-testid="city-map"][data-map-ready="true"]', { timeout: 90_000 });
    await expect.poll(() => mapAttr('data-drawn-version').then(Number), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.isChecked('[data-testid="layer-toggle-warningAreas"] input')).toBe(true);
    await expect.poll(() => page.getAttribute('[data-testid="warning-level"]', 'data-level'), { timeout: 30_000 }).toBe('none');
    expect(await page.locator('[data-testid="legend-warnings"]').count()).toBe(0);
    await page.waitForTimeout(1000);
    fillBefore = await patch(await project(middle));
    badgeBefore = await patch(await badge(), BADGE_BOX);
    expect(pixelStats(badgeBefore, { orange: ORANGE }, 40).near.orange).toBe(0);

    expect((await postCap(server.url, CAP_KEY, pudongRainstormCap(alert))).body).toMatchObject({ became: 'active' });

    // The header: the orange signal, named.
    const level = page.locator('[data-testid="warning-level"]');
    await expect.poll(() => level.getAttribute('data-level'), { timeout: 30_000 }).toBe('orange');
    expect(await level.textContent()).toContain('暴雨橙色预警');
    // The ticker names the event and the area.
    const ticker = page.locator('[data-testid="warning-ticker"]');
    await expect.poll(() => ticker.textContent(), { timeout: 30_000 }).toContain('暴雨橙色预警');
    expect(await ticker.textContent()).toContain('浦东新区');
    // The legend explains the four signals.
    const legend = page.locator('[data-testid="legend-warnings"]');
    await legend.waitFor({ state: 'visible', timeout: 30_000 });
    expect((await legend.textContent())?.replace(/\s+/g, ' ')).toMatch(/气象预警区域.*蓝色预警.*黄色预警.*橙色预警.*红色预警/);
    // The map: the area drawn and labelled; inside it the ground takes the signal colour.
    await expect.poll(() => mapAttr('data-layers-drawn'), { timeout: 30_000 }).toMatch(/warningAreas.*warningAreaLabels/);
    await expect.poll(async () => tintedShare(fillBefore, await patch(await project(middle))), { timeout: 30_000 }).toBeGreaterThan(0.6);
    // The label's badge on the area's top, in the signal orange.
    // At least a quarter of the box: the rest is the letters and the badge's dark rim.
    await expect.poll(async () => pixelStats(await patch(await badge(), BADGE_BOX), { orange: ORANGE }, 40).near.orange, { timeout: 30_000 }).toBeGreaterThan(BADGE_BOX.x * BADGE_BOX.y);
  }, 240_000);

  it('says, when the area is hovered, which warning it is, who issued it, when, and how long ago', async () => {
    const at = await project(middle);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain('暴雨橙色预警 · 浦东新区');
    expect(text).toContain('上海中心气象台发布暴雨橙色预警');
    expect(text).toContain('发布单位: 上海中心气象台');
    expect(text).toMatch(/生效 \d\d-\d\d \d\d:\d\d · 解除 \d\d-\d\d \d\d:\d\d/);
    expect(text).toMatch(/发布于 (刚刚|\d+ 秒前|\d+ 分钟前)/);
    await page.mouse.move(5, 890);
  }, 60_000);

  it('takes the area and the header\'s warning away when the warning is cancelled', async () => {
    const cancel = pudongRainstormCap({ identifier: 'E2E-PUDONG-1-C', sent: sent + 60_000, msgType: 'Cancel', references: [capKey(alert)] });
    expect((await postCap(server.url, CAP_KEY, cancel)).body).toMatchObject({ became: 'cancellation', ended: [capKey(alert)] });
    await expect.poll(() => page.getAttribute('[data-testid="warning-level"]', 'data-level'), { timeout: 30_000 }).toBe('none');
    await expect.poll(() => page.locator('[data-testid="warning-ticker"]').textContent(), { timeout: 30_000 }).not.toContain('暴雨橙色预警');
    await page.locator('[data-testid="legend-warnings"]').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => mapAttr('data-layers-drawn'), { timeout: 30_000 }).not.toContain('warningArea');
    await expect.poll(async () => tintedShare(fillBefore, await patch(await project(middle))), { timeout: 30_000 }).toBeLessThan(0.1);
    expect(pixelStats(await patch(await badge(), BADGE_BOX), { orange: ORANGE }, 40).near.orange).toBe(0);
  }, 120_000);

  it('sent nothing beyond localhost and logged no errors', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
