/**
 * The manager's daily report end to end, on a real storm day: one day backfilled into a temporary
 * data directory, the real server started the next midnight, the demo manager signed in through the
 * login form. The five dimensions draw their charts, the indicator table has every indicator, the
 * highlights speak of the rain, English switches the title, CSV and PDF download through the page's
 * buttons (the bearer token cannot ride on a plain link), and the PDF is a multi-page A4 report.
 * Screenshots (test-results/screenshots, or docs/screenshots with CITYOPS_SCREENSHOT_DIR): summary-1920x1080.png and
 * summary-report-page1.png (the PDF's first page).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../../mock-server/history/backfill';
import type { RunningServer } from '../../mock-server/server';
import { launchChromium, watchPageErrors } from '../support/browser';
import { readPdfInfo } from '../support/pdfInfo';
import { startTestServer } from '../support/testServer';
import { screenshotPath } from '../support/screenshotDir';

const DAY = '2026-07-15';
const END = Date.parse('2026-07-16T00:00:00+08:00');
const DIMENSIONS = ['cityDynamics', 'environment', 'traffic', 'supply', 'infrastructure'];
const dataDir = mkdtempSync(join(tmpdir(), 'cityops-summary-e2e-'));
const outDir = mkdtempSync(join(tmpdir(), 'cityops-summary-pdf-'));
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[] = [];

/** poppler's pdftoppm, where installed, draws the PDF's first page for the docs' screenshot. */
const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npx vite build` first');
  await backfill({ dataDir, days: 1, seed: 20260701, scenario: 'storm', end: END });
  server = await startTestServer({ distDir: 'dist', demo: true, dataDir, start: END, scenario: 'storm' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
  errors = watchPageErrors(page);
  await page.goto(`${server.url}/login?next=${encodeURIComponent(`/summary?date=${DAY}`)}&motion=0`, { waitUntil: 'domcontentloaded' });
  await page.fill('[data-testid="login-username"]', 'manager');
  await page.fill('[data-testid="login-password"]', 'manager-demo');
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL(/\/summary/, { timeout: 15_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('daily summary report', () => {
  it('shows the storm day: five dimensions with charts drawn, every indicator, highlights on the rain', async () => {
    await page.waitForSelector('[data-testid="summary-ready"]', { state: 'attached', timeout: 30_000 });
    expect(page.url()).toContain(`date=${DAY}`);
    expect(await page.textContent('[data-testid="summary-title"]')).toBe('城市运行生命体征日报');
    for (const d of DIMENSIONS) {
      const panel = page.locator(`[data-testid="summary-dimension-${d}"]`);
      await expect.poll(() => panel.count()).toBe(1);
      // Drawn: the canvas has a size and is not blank.
      const drawn = await panel.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0 || c.height === 0) return 0;
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
        return painted;
      });
      expect(drawn, `${d} chart pixels`).toBeGreaterThan(1000);
    }
    const rows = await page.locator('[data-testid^="indicator-row-"]').count();
    expect(rows).toBeGreaterThanOrEqual(20);
    const rainRow = await page.textContent('[data-testid="indicator-row-env.rainMax"]');
    expect(rainRow).toContain('mm/h');
    expect(await page.textContent('[data-testid="summary-highlights"]')).toMatch(/雨/);
    expect(await page.locator('[data-testid="flood-water-levels"] tbody tr').count()).toBeGreaterThan(0);

    await page.screenshot({ path: screenshotPath('summary-1920x1080.png') });
    expect(errors).toEqual([]);
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid="language-toggle"]');
    expect(await page.textContent('[data-testid="summary-title"]')).toBe('Daily city vital-signs report');
    expect(await page.textContent('[data-testid="summary-highlights"]')).toMatch(/rain/i);
    await page.click('[data-testid="language-toggle"]');
    expect(await page.textContent('[data-testid="summary-title"]')).toBe('城市运行生命体征日报');
  });

  it('downloads the CSV through the page’s button', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-testid="summary-csv"]')]);
    expect(download.suggestedFilename()).toBe(`cityops-summary-${DAY}.csv`);
    const file = join(outDir, 'summary.csv');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain('env.rainMax');
  });

  it('prints the report to a multi-page A4 PDF (renderer, as the route calls it)', async () => {
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('cityops.auth') ?? '{}') as { token?: string }).token);
    expect(token).toBeTruthy();
    const pdf = await server.pdfExport.render({ baseUrl: server.url, date: DAY, token, lang: 'zh-CN' });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const file = join(outDir, 'report.pdf');
    writeFileSync(file, pdf);
    // CITYOPS_KEEP_PDF=<path> keeps a copy to look at.
    if (process.env.CITYOPS_KEEP_PDF) writeFileSync(process.env.CITYOPS_KEEP_PDF, pdf);
    expect((await readPdfInfo(pdf)).pages).toBeGreaterThanOrEqual(2);
    if (hasPdftoppm) {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, screenshotPath('summary-report-page1')]);
      expect(existsSync(`${screenshotPath('summary-report-page1')}.png`)).toBe(true);
    }
  }, 120_000);

  it('downloads the PDF through the page’s button', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-testid="summary-pdf"]')]);
    expect(download.suggestedFilename()).toBe(`cityops-summary-${DAY}.pdf`);
    const file = join(outDir, 'button.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect((await readPdfInfo(readFileSync(file))).pages).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="summary-download-error"]').count()).toBe(0);
  }, 120_000);
});
