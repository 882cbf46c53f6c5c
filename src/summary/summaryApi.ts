/**
 * Typed calls to the daily-summary API (mock-server/http/summaryRoutes.ts): the summary of a day,
 * the days that have data, and the CSV / PDF exports as Blobs (a plain link cannot send the bearer
 * token, so the page downloads through apiFetch and hands the browser an object URL).
 */
import type { ErrorCode } from '@/protocol/events';
import { DATE_PATTERN, type DailySummary } from '@/protocol/summary';

/** Why a request failed, as the page words it. */
export type SummaryErrorKind = 'badDate' | 'noData' | 'forbidden' | 'unavailable' | 'network' | 'server';

export class SummaryApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
  ) {
    super(message);
    this.name = 'SummaryApiError';
  }

  get kind(): SummaryErrorKind {
    if (this.status === 0) return 'network';
    if (this.status === 400) return 'badDate';
    if (this.status === 404) return 'noData';
    if (this.status === 401 || this.status === 403) return 'forbidden';
    if (this.status === 503) return 'unavailable';
    return 'server';
  }
}

export type ExportFormat = 'csv' | 'pdf';

export interface SummaryApi {
  get(date: string): Promise<DailySummary>;
  /** Dates with data, newest first. */
  days(): Promise<string[]>;
  /** The simulated clock's current time (epoch ms), or null when the server does not say. */
  simTime(): Promise<number | null>;
  download(date: string, format: ExportFormat, lang?: string): Promise<Blob>;
}

async function toError(res: Response): Promise<SummaryApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: ErrorCode; message?: string } };
    if (body.error?.code) return new SummaryApiError(res.status, body.error.code, body.error.message ?? body.error.code);
  } catch {
    // Not JSON (a proxy's page, a PDF route that crashed): a generic error with the status.
  }
  const code: ErrorCode = res.status === 401 ? 'UNAUTHORIZED' : res.status === 403 ? 'FORBIDDEN' : res.status === 404 ? 'NOT_FOUND' : res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  return new SummaryApiError(res.status, code, `HTTP ${res.status}`);
}

export function summaryUrl(date: string, format?: ExportFormat, lang?: string): string {
  const base = `/api/summary/${encodeURIComponent(date)}${format ? `.${format}` : ''}`;
  return lang && format === 'pdf' ? `${base}?lang=${encodeURIComponent(lang)}` : base;
}

export function createSummaryApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): SummaryApi {
  async function request(url: string, accept: string): Promise<Response> {
    let res: Response;
    try {
      res = await fetchImpl(url, { headers: { accept } });
    } catch (err) {
      throw new SummaryApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
    }
    if (!res.ok) throw await toError(res);
    return res;
  }

  return {
    async get(date) {
      // Checked here too, so a typo in the URL never reaches the server as a path.
      if (!DATE_PATTERN.test(date)) throw new SummaryApiError(400, 'BAD_REQUEST', `not a date: ${date}`);
      return (await (await request(summaryUrl(date), 'application/json')).json()) as DailySummary;
    },
    async days() {
      const body = (await (await request('/api/summary/days', 'application/json')).json()) as { days?: unknown };
      return Array.isArray(body.days) ? body.days.filter((d): d is string => typeof d === 'string' && DATE_PATTERN.test(d)) : [];
    },
    async simTime() {
      try {
        const body = (await (await request('/api/health', 'application/json')).json()) as { simulator?: { simTime?: string } };
        const t = Date.parse(body.simulator?.simTime ?? '');
        return Number.isFinite(t) ? t : null;
      } catch {
        return null;
      }
    },
    async download(date, format, lang) {
      return (await request(summaryUrl(date, format, lang), format === 'pdf' ? 'application/pdf' : 'text/csv')).blob();
    },
  };
}
