import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfExport } from '../../../../mock-server/summary/pdfExport';
import { PdfUnavailableError, type PdfRefusal, type PrintControl } from '../../../../mock-server/summary/pdfReport';

const REQ = { baseUrl: 'http://127.0.0.1:1', date: '2026-07-15', token: undefined, lang: 'en' as const };

function fakeBrowser(): Browser {
  let connected = true;
  return {
    isConnected: () => connected,
    close: async () => {
      connected = false;
    },
    contexts: () => [],
  } as unknown as Browser;
}

/** A print that waits until its signal aborts (a render that never finishes on its own). */
const hangingPrint = (_b: Browser, _r: unknown, { signal }: PrintControl) =>
  new Promise<Buffer>((_, reject) => signal.addEventListener('abort', () => reject(new Error('page closed')), { once: true }));

const refusalOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as PdfRefusal);

afterEach(() => {
  vi.useRealTimers();
});

describe('PdfExport', () => {
  it('answers 503 with Retry-After when Chromium cannot start, and tries again on the next report', async () => {
    let launches = 0;
    const pdfs = new PdfExport({
      launch: async () => {
        launches++;
        if (launches === 1) throw new Error('spawn /usr/bin/chromium ENOENT');
        return fakeBrowser();
      },
      print: async () => Buffer.from('%PDF-1.7'),
    });
    const refusal = await refusalOf(pdfs.render(REQ));
    expect(refusal).toBeInstanceOf(PdfUnavailableError);
    expect(refusal).toMatchObject({ code: 'INTERNAL', httpStatus: 503 });
    expect(refusal!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal!.message).toContain('ENOENT');
    expect((await pdfs.render(REQ)).toString()).toBe('%PDF-1.7');
    expect(pdfs.stats()).toMatchObject({ launches: 2, printed: 1, failed: 1, completed: 1 });
    await pdfs.close();
  });

  it('names a missing Chromium path in its 503', async () => {
    const pdfs = new PdfExport({ chromiumPath: '/nonexistent/chromium' });
    const refusal = await refusalOf(pdfs.render(REQ));
    expect(refusal).toMatchObject({ httpStatus: 503 });
    expect(refusal!.message).toContain('/nonexistent/chromium');
    await pdfs.close();
  });

  it('answers 429 RATE_LIMITED with Retry-After past the queue, sharing one browser among the renders', async () => {
    let launches = 0;
    const pdfs = new PdfExport({ concurrency: 1, maxQueued: 1, launch: async () => (launches++, fakeBrowser()), print: hangingPrint });
    const running = refusalOf(pdfs.render(REQ));
    const queued = refusalOf(pdfs.render(REQ));
    const refusal = await refusalOf(pdfs.render(REQ));
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED', httpStatus: 429 });
    expect(refusal!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal!.message).toMatch(/busy/);
    await pdfs.close();
    // Shutdown answers what ran and what waited with 503.
    expect(await running).toMatchObject({ httpStatus: 503 });
    expect(await queued).toMatchObject({ httpStatus: 503 });
    expect(launches).toBe(1);
    expect(await refusalOf(pdfs.render(REQ))).toMatchObject({ httpStatus: 503 });
  });

  it('answers 504 with a clear message when a render passes its deadline, and closes its page', async () => {
    vi.useFakeTimers();
    let aborted = false;
    const pdfs = new PdfExport({
      deadlineMs: 2_000,
      launch: async () => fakeBrowser(),
      print: (b, r, control) => {
        control.signal.addEventListener('abort', () => (aborted = true));
        return hangingPrint(b, r, control);
      },
    });
    const pending = refusalOf(pdfs.render(REQ));
    await vi.advanceTimersByTimeAsync(2_000);
    const refusal = await pending;
    expect(refusal).toMatchObject({ code: 'INTERNAL', httpStatus: 504 });
    expect(refusal!.message).toContain('not printed within 2 s');
    expect(aborted).toBe(true);
    expect(pdfs.stats()).toMatchObject({ timedOut: 1, running: 0 });
    await pdfs.close();
  });
});
