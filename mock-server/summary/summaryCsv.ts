/**
 * The summary's indicator table as CSV (UTF-8 with a BOM so Excel reads the Chinese names). Text
 * cells that a spreadsheet would take for a formula — starting with = + - @, a tab or a carriage
 * return — are prefixed with an apostrophe (CSV injection); numbers are written as numbers.
 */
import { stringify } from 'csv-stringify/sync';
import type { DailySummary } from '../../src/protocol/summary';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

const COLUMNS = [
  'date',
  'dimension',
  'indicator',
  'name',
  'name_en',
  'unit',
  'min',
  'max',
  'mean',
  'p95',
  'warning_minutes',
  'alarm_minutes',
  'breaches',
  'previous_day_mean',
  'seven_day_mean',
  'warning_line',
  'alarm_line',
] as const;

export function summaryCsv(summary: DailySummary): string {
  const round = (v: number | null, digits: number) => (v === null ? '' : Number(v.toFixed(Math.max(digits, 2))));
  const rows = summary.indicators.map((i) => [
    summary.date,
    i.dimension,
    i.id,
    i.name,
    i.nameEn,
    i.unit,
    round(i.min, i.digits),
    round(i.max, i.digits),
    round(i.mean, i.digits),
    round(i.p95, i.digits),
    i.warningMinutes,
    i.alarmMinutes,
    i.breaches,
    round(i.previousMean, i.digits),
    round(i.weekMean, i.digits),
    i.warning,
    i.alarm,
  ]);
  return (
    '\ufeff' +
    stringify([[...COLUMNS], ...rows], {
      cast: { string: (value) => neutralise(value) },
      record_delimiter: '\r\n',
    })
  );
}
