/**
 * The wall's alarm list in Debian Chromium against the built app and the real server: a signed-in
 * operator sees an active alarm, acknowledges it with the list's button, and the list marks it
 * acknowledged from the next frame. A rule that is always raised (one water gauge, critical) gives
 * the test an alarm that stays active while the storm raises and clears the others.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleBook } from '../../mock-server/rules/ruleBook';
import type { RunningServer } from '../../mock-server/server';
import { launchChromium, watchPageErrors } from '../support/browser';
import { startTestServer } from '../support/testServer';

const dir = mkdtempSync(join(tmpdir(), 'cityops-alarm-list-'));
const rulesPath = join(dir, 'rules.yaml');
writeFileSync(
  rulesPath,
  `${readFileSync(new URL('../../mock-server/rules/default-rules.yaml', import.meta.url), 'utf8')}
  - id: gauge.watch
    kind: waterGauge
    assets: [WL-H01]
    channel: water
    levels:
      - { severity: critical, raise: -100, clear: -200 }
`,
);

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  server = await startTestServer({ distDir: 'dist', tickMs: 500, speed: 30, scenario: 'storm', rules: loadRuleBook(rulesPath) });
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'operator-demo' }) });
  const session = await res.json();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  errors = watchPageErrors(page);
  // Signed in as the operator, as the login page would leave it.
  await page.addInitScript((s) => localStorage.setItem('cityops.auth', JSON.stringify(s)), session);
  await page.goto(`${server.url}/?director=0&spotlight=0`, { waitUntil: 'domcontentloaded' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('alarm list on the wall', () => {
  it('shows an active alarm and marks it acknowledged once the operator acknowledges it', async () => {
    const row = page.locator('[data-testid^="alarm-row-gauge.watch:WL-H01:"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getAttribute('data-acknowledged')).toBe('false');
    expect(await row.textContent()).toMatch(/紧急/);
    // noWaitAfter: software WebGL keeps the page busy; the mark below is what is waited for.
    await row.locator('[data-testid="alarm-ack"]').click({ noWaitAfter: true, timeout: 30_000 });
    await page.waitForSelector('[data-testid^="alarm-row-gauge.watch:WL-H01:"][data-acknowledged="true"] [data-testid="alarm-acked"]', { timeout: 20_000 });
    const id = (await row.getAttribute('data-testid'))!.slice('alarm-row-'.length);
    const stored = await (await fetch(`${server.url}/api/alarms/${encodeURIComponent(id)}`)).json();
    expect(stored.alarm).toMatchObject({ acknowledged: true, ackedBy: 'operator' });
    expect(errors).toEqual([]);
  }, 120_000);
});
