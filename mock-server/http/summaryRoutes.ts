/**
 * The manager's daily summary: `GET /api/summary/:date` (JSON), `:date.csv` (the indicator table, or
 * `?table=evaluation` the evaluation of case handling),
 * `:date.pdf` (the printable report, rendered by Chromium from the summary page; 429/503/504 with
 * Retry-After when busy, unavailable or late), and
 * `GET /api/summary/days` (the days with data). Managers and admins only. A malformed or impossible
 * date is 400; a day without recorded data is 404, never an empty report.
 */
import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../src/protocol/auth';
import { CaseEvaluationSchema } from '../../src/protocol/caseEvaluation';
import { shanghaiDayStart, type DailySummary } from '../../src/protocol/summary';
import { SUMMARY_TABLES, summaryCsv } from '../summary/summaryCsv';
import { loadDailySummary, type SummarySource } from '../summary/summaryData';
import { PdfRefusal } from '../summary/pdfReport';
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
  /**
   * Renders the report page to PDF (summary/pdfExport.ts); `signal` aborts when the caller goes away.
   * A PdfRefusal (busy, no Chromium, past the deadline) is answered with its status and Retry-After.
   */
  renderPdf?: (req: PdfRequest, signal: AbortSignal) => Promise<Buffer>;
  /** The simulated now (the day in progress is summarised up to it). */
  simNow: () => number;
}

const DateParams = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}(\.(json|csv|pdf))?$/, 'date must be YYYY-MM-DD, optionally with .json, .csv or .pdf'),
});
const DAY_MS = 86_400_000;
const DaysSchema = z.object({ days: z.array(z.string()) });
const Query = z.object({
  /** The PDF's language. */
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** Which table the CSV holds. */
  table: z.enum(SUMMARY_TABLES).default('indicators'),
});
/**
 * The JSON report: DailySummary (src/protocol/summary.ts, docs/api.md). The schema spells out the
 * day and the evaluation (综合评价); the other sections are described in docs/api.md.
 */
const SummaryResponse = z.object({
  date: z.string(),
  timezone: z.literal('Asia/Shanghai'),
  from: z.number(),
  to: z.number(),
  coverageMinutes: z.number(),
  generatedAt: z.number(),
  dimensions: z.array(z.unknown()),
  indicators: z.array(z.unknown()),
  incidents: z.unknown(),
  flood: z.unknown(),
  evaluation: CaseEvaluationSchema,
  highlights: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
});
// The serializer keeps only the schema's keys: every section of DailySummary must be named in it.
const everySection: [Exclude<keyof DailySummary, keyof z.infer<typeof SummaryResponse>>] extends [never] ? true : never = true;
void everySection;
const Responses = {
  200: {
    description: 'The report: JSON, the CSV table, or the PDF',
    content: {
      'application/json': { schema: SummaryResponse },
      'text/csv': { schema: z.string() },
      'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
    },
  },
};

export const summaryRoutes =
  (deps: SummaryRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const reports = { preHandler: deps.guard('readReports') };
    const doc = { tags: ['summary'], security: securityFor('readReports') };

    app.get('/api/summary/days', { ...reports, schema: { ...doc, response: { 200: DaysSchema } } }, async () => ({ days: await deps.source.history.days() }));

    app.get('/api/summary/:date', { ...reports, schema: { ...doc, summary: 'The daily report as JSON, CSV (.csv) or PDF (.pdf)', produces: ['application/json', 'text/csv', 'application/pdf'], params: DateParams, querystring: Query, response: Responses } }, async (request, reply) => {
      const [date, format = 'json'] = request.params.date.split('.');
      const from = shanghaiDayStart(date);
      if (from === null) throw new DomainError('BAD_REQUEST', `${date} is not a calendar date`);
      // The same 404 for every format, checked without building the report.
      if (!(await deps.source.history.hasMinutes(from, from + DAY_MS))) {
        throw new DomainError('NOT_FOUND', `no recorded data for ${date}: the city was not running that day (a fresh install can backfill: npm run backfill -- --days 7)`);
      }
      if (format === 'pdf') {
        if (!deps.renderPdf) throw new DomainError('INTERNAL', 'PDF export is not available on this server', 503);
        // The response closing before it is written means the caller went away: its render is dropped or aborted.
        const callerGone = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableFinished) callerGone.abort();
        };
        reply.raw.once('close', onClose);
        // Gone already, while the day was being looked up.
        if (request.raw.socket.destroyed) callerGone.abort();
        const pdf = await deps
          .renderPdf({ baseUrl: `http://127.0.0.1:${request.socket.localPort}`, date, token: deps.tokenOf(request), lang: request.query.lang }, callerGone.signal)
          .catch((err: unknown) => {
            if (err instanceof PdfRefusal && err.retryAfterSeconds > 0) reply.header('retry-after', String(err.retryAfterSeconds));
            throw err;
          })
          .finally(() => reply.raw.off('close', onClose));
        // Bytes: the response schema documents them as OpenAPI's binary string, which zod types as a string.
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="cityops-summary-${date}.pdf"`).send(pdf as unknown as string);
      }
      const summary = (await loadDailySummary(deps.source, date, deps.simNow()))!;
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="cityops-summary-${date}.csv"`).send(summaryCsv(summary, request.query.table));
      }
      return summary;
    });
  };
