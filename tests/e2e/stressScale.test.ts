/**
 * The stress city on the wall screen: ~50,000 road segments and 240,000 elevators arrive over the
 * binary feed, the elevator layer draws (switching it off visibly removes it), its legend explains
 * the states, and the page logs no errors.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { changedPixels, launchChromium, watchForeignRequests, watchPageErrors } from '../support/browser';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  server = await startTestServer({ distDir: 'dist', scale: 'stress', scenario: 'storm', speed: 1, tickMs: 1000 });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('stress scale on the wall screen', () => {
  it('draws the elevators needing someone among 240,000, with their legend and switch, from the live feed', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const foreign = watchForeignRequests(page);
    const errors = watchPageErrors(page);
    await page.goto(`${server.url}/?motion=0`, { waitUntil: 'domcontentloaded' });
    const map = page.locator('[data-testid="city-map"]');
    await page.waitForSelector('[data-testid="city-map"][data-map-ready="true"]', { timeout: 120_000 });
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('[data-testid="city-map"]')?.dataset.layersDrawn ?? '').includes('elevators'), null, { timeout: 120_000 });
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { simulator: { assets: Record<string, number> } };
    expect(health.simulator.assets.elevator).toBe(240_000);
    expect(health.simulator.assets.roadSegment).toBeGreaterThan(45_000);
    expect(await map.getAttribute('data-layers-drawn')).toMatch(/roads.*elevators/);
    const legend = page.locator('[data-testid="legend-elevators"]');
    await expect.poll(() => legend.textContent()).toMatch(/电梯运行状态.*运行.*维保.*故障.*困人.*离线/);

    // Switching the layer off removes the dots the map drew (the roads are switched off first, so the
    // elevators are not hidden under them).
    await page.click('[data-testid="layer-toggle-roads"] input');
    await page.click('[data-testid="layer-toggle-rainField"] input');
    await page.waitForTimeout(1500);
    const box = (await map.boundingBox())!;
    const clip = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.25, width: box.width * 0.4, height: box.height * 0.5 };
    const on = await page.screenshot({ clip });
    await page.click('[data-testid="layer-toggle-elevators"] input');
    await page.waitForFunction(() => !(document.querySelector<HTMLElement>('[data-testid="city-map"]')?.dataset.layersDrawn ?? '').includes('elevators'), null, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    const off = await page.screenshot({ clip });
    expect(changedPixels(on, off)).toBeGreaterThan(2000);
    await page.close();
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});
