/**
 * The daily report as PDF: Chromium (through playwright-core) opens the report page itself in print
 * mode (`/summary?date=…&print=1&lang=…`) as the caller — their token placed where the app's auth
 * store reads it — waits until the page says its data and charts are drawn, and prints A4 portrait.
 * One browser per report, closed whatever happens. No Chromium: PdfUnavailableError (the route's 503).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { Role } from '../../src/protocol/auth';
import { DomainError } from '../domainError';

export interface SummaryPdfRequest {
  /** Where this server answers, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  date: string;
  /** The caller's bearer token (none in demo mode). */
  token: string | undefined;
  lang: 'zh-CN' | 'en';
  /** How long to wait for the page to be ready, ms. */
  timeoutMs?: number;
}

/** Chromium is not installed (or will not start): the report cannot be printed on this server (INTERNAL, HTTP 503). */
export class PdfUnavailableError extends DomainError {
  constructor(message: string) {
    super('INTERNAL', message, 503);
    this.name = 'PdfUnavailableError';
  }
}

export const CHROMIUM_PATH = process.env.CITYOPS_CHROMIUM ?? '/usr/bin/chromium';

/** The session key and shape of src/auth/session.ts (the page's route guard and apiFetch read it). */
const SESSION_KEY = 'cityops.auth';
/** A4 at 96 px per inch, less the margins: the page is laid out at the width it is printed at, so charts fit. */
const MARGIN_MM = 12;
const CONTENT_WIDTH_PX = Math.round(((210 - 2 * MARGIN_MM) / 25.4) * 96);

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new PdfUnavailableError(`PDF export needs Chromium, not found at ${CHROMIUM_PATH} (set CITYOPS_CHROMIUM)`);
  try {
    // The flags that work on this machine (tests/support/browser.ts): no sandbox, no GPU, no network chatter.
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    throw new PdfUnavailableError(`Chromium at ${CHROMIUM_PATH} would not start: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Who the token belongs to, so the page's own role check lets the report through. */
async function sessionFor(baseUrl: string, token: string): Promise<{ username: string; role: Role }> {
  try {
    const res = await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    if (res.ok) {
      const body = (await res.json()) as { principal?: { username?: string; label?: string; role?: Role } };
      if (body.principal?.role) return { username: body.principal.username ?? body.principal.label ?? 'report', role: body.principal.role };
    }
  } catch {
    // The server checks the token on every request anyway; the page only needs a role to show.
  }
  return { username: 'report', role: 'manager' };
}

export async function renderSummaryPdf({ baseUrl, date, token, lang, timeoutMs = 60_000 }: SummaryPdfRequest): Promise<Buffer> {
  const session = token ? { token, ...(await sessionFor(baseUrl, token)), expiresAt: Date.now() + 3_600_000 } : null;
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: CONTENT_WIDTH_PX, height: 1100 }, locale: lang, timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(
      ([key, value, locale]) => {
        // Runs in the page; the server is type-checked without the DOM, so name the one API it uses.
        const { localStorage } = globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } };
        if (value) localStorage.setItem(key, value);
        localStorage.setItem('cityops.locale', locale);
      },
      [SESSION_KEY, session ? JSON.stringify(session) : '', lang] as const,
    );
    const url = `${baseUrl}/summary?date=${encodeURIComponent(date)}&print=1&lang=${encodeURIComponent(lang)}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    try {
      await page.waitForSelector('[data-testid="summary-ready"]', { state: 'attached', timeout: timeoutMs });
    } catch {
      const shown = await page
        .locator('[data-testid="summary-error"]')
        .textContent({ timeout: 500 })
        .catch(() => null);
      throw new Error(`the report page for ${date} did not become ready (${page.url()})${shown ? `: ${shown.trim()}` : ''}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
    }
    await page.emulateMedia({ media: 'print' });
    const margin = `${MARGIN_MM}mm`;
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: margin, bottom: `${MARGIN_MM + 4}mm`, left: margin, right: margin },
      // Page numbers at the foot of every page (Chromium fills the classes in).
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="width:100%;padding:0 ${MARGIN_MM}mm;font-size:8px;color:#4b5b6e;display:flex;justify-content:space-between"><span>CityOps · ${date}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
    });
  } finally {
    await browser.close().catch(() => undefined);
  }
}
