/**
 * The duty officer's console end to end: sign in as the demo dispatcher, dispatch the most urgent
 * waiting incident to its suggested team with one action, and see the order on the console, in the
 * audit trail, in the API and on the wall screen (which gets it from the live frames).
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import type { IncidentView } from '../../src/protocol/workOrders';
import { launchChromium, watchPageErrors } from '../support/browser';
import { startTestServer } from '../support/testServer';
import { screenshotPath } from '../support/screenshotDir';

let server: RunningServer;
let browser: Browser;
let errors: string[] = [];

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build` first');
  // No autopilot: incidents wait for a dispatcher instead of being sent by the simulated desk.
  server = await startTestServer({ distDir: 'dist', scenario: 'storm', speed: 60, tickMs: 1000, demo: true, autopilot: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  errors = errors.concat(watchPageErrors(page));
  await page.goto(`${server.url}/login?next=/dispatch&motion=0`, { waitUntil: 'domcontentloaded' });
  await page.fill('[data-testid="login-username"]', 'dispatcher');
  await page.fill('[data-testid="login-password"]', 'dispatcher-demo');
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL(/\/dispatch/, { timeout: 15_000 });
  await page.waitForSelector('[data-testid="dispatch-console"]', { timeout: 15_000 });
  return page;
}

/** The first waiting incident, top of the queue down, for which a team of ours is free. */
async function selectTopWithTeam(page: Page): Promise<{ id: string; teamId: string }> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const ids = await page.$$eval('[data-testid^="queue-row-"][data-status="new"]', (rows) => rows.slice(0, 8).map((r) => r.getAttribute('data-testid')!.replace('queue-row-', '')));
    for (const id of ids) {
      await page.click(`[data-testid="queue-row-${id}"]`);
      await page.waitForSelector(`[data-testid="incident-detail"][data-id="${id}"]`);
      const teams = page.locator('[data-testid="team-suggestions"]');
      await expect.poll(() => teams.getAttribute('data-loading'), { timeout: 10_000 }).toBe('false');
      const suggested = page.locator('li[data-testid^="team-"]:has([data-testid="suggested-team"])');
      if ((await suggested.count()) > 0) return { id, teamId: (await suggested.getAttribute('data-testid'))!.replace('team-', '') };
    }
    await page.waitForTimeout(2000);
  }
  throw new Error('no waiting incident with a free team of ours appeared');
}

describe('dispatch console', () => {
  it('dispatches the top incident to the suggested team in one action, and the wall shows it', async () => {
    const page = await signIn();
    expect(await page.textContent('[data-testid="console-user"]')).toContain('dispatcher');
    await page.waitForSelector('[data-testid^="queue-row-"]', { timeout: 60_000 });
    await page.selectOption('[data-testid="filter-status"]', 'new');
    const { id, teamId } = await selectTopWithTeam(page);

    // One action: Enter on the selected row sends the suggested team.
    await page.locator('body').focus();
    await page.keyboard.press('Enter');
    const row = page.locator(`[data-testid="queue-row-${id}"]`);
    await page.selectOption('[data-testid="filter-status"]', 'all');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).not.toBe('new');
    expect(await row.locator('[data-testid="queue-status"]').textContent()).toMatch(/已派单|已接单|处置中/);
    await expect.poll(() => page.locator('[data-testid="audit-trail"] [data-action="dispatch"]').count(), { timeout: 10_000 }).toBe(1);
    const entry = page.locator('[data-testid="audit-trail"] [data-action="dispatch"]');
    expect(await entry.getAttribute('data-team')).toBe(teamId);
    expect(await entry.textContent()).toMatch(/派单[\s\S]*待派单 → 已派单[\s\S]*dispatcher · 调度员/);

    const res = await fetch(`${server.url}/api/incidents/${id}`, { headers: { authorization: `Bearer ${await token(page)}` } });
    const incident = (await res.json()) as IncidentView;
    expect(['dispatched', 'accepted', 'onSite']).toContain(incident.status);
    expect(incident.workOrderId).toMatch(/\S/);

    // The wall, in another page, gets the change from the live frames.
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    errors = errors.concat(watchPageErrors(wall));
    await wall.goto(`${server.url}/?motion=0&spotlight=0&director=0`, { waitUntil: 'domcontentloaded' });
    await wall.waitForSelector('[data-testid="city-map"][data-map-ready="true"]', { timeout: 90_000 });
    await expect
      .poll(async () => (await wall.getAttribute('[data-testid="city-map"]', 'data-incident-states')) ?? '', { timeout: 30_000 })
      .toMatch(new RegExp(`${id}:(dispatched|accepted|onSite)`));
    const feedRow = wall.locator(`[data-testid="incident-row-${id}"]`);
    // The feed lists the newest few; when this incident is among them it reads dispatched too.
    if ((await feedRow.count()) > 0) expect(await feedRow.locator('.status').textContent()).toMatch(/已派单|已接单|处置中/);
    await wall.close();

    await page.screenshot({ path: screenshotPath('dispatch-1920x1080.png') });
    await page.close();
    expect(errors).toEqual([]);
  });

  it('shows the console in English', async () => {
    const page = await signIn();
    await page.click('[data-testid="language-toggle"]');
    await page.waitForSelector('[data-testid^="queue-row-"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="dispatch-queue"] h2')).toBe('Incident queue');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('[data-testid="incident-detail"]');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: screenshotPath('dispatch-1920x1080-en.png') });
    await page.click('[data-testid="language-toggle"]');
    await page.close();
  });
});

const token = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('cityops.auth') ?? '{}') as { token?: string }).token ?? '');
