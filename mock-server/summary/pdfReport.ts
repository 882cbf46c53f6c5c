/**
 * The daily report as PDF: Chromium (through playwright-core) opens the report page itself in print
 * mode (`/summary?date=…&print=1&lang=…`) as the caller — their token placed where the app's auth
 * store reads it — waits until the page says its data and charts are drawn, and prints A4 portrait.
 * Each report has its own browser context in the server's one browser (pdfExport.ts), closed
 * whatever happens, and at once when the render is aborted. No Chromium: PdfUnavailableError (503).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { Role } from '../../src/protocol/auth';
import type { ErrorCode } from '../../src/protocol/events';
import { DomainError } from '../domainError';

export interface SummaryPdfRequest {
  /** Where this server answers, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  date: string;
  /** The caller's bearer token (none in demo mode). */
  token: string | undefined;
  lang: 'zh-CN' | 'en';
}

/** How one render is driven from outside: its abort, and the test hook before printing. */
export interface PrintControl {
  /** Aborting it closes the render's context, which ends the render (the queue's deadline or a caller gone). */
  signal: AbortSignal;
  /** Called once the render's page is open (the export counts pages open in the browser). */
  opened?: () => void;
  /** Awaited with the page ready, just before printing (tests hold renders here); must honour `signal`. */
  beforePrint?: (signal: AbortSignal) => Promise<void>;
}

/** A report not printed for a reason that may pass: the route answers its status with `Retry-After`. */
export class PdfRefusal extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    httpStatus: number,
    /** When to ask again, s. */
    readonly retryAfterSeconds: number,
  ) {
    super(code, message, httpStatus);
    this.name = 'PdfRefusal';
  }
}

/** Seconds a caller is told to wait when Chromium would not start (an operator has to act). */
const UNAVAILABLE_RETRY_S = 60;

/** Chromium is not installed (or will not start): the report cannot be printed on this server (INTERNAL, HTTP 503). */
export class PdfUnavailableError extends PdfRefusal {
  constructor(message: string, retryAfterSeconds = UNAVAILABLE_RETRY_S) {
    super('INTERNAL', message, 503, retryAfterSeconds);
    this.name = 'PdfUnavailableError';
  }
}

export const CHROMIUM_PATH = process.env.CITYOPS_CHROMIUM ?? '/usr/bin/chromium';

/** The session key and shape of src/auth/session.ts (the page's route guard and apiFetch read it). */
const SESSION_KEY = 'cityops.auth';
/** A4 at 96 px per inch, less the margins: the page is laid out at the width it is printed at, so charts fit. */
const MARGIN_MM = 12;
const CONTENT_WIDTH_PX = Math.round(((210 - 2 * MARGIN_MM) / 25.4) * 96);

/** Starts Chromium for printing; PdfUnavailableError when it is missing or will not start. */
export async function launchChromium(path: string = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(path)) throw new PdfUnavailableError(`PDF export needs Chromium, not found at ${path} (set CITYOPS_CHROMIUM)`);
  try {
    // The flags that work on this machine (tests/support/browser.ts): no sandbox, no GPU, no network chatter.
    return await chromium.launch({
      executablePath: path,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    throw new PdfUnavailableError(`Chromium at ${path} would not start: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Who the token belongs to, so the page's own role check lets the report through. */
async function sessionFor(baseUrl: string, token: string, signal: AbortSignal): Promise<{ username: string; role: Role }> {
  try {
    const res = await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` }, signal });
    if (res.ok) {
      const body = (await res.json()) as { principal?: { username?: string; label?: string; role?: Role } };
      if (body.principal?.role) return { username: body.principal.username ?? body.principal.label ?? 'report', role: body.principal.role };
    }
  } catch {
    // The server checks the token on every request anyway; the page only needs a role to show.
  }
  return { username: 'report', role: 'manager' };
}

/**
 * Prints the report in a context of its own in `browser`, closed when done or as soon as
 * `control.signal` aborts. Page waits keep their own 60 s backstop; the export's deadline is shorter
 * or equal and aborts first.
 */
export async function printSummaryPage(browser: Browser, { baseUrl, date, token, lang }: SummaryPdfRequest, control: PrintControl): Promise<Buffer> {
  const { signal } = control;
  const timeout = 60_000;
  const session = token ? { token, ...(await sessionFor(baseUrl, token, signal)), expiresAt: Date.now() + 3_600_000 } : null;
  signal.throwIfAborted();
  const context = await browser.newContext({ viewport: { width: CONTENT_WIDTH_PX, height: 1100 }, locale: lang, timezoneId: 'Asia/Shanghai' });
  // Closing the context makes whatever the page awaits reject at once: that is how a render is aborted.
  const closeContext = () => context.close().catch(() => undefined);
  signal.addEventListener('abort', closeContext, { once: true });
  try {
    signal.throwIfAborted();
    const page = await context.newPage();
    control.opened?.();
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
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    try {
      await page.waitForSelector('[data-testid="summary-ready"]', { state: 'attached', timeout });
    } catch (err) {
      if (signal.aborted) throw err;
      const shown = await page
        .locator('[data-testid="summary-error"]')
        .textContent({ timeout: 500 })
        .catch(() => null);
      throw new Error(`the report page for ${date} did not become ready (${page.url()})${shown ? `: ${shown.trim()}` : ''}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`, { cause: err });
    }
    await control.beforePrint?.(signal);
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
    signal.removeEventListener('abort', closeContext);
    await closeContext();
  }
}
