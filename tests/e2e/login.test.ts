/**
 * Signing in through the form in Debian Chromium against the built app and the real server: a
 * dispatcher lands on /dispatch, a wrong password says so, and outside demo mode the wall asks for
 * a login first.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../mock-server/auth/bootstrapAccounts';
import type { RunningServer } from '../../mock-server/server';
import { launchChromium, watchForeignRequests } from '../support/browser';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
let browser: Browser;
let page: Page;
let foreign: string[];
const dispatcher = DEMO_ACCOUNTS.find((a) => a.role === 'dispatcher')!;

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  server = await startTestServer({ distDir: 'dist', tickMs: 1000, speed: 1 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  foreign = watchForeignRequests(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(username: string, password: string) {
  await page.fill('[data-testid="login-username"]', username);
  await page.fill('[data-testid="login-password"]', password);
  await page.click('[data-testid="login-submit"]');
}

describe('login page', () => {
  it('shows a clear error for a wrong password', async () => {
    await page.goto(`${server.url}/login`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="login-page"]');
    expect(await page.textContent('h1')).toBe('登录');
    await signIn(dispatcher.username, 'not-the-password');
    await page.waitForSelector('[data-testid="login-error"]');
    expect(await page.textContent('[data-testid="login-error"]')).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('signs a dispatcher in through the form and lands on /dispatch', async () => {
    await signIn(dispatcher.username, dispatcher.password);
    await page.waitForURL((url) => url.pathname === '/dispatch', { timeout: 15_000 });
    // The dispatch page itself is tested elsewhere: here, the form is gone and the route stayed.
    await page.waitForSelector('[data-testid="login-page"]', { state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/dispatch');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cityops.auth') ?? 'null'));
    expect(stored).toMatchObject({ username: 'dispatcher', role: 'dispatcher', token: expect.any(String) });
    expect(foreign).toEqual([]);
  });

  it('outside demo mode, sends a visitor of the wall to the login page', async () => {
    const locked = await startTestServer({ distDir: 'dist', demo: false, adminPassword: 'e2e-admin-password-1' });
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await fresh.goto(`${locked.url}/summary`, { waitUntil: 'domcontentloaded' });
      await fresh.waitForSelector('[data-testid="login-page"]');
      const url = new URL(fresh.url());
      expect(url.pathname).toBe('/login');
      expect(url.searchParams.get('next')).toBe('/summary');
    } finally {
      await fresh.close();
      await locked.close();
    }
  });
});
