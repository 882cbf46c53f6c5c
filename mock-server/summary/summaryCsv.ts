/**
 * The summary's tables as CSV (UTF-8 with a BOM so Excel reads the Chinese names): the indicators,
 * or the evaluation of case handling (综合评价: the city, each street, cell and department). Text
 * cells that a spreadsheet would take for a formula — starting with = + - @, a tab or a carriage
 * return — are prefixed with an apostrophe (CSV injection); numbers are written as numbers.
 */
import { stringify } from 'csv-stringify/sync';
import { DEPARTMENT_NAMES, type EvaluationFigures } from '../../src/protocol/caseEvaluation';
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

/** The tables a summary exports. */
export const SUMMARY_TABLES = ['indicators', 'evaluation'] as const;
export type SummaryTable = (typeof SUMMARY_TABLES)[number];

const csvOf = (rows: (string | number)[][]) =>
  '\ufeff' + stringify(rows, { cast: { string: (value) => neutralise(value) }, record_delimiter: '\r\n' });

const EVALUATION_COLUMNS = ['date', 'level', 'code', 'name', 'name_en', 'street_code', 'registered', 'due', 'on_time', 'handled', 'rework', 'closed', 'on_time_rate', 'closure_rate', 'rework_rate'] as const;

/** The evaluation: the city's row, then streets (worst on-time rate first), cells (busiest first), departments; rates as fractions. */
export function evaluationCsv(summary: DailySummary): string {
  const { city, streets, cells, departments } = summary.evaluation;
  const rate = (r: number | null) => (r === null ? '' : Number(r.toFixed(4)));
  const row = (level: string, code: string, name: string, nameEn: string, streetCode: string, f: EvaluationFigures) =>
    [summary.date, level, code, name, nameEn, streetCode, f.registered, f.due, f.onTime, f.handled, f.rework, f.closed, rate(f.onTimeRate), rate(f.closureRate), rate(f.reworkRate)];
  return csvOf([
    [...EVALUATION_COLUMNS],
    row('city', '', '全市', 'City', '', city),
    ...streets.map((s) => row('street', s.streetCode, s.name, s.nameEn, s.streetCode, s)),
    ...cells.map((c) => row('cell', c.cellCode, c.streetName, c.streetNameEn, c.streetCode, c)),
    ...departments.map((d) => row('department', d.department, DEPARTMENT_NAMES[d.department].name, DEPARTMENT_NAMES[d.department].nameEn, '', d)),
  ]);
}

export function summaryCsv(summary: DailySummary, table: SummaryTable = 'indicators'): string {
  if (table === 'evaluation') return evaluationCsv(summary);
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
  return csvOf([[...COLUMNS], ...rows]);
}
