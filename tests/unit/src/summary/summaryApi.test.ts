import { describe, expect, it } from 'vitest';
import { ApiError } from '@/shared/apiClient';
import { createSummaryApi, summaryErrorKind, summaryUrl } from '@/summary/summaryApi';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('summary API client', () => {
  it('reads the server’s {error} into a typed error with its kind', async () => {
    const api = createSummaryApi(async () => json(404, { error: { code: 'NOT_FOUND', message: 'no recorded data for 2026-07-01' } }));
    const err = (await api.get('2026-07-01').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.code, summaryErrorKind(err), err.message]).toEqual([404, 'NOT_FOUND', 'noData', 'no recorded data for 2026-07-01']);
  });

  it('refuses a malformed date without asking the server, and names other failures', async () => {
    let asked = 0;
    const api = createSummaryApi(async () => {
      asked++;
      return new Response('<html>bad gateway</html>', { status: 502 });
    });
    expect(summaryErrorKind((await api.get('2026-7-1').catch((e: unknown) => e)) as ApiError)).toBe('badDate');
    expect(asked).toBe(0);
    const err = (await api.get('2026-07-01').catch((e: unknown) => e)) as ApiError;
    expect([summaryErrorKind(err), err.code, err.message]).toEqual(['server', 'INTERNAL', 'HTTP 502']);
    const down = createSummaryApi(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(summaryErrorKind((await down.days().catch((e: unknown) => e)) as ApiError)).toBe('network');
  });

  it('lists days, reads the simulated clock and downloads exports as blobs', async () => {
    const seen: string[] = [];
    const api = createSummaryApi(async (input) => {
      const url = String(input);
      seen.push(url);
      if (url === '/api/summary/days') return json(200, { days: ['2026-07-15', 'junk', '2026-07-14'] });
      if (url === '/api/health') return json(200, { simulator: { simTime: '2026-07-16T01:00:00.000Z' } });
      return new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } });
    });
    expect(await api.days()).toEqual(['2026-07-15', '2026-07-14']);
    expect(await api.simTime()).toBe(Date.parse('2026-07-16T01:00:00Z'));
    const blob = await api.download('2026-07-15', 'pdf', 'en');
    expect(await blob.text()).toBe('%PDF-1.7');
    expect(seen.at(-1)).toBe('/api/summary/2026-07-15.pdf?lang=en');
    expect(summaryUrl('2026-07-15', 'csv')).toBe('/api/summary/2026-07-15.csv');
    expect(summaryUrl('2026-07-15', 'evaluationCsv', 'en')).toBe('/api/summary/2026-07-15.csv?table=evaluation');
  });
});
