/**
 * The manager's daily summary: `GET /api/summary/:date` (JSON), `:date.csv` (the indicator table),
 * `:date.pdf` (the printable report, rendered by Chromium from the summary page), and
 * `GET /api/summary/days` (the days with data). Managers and admins only. A malformed or impossible
 * date is 400; a day without recorded data is 404, never an empty report.
 */
import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../src/protocol/auth';
import { shanghaiDayStart } from '../../src/protocol/summary';
import { summaryCsv } from '../summary/summaryCsv';
import { loadDailySummary, type SummarySource } from '../summary/summaryData';
import { DomainError } from '../domainError';
import { securityFor } from './openApiSecurity';

export interface PdfRequest {
  baseUrl: string;
  date: string;
  token: string | undefined;
  lang: 'zh-CN' | 'en';
}

export interface SummaryRouteDeps {
  source: SummarySource;
  guard: (permission: Permission) => preHandlerHookHandler;
  /** The caller's token, for the PDF renderer to open the page as them. */
  tokenOf: (request: FastifyRequest) => string | undefined;
  /** Renders the report page to PDF; throws a DomainError with HTTP status 503 when it cannot (no Chromium). */
  renderPdf?: (req: PdfRequest) => Promise<Buffer>;
  /** The simulated now (the day in progress is summarised up to it). */
  simNow: () => number;
}

const DateParams = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}(\.(json|csv|pdf))?$/, 'date must be YYYY-MM-DD, optionally with .json, .csv or .pdf'),
});
const DAY_MS = 86_400_000;
const DaysSchema = z.object({ days: z.array(z.string()) });
const PdfQuery = z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

export const summaryRoutes =
  (deps: SummaryRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const reports = { preHandler: deps.guard('readReports') };
    const doc = { tags: ['summary'], security: securityFor('readReports') };

    app.get('/api/summary/days', { ...reports, schema: { ...doc, response: { 200: DaysSchema } } }, async () => ({ days: await deps.source.history.days() }));

    app.get('/api/summary/:date', { ...reports, schema: { ...doc, summary: 'The daily report as JSON, CSV (.csv) or PDF (.pdf)', produces: ['application/json', 'text/csv', 'application/pdf'], params: DateParams, querystring: PdfQuery } }, async (request, reply) => {
      const [date, format = 'json'] = request.params.date.split('.');
      const from = shanghaiDayStart(date);
      if (from === null) throw new DomainError('BAD_REQUEST', `${date} is not a calendar date`);
      // The same 404 for every format, checked without building the report.
      if (!(await deps.source.history.hasMinutes(from, from + DAY_MS))) {
        throw new DomainError('NOT_FOUND', `no recorded data for ${date}: the city was not running that day (a fresh install can backfill: npm run backfill -- --days 7)`);
      }
      if (format === 'pdf') {
        if (!deps.renderPdf) throw new DomainError('INTERNAL', 'PDF export is not available on this server', 503);
        const pdf = await deps.renderPdf({ baseUrl: `http://127.0.0.1:${request.socket.localPort}`, date, token: deps.tokenOf(request), lang: request.query.lang });
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="cityops-summary-${date}.pdf"`).send(pdf);
      }
      const summary = (await loadDailySummary(deps.source, date, deps.simNow()))!;
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="cityops-summary-${date}.csv"`).send(summaryCsv(summary));
      }
      return summary;
    });
  };
