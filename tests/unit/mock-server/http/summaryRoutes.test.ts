import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../../../../mock-server/http/errors';
import { summaryRoutes, type PdfRequest } from '../../../../mock-server/http/summaryRoutes';
import { PdfRefusal, PdfUnavailableError } from '../../../../mock-server/summary/pdfReport';
import type { SummarySource } from '../../../../mock-server/summary/summaryData';

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** The summary routes over a history that has every day, with the PDF renderer the test gives. */
async function appRendering(renderPdf: (req: PdfRequest, signal: AbortSignal) => Promise<Buffer>) {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  apps.push(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  const source = { history: { hasMinutes: async () => true, days: async () => [] } } as unknown as SummarySource;
  await app.register(summaryRoutes({ source, guard: () => async () => undefined, tokenOf: () => undefined, renderPdf, simNow: () => 0 }));
  await app.ready();
  return app;
}

/** Caller-gone cancellation needs a real socket: tests/integration/summaryPdfLimits.test.ts proves it. */
describe('the summary PDF route', () => {
  it('answers a refusal with its status, Retry-After and the error body', async () => {
    for (const [refusal, status, code] of [
      [new PdfRefusal('RATE_LIMITED', 'PDF export is busy (2 reports printing, 4 waiting): try again in 30 s', 429, 30), 429, 'RATE_LIMITED'],
      [new PdfUnavailableError('PDF export needs Chromium, not found at /nope'), 503, 'INTERNAL'],
      [new PdfRefusal('INTERNAL', 'the PDF report was not printed within 60 s', 504, 12), 504, 'INTERNAL'],
    ] as const) {
      const app = await appRendering(async () => Promise.reject(refusal));
      const res = await app.inject({ method: 'GET', url: '/api/summary/2026-07-15.pdf' });
      expect(res.statusCode).toBe(status);
      expect(res.headers['retry-after']).toBe(String(refusal.retryAfterSeconds));
      expect(res.json()).toEqual({ error: { code, message: refusal.message } });
    }
  });
});
