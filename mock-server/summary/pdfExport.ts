/**
 * PDF export as a shared, bounded service (issue 17, finding 2): one browser for the server's life
 * (sharedBrowser.ts), at most `concurrency` reports printing, `maxQueued` waiting, a deadline per
 * render, and a render dropped or aborted when its caller goes away (renderQueue.ts). Refusals are
 * PdfRefusals the route answers with their status and `Retry-After`: 429 busy, 503 no Chromium or
 * shutting down, 504 past the deadline.
 */
import type { Browser } from 'playwright-core';
import { QueueRefusal, RenderQueue, type RenderQueueStats } from './renderQueue';
import { CHROMIUM_PATH, launchChromium, PdfRefusal, PdfUnavailableError, printSummaryPage, type PrintControl, type SummaryPdfRequest } from './pdfReport';
import { SharedBrowser } from './sharedBrowser';

export interface PdfExportOptions {
  /** Reports printing at once (each a page in the one browser). */
  concurrency: number;
  /** Reports waiting behind them; one more is answered 429. */
  maxQueued: number;
  /** Each render's time from its start (browser launch and page load included), ms. */
  deadlineMs: number;
  chromiumPath: string;
  /** Test hook: awaited with the page ready, just before printing; must honour its signal. */
  beforePrint?: (signal: AbortSignal) => Promise<void>;
  /** Starts the browser (unit tests inject a fake). */
  launch?: (chromiumPath: string) => Promise<Browser>;
  /** Prints one report (unit tests inject a fake). */
  print?: (browser: Browser, req: SummaryPdfRequest, control: PrintControl) => Promise<Buffer>;
}

export const DEFAULT_PDF_EXPORT: PdfExportOptions = { concurrency: 2, maxQueued: 4, deadlineMs: 60_000, chromiumPath: CHROMIUM_PATH };

/** The queue's figures, with the browser's: launches, pages open now and at most, reports printed. */
export interface PdfExportStats extends RenderQueueStats {
  launches: number;
  browserConnected: boolean;
  pagesOpen: number;
  peakPagesOpen: number;
  printed: number;
}

/** Seconds to come back when the server is shutting down (a restart takes about this). */
const SHUTDOWN_RETRY_S = 30;
/** A non-standard status (nginx's) for a caller gone: nobody reads it, the log says what happened. */
const CALLER_GONE = 499;

export class PdfExport {
  private readonly options: PdfExportOptions;
  private readonly queue: RenderQueue;
  private readonly browser: SharedBrowser<Browser>;
  private current: Browser | null = null;
  private peakPagesOpen = 0;
  private printed = 0;

  constructor(options: Partial<PdfExportOptions> = {}) {
    this.options = { ...DEFAULT_PDF_EXPORT, ...options };
    const { concurrency, maxQueued, deadlineMs, chromiumPath, launch = launchChromium } = this.options;
    this.queue = new RenderQueue({ concurrency, maxQueued, deadlineMs });
    this.browser = new SharedBrowser(() => launch(chromiumPath));
  }

  /** The report as PDF bytes; a PdfRefusal when it is refused, late, unavailable, or `caller` aborts. */
  async render(req: SummaryPdfRequest, caller?: AbortSignal): Promise<Buffer> {
    const print = this.options.print ?? printSummaryPage;
    try {
      return await this.queue.run(async (signal) => {
        const browser = await this.launched();
        // Aborted while the browser was launching: open no page.
        signal.throwIfAborted();
        const pdf = await print(browser, req, { signal, beforePrint: this.options.beforePrint, opened: () => this.notePages(browser) });
        this.printed++;
        return pdf;
      }, caller);
    } catch (err) {
      throw err instanceof QueueRefusal ? this.refusalOf(err) : err;
    }
  }

  private async launched(): Promise<Browser> {
    try {
      this.current = await this.browser.get();
      return this.current;
    } catch (err) {
      if (err instanceof PdfUnavailableError) throw err;
      throw new PdfUnavailableError(`PDF export cannot start Chromium: ${(err as Error).message}`);
    }
  }

  private notePages(browser: Browser): void {
    // Counted by the browser itself, so a test sees what Chromium holds, not what the queue believes.
    this.peakPagesOpen = Math.max(this.peakPagesOpen, this.pagesIn(browser));
  }

  private pagesIn(browser: Browser | null): number {
    return browser?.isConnected() ? browser.contexts().reduce((n, context) => n + context.pages().length, 0) : 0;
  }

  private refusalOf(refusal: QueueRefusal): PdfRefusal {
    const { concurrency, maxQueued, deadlineMs } = this.options;
    switch (refusal.reason) {
      case 'busy': {
        const seconds = this.queue.retryAfterSeconds();
        return new PdfRefusal('RATE_LIMITED', `PDF export is busy (${concurrency} reports printing, ${maxQueued} waiting): try again in ${seconds} s`, 429, seconds);
      }
      case 'deadline':
        return new PdfRefusal('INTERNAL', `the PDF report was not printed within ${Math.round(deadlineMs / 1000)} s (the server is loaded or the report page did not load): try again later`, 504, this.queue.retryAfterSeconds());
      case 'closed':
        return new PdfUnavailableError('PDF export is stopping: the server is shutting down', SHUTDOWN_RETRY_S);
      case 'cancelled':
        return new PdfRefusal('BAD_REQUEST', 'the caller went away before the PDF report was printed', CALLER_GONE, 0);
    }
  }

  stats(): PdfExportStats {
    return {
      ...this.queue.stats(),
      launches: this.browser.launches,
      browserConnected: this.browser.connected(),
      pagesOpen: this.pagesIn(this.current),
      peakPagesOpen: this.peakPagesOpen,
      printed: this.printed,
    };
  }

  /** Refuses new renders, aborts running ones and closes the browser (server shutdown). */
  async close(): Promise<void> {
    await this.queue.close();
    await this.browser.close();
  }
}
