/**
 * PDF export under load, over the real server and real Chromium (issue 17, finding 2): eight
 * reports asked at once share one browser, at most two print at a time, four wait, the rest are
 * told 429 with Retry-After; a caller who goes away has its queued job dropped or its running
 * render closed; the browser is closed with the server. Renders are held at a gate before printing
 * (the export's test hook), so nothing here depends on how fast this machine renders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../../mock-server/history/backfill';
import type { RunningServer } from '../../mock-server/server';
import { readPdfInfo } from '../support/pdfInfo';
import { startTestServer } from '../support/testServer';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-pdf-limits-'));
const END = Date.parse('2026-07-16T00:00:00+08:00');
let server: RunningServer;
let token = '';

/** Renders wait here, page loaded and ready, until the test opens it (or their render is aborted). */
const gate = (() => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { entered: 0, open: () => open(), opened };
})();

async function beforePrint(signal: AbortSignal): Promise<void> {
  gate.entered++;
  await Promise.race([gate.opened, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))]);
}

const ask = (signal?: AbortSignal) => fetch(`${server.url}/api/summary/2026-07-15.pdf?lang=en`, { headers: { authorization: `Bearer ${token}` }, signal });
const stats = () => server.pdfExport.stats();

beforeAll(async () => {
  await backfill({ dataDir, days: 1, seed: 20260701, scenario: 'storm', end: END });
  server = await startTestServer({ dataDir, start: END, scenario: 'storm' }, { pdf: { concurrency: 2, maxQueued: 4, beforePrint } });
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: 'manager-demo' }) });
  token = ((await res.json()) as { token: string }).token;
}, 120_000);

afterAll(async () => {
  gate.open();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('PDF export under load', () => {
  it('shares one browser, prints two at a time, queues four, refuses the rest with 429 and drops callers who left', async () => {
    const poll = { timeout: 90_000, interval: 50 };
    // Two renders take the two slots and wait at the gate with their pages open.
    const leavesWhileRunning = new AbortController();
    const a = ask();
    const b = ask(leavesWhileRunning.signal).catch((e: unknown) => e);
    await expect.poll(() => gate.entered, poll).toBe(2);
    expect(stats()).toMatchObject({ running: 2, queued: 0, pagesOpen: 2 });

    // Four more wait behind them.
    const leavesWhileQueued = new AbortController();
    const c = ask();
    const d = ask(leavesWhileQueued.signal).catch((e: unknown) => e);
    const e = ask();
    const f = ask();
    await expect.poll(() => stats().queued, poll).toBe(4);

    // The seventh and eighth are refused at once, told when to come back.
    for (const refused of await Promise.all([ask(), ask()])) {
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.message).toMatch(/PDF/);
    }
    expect(stats().refused).toBe(2);

    // A queued caller leaves: its job is dropped before it starts.
    leavesWhileQueued.abort();
    await expect.poll(() => stats().queued, poll).toBe(3);
    expect(stats().cancelled).toBe(1);
    expect((await d as Error).name).toBe('AbortError');

    // A running caller leaves: its page is closed and the next in the queue takes the slot.
    leavesWhileRunning.abort();
    expect((await b as Error).name).toBe('AbortError');
    await expect.poll(() => stats().cancelled, poll).toBe(2);
    await expect.poll(() => gate.entered, poll).toBe(3);
    expect(stats()).toMatchObject({ running: 2, queued: 2 });
    expect(stats().pagesOpen).toBeLessThanOrEqual(2);

    gate.open();
    const done = await Promise.all([a, c, e, f]);
    for (const res of done) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect((await readPdfInfo(Buffer.from(await res.arrayBuffer()))).pages).toBeGreaterThanOrEqual(1);
    }
    const after = stats();
    // One browser for all; never more than two pages printing; each caller who left never printed.
    expect(after.launches).toBe(1);
    expect(after.peakPagesOpen).toBeLessThanOrEqual(2);
    expect(after.peakRunning).toBe(2);
    expect(after).toMatchObject({ printed: 4, completed: 4, cancelled: 2, refused: 2, running: 0, queued: 0, pagesOpen: 0 });
    // The dropped job never opened a page: five renders reached the gate (a, b, c, e, f).
    expect(gate.entered).toBe(5);
    expect(after.browserConnected).toBe(true);
    // The same figures for Prometheus.
    const scraped = await server.metrics.text();
    expect(scraped).toContain('cityops_pdf_renders_total{outcome="refused"} 2');
    expect(scraped).toContain('cityops_pdf_renders_total{outcome="printed"} 4');
    expect(scraped).toContain('cityops_pdf_renders{state="running"} 0');
    expect(scraped).toContain('cityops_pdf_browser_launches_total 1');
  }, 180_000);

  it('closes the browser when the server closes', async () => {
    await server.close();
    expect(server.pdfExport.stats().browserConnected).toBe(false);
    server = undefined as unknown as RunningServer;
  });
});
