/**
 * Typed calls to the daily-summary API (mock-server/http/summaryRoutes.ts): the summary of a day,
 * the days that have data, and the CSV / PDF exports as Blobs (a plain link cannot send the bearer
 * token, so the page downloads through apiFetch and hands the browser an object URL). Failures are
 * the shared client's `ApiError` (src/shared/apiClient.ts); `summaryErrorKind` words them for the page.
 */
import { DATE_PATTERN, type DailySummary } from '@/protocol/summary';
import { ApiError, createApiClient } from '@/shared/apiClient';

/** Why a request failed, as the page words it. */
export type SummaryErrorKind = 'badDate' | 'noData' | 'forbidden' | 'unavailable' | 'network' | 'server';

/** The page's reading of a failed summary call, by its HTTP status (0: no answer). */
export function summaryErrorKind(err: ApiError): SummaryErrorKind {
  if (err.status === 0) return 'network';
  if (err.status === 400) return 'badDate';
  if (err.status === 404) return 'noData';
  if (err.status === 401 || err.status === 403) return 'forbidden';
  if (err.status === 503) return 'unavailable';
  return 'server';
}

/** `csv`: the indicator table; `evaluationCsv`: the evaluation table (综合评价); `pdf`: the report. */
export type ExportFormat = 'csv' | 'evaluationCsv' | 'pdf';

export interface SummaryApi {
  get(date: string): Promise<DailySummary>;
  /** Dates with data, newest first. */
  days(): Promise<string[]>;
  /** The simulated clock's current time (epoch ms), or null when the server does not say. */
  simTime(): Promise<number | null>;
  download(date: string, format: ExportFormat, lang?: string): Promise<Blob>;
}

export function summaryUrl(date: string, format?: ExportFormat, lang?: string): string {
  if (format === 'evaluationCsv') return `/api/summary/${encodeURIComponent(date)}.csv?table=evaluation`;
  const base = `/api/summary/${encodeURIComponent(date)}${format ? `.${format}` : ''}`;
  return lang && format === 'pdf' ? `${base}?lang=${encodeURIComponent(lang)}` : base;
}

export function createSummaryApi(fetchImpl?: typeof fetch): SummaryApi {
  const api = createApiClient({ fetchImpl });

  return {
    async get(date) {
      // Checked here too, so a typo in the URL never reaches the server as a path.
      if (!DATE_PATTERN.test(date)) throw new ApiError(400, 'BAD_REQUEST', `not a date: ${date}`);
      return api.json<DailySummary>(summaryUrl(date));
    },
    async days() {
      const body = await api.json<{ days?: unknown }>('/api/summary/days');
      return Array.isArray(body.days) ? body.days.filter((d): d is string => typeof d === 'string' && DATE_PATTERN.test(d)) : [];
    },
    async simTime() {
      try {
        const body = await api.json<{ simulator?: { simTime?: string } }>('/api/health');
        const t = Date.parse(body.simulator?.simTime ?? '');
        return Number.isFinite(t) ? t : null;
      } catch {
        return null;
      }
    },
    async download(date, format, lang) {
      const res = await api.request(summaryUrl(date, format, lang), { headers: { accept: format === 'pdf' ? 'application/pdf' : 'text/csv' } });
      return res.blob();
    },
  };
}
