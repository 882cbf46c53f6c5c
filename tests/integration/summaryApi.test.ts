/**
 * The summary API over the real server on a backfilled data directory: JSON, CSV and PDF for a
 * manager, refused to other roles, 400 for a bad date and 404 for a day without data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../../mock-server/history/backfill';
import type { RunningServer } from '../../mock-server/server';
import type { DailySummary } from '../../src/protocol/summary';
import { readPdfInfo } from '../support/pdfInfo';
import { startTestServer } from '../support/testServer';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-summary-'));
const END = Date.parse('2026-07-16T00:00:00+08:00');
let server: RunningServer;
const tokens: Record<string, string> = {};

const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  await backfill({ dataDir, days: 1, seed: 20260701, scenario: 'storm', end: END });
  server = await startTestServer({ dataDir, start: END, scenario: 'storm' });
  for (const user of ['operator', 'dispatcher', 'manager', 'admin']) {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: `${user}-demo` }) });
    tokens[user] = ((await res.json()) as { token: string }).token;
  }
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('summary API', () => {
  it('lists the days with data', async () => {
    const res = await get('/api/summary/days', tokens.manager);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { days: string[] }).days).toContain('2026-07-15');
  });

  it('answers the day as JSON for a manager', async () => {
    const res = await get('/api/summary/2026-07-15', tokens.manager);
    expect(res.status).toBe(200);
    const s = (await res.json()) as DailySummary;
    expect(s).toMatchObject({ date: '2026-07-15', timezone: 'Asia/Shanghai', coverageMinutes: 1440 });
    expect(s.dimensions).toHaveLength(5);
    expect(s.indicators.length).toBeGreaterThanOrEqual(20);
    expect(s.indicators.every((i) => i.samples === 1440 || i.samples === 0)).toBe(true);
    expect(s.incidents.total).toBeGreaterThan(0);
    expect(s.highlights.zh.length).toBeGreaterThan(1);
    // .json is the same answer.
    expect(((await (await get('/api/summary/2026-07-15.json', tokens.admin)).json()) as DailySummary).incidents.total).toBe(s.incidents.total);
  });

  it('exports the indicator table as CSV', async () => {
    const res = await get('/api/summary/2026-07-15.csv', tokens.manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('cityops-summary-2026-07-15.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    // A UTF-8 byte-order mark, so Excel reads the Chinese names.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('date,dimension,indicator,name,name_en,unit,min,max,mean,p95,warning_minutes,alarm_minutes,breaches,previous_day_mean,seven_day_mean,warning_line,alarm_line');
    expect(lines.length).toBeGreaterThanOrEqual(21);
    expect(lines.some((l) => l.startsWith('2026-07-15,environment,env.rainMax,最大雨强,'))).toBe(true);
  });

  it('renders a PDF report that a PDF reader can open: several A4 portrait pages', async () => {
    const res = await get('/api/summary/2026-07-15.pdf', tokens.manager);
    if (res.status === 503) throw new Error(`PDF unavailable: ${await res.text()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = await readPdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    // A4 is 210 × 297 mm; Chromium rounds to whole device pixels, a fraction of a millimetre.
    info.pageSizesMm.forEach(([width, height], i) => {
      expect(Math.abs(width - 210), `page ${i + 1} width`).toBeLessThan(1);
      expect(Math.abs(height - 297), `page ${i + 1} height`).toBeLessThan(1);
    });
  }, 90_000);

  it('refuses roles that may not read reports', async () => {
    expect((await get('/api/summary/2026-07-15', tokens.operator)).status).toBe(403);
    expect((await get('/api/summary/2026-07-15.csv', tokens.dispatcher)).status).toBe(403);
    expect((await get('/api/summary/days', tokens.dispatcher)).status).toBe(403);
    expect((await get('/api/summary/2026-07-15')).status).toBe(401);
  });

  it('says 400 for a bad date and 404 for a day without data', async () => {
    for (const bad of ['2026-02-30', 'yesterday', '2026-7-15', '2026-07-15.xlsx']) {
      const res = await get(`/api/summary/${bad}`, tokens.manager);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    const none = await get('/api/summary/2020-01-01', tokens.manager);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { message: string } }).error.message).toContain('no recorded data for 2020-01-01');
    expect((await get('/api/summary/2020-01-01.csv', tokens.manager)).status).toBe(404);
  });
});
