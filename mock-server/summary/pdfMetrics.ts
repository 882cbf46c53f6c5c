/**
 * The PDF export's figures for Prometheus (issue 17, finding 2), read from its stats at each scrape:
 * reports printing and waiting now, and since start how many were printed, refused as busy,
 * cancelled by their caller, past their deadline or failed, and how many browsers were launched.
 */
import { Counter, Gauge, type Metric } from 'prom-client';
import type { PdfExportStats } from './pdfExport';

const OUTCOMES = ['printed', 'refused', 'cancelled', 'timedOut', 'failed'] as const;

/** The metrics, unregistered: the server's registry adopts them (ops/cityMetrics.ts). */
export function pdfExportMetrics(stats: () => PdfExportStats): Metric[] {
  return [
    new Gauge({
      name: 'cityops_pdf_renders',
      help: 'PDF reports printing now (running, at most the export\'s concurrency) and waiting behind them (queued)',
      labelNames: ['state'] as const,
      registers: [],
      collect() {
        const s = stats();
        this.set({ state: 'running' }, s.running);
        this.set({ state: 'queued' }, s.queued);
      },
    }),
    new Counter({
      name: 'cityops_pdf_renders_total',
      help: 'PDF reports asked for, by outcome: printed, refused (busy: 429), cancelled (the caller went away), timedOut (504), failed',
      labelNames: ['outcome'] as const,
      registers: [],
      collect() {
        // The export keeps the counts; a counter set from them stays monotonic because they are.
        const s = stats();
        this.reset();
        for (const outcome of OUTCOMES) this.inc({ outcome }, s[outcome]);
      },
    }),
    new Counter({
      name: 'cityops_pdf_browser_launches_total',
      help: 'Chromium launches by the PDF export: one for the server\'s life unless the browser died',
      registers: [],
      collect() {
        this.reset();
        this.inc(stats().launches);
      },
    }),
  ];
}
