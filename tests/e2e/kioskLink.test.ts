/**
 * A wall opened from a kiosk link in Debian Chromium, outside demo mode (issue 17, findings 9 and 11):
 * the link's token leaves the address bar at once and is sent exactly once, to be exchanged for a
 * session; the wall draws its live map with that session, keeps it across a reload, and the page
 * breaks no rule of the server's Content-Security-Policy.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { launchChromium, watchPageErrors } from '../support/browser';
import { startTestServer } from '../support/testServer';

const ADMIN_PASSWORD = 'e2e-admin-password-1';
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];
let link: { token: string; url: string };
/** Requests that carried the link's token anywhere: URL or header. */
const carriedToken: string[] = [];
/** Answers that refused the wall. */
const refused: string[] = [];

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  server = await startTestServer({ distDir: 'dist', demo: false, adminPassword: ADMIN_PASSWORD, tickMs: 1000, speed: 1 });
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const { token } = await login.json();
  link = await (await fetch(`${server.url}/api/admin/kiosk-links`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: '{"label":"Lobby"}' })).json();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  errors = watchPageErrors(page);
  // Every CSP violation, from the first script on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('response', (r) => {
    if (r.status() === 401 || r.status() === 403) refused.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  page.on('request', (r) => {
    if (r.url().includes(link.token) || Object.values(r.headers()).some((v) => v.includes(link.token))) carriedToken.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const mapDrawn = () => page.waitForSelector('[data-testid="city-map"][data-map-ready="true"]', { timeout: 60_000 });

describe('kiosk link', () => {
  it('takes the token out of the address bar, exchanges it once and draws the wall', async () => {
    expect(link.url).toMatch(/^\/\?kiosk=1&access=/);
    await page.goto(`${server.url}${link.url}&director=0`, { waitUntil: 'domcontentloaded' });
    await mapDrawn();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/');
    expect(url.searchParams.has('access')).toBe(false);
    expect(url.searchParams.get('kiosk')).toBe('1');
    expect(url.searchParams.get('director')).toBe('0');
    expect(page.url()).not.toContain(link.token);
    // The page request itself carried it (that is the link), then only the exchange.
    expect(carriedToken).toEqual(['GET /', 'POST /api/auth/kiosk']);
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('cityops.kioskSession') ?? 'null'));
    expect(session).toMatchObject({ token: expect.any(String), label: 'Lobby' });
  });

  it('keeps its session across a reload without exchanging again', async () => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await mapDrawn();
    expect(carriedToken).toEqual(['GET /', 'POST /api/auth/kiosk']);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('breaks no rule of the Content-Security-Policy and logs no error', async () => {
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
  });
});
