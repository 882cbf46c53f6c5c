import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { PdfExportStats } from '../../../../mock-server/summary/pdfExport';
import { pdfExportMetrics } from '../../../../mock-server/summary/pdfMetrics';

const STATS: PdfExportStats = {
  running: 2, queued: 3, peakRunning: 2, completed: 7, failed: 1, refused: 4, cancelled: 2, timedOut: 1,
  launches: 1, browserConnected: true, pagesOpen: 2, peakPagesOpen: 2, printed: 7,
};

describe('pdfExportMetrics', () => {
  it('reports renders running and queued, outcomes and browser launches at each scrape', async () => {
    const registry = new Registry();
    let stats = STATS;
    for (const metric of pdfExportMetrics(() => stats)) registry.registerMetric(metric);
    const text = await registry.metrics();
    expect(text).toContain('cityops_pdf_renders{state="running"} 2');
    expect(text).toContain('cityops_pdf_renders{state="queued"} 3');
    expect(text).toContain('cityops_pdf_renders_total{outcome="printed"} 7');
    expect(text).toContain('cityops_pdf_renders_total{outcome="refused"} 4');
    expect(text).toContain('cityops_pdf_renders_total{outcome="cancelled"} 2');
    expect(text).toContain('cityops_pdf_renders_total{outcome="timedOut"} 1');
    expect(text).toContain('cityops_pdf_browser_launches_total 1');
    stats = { ...STATS, running: 0, queued: 0, printed: 9 };
    const later = await registry.metrics();
    expect(later).toContain('cityops_pdf_renders{state="running"} 0');
    expect(later).toContain('cityops_pdf_renders_total{outcome="printed"} 9');
  });
});
