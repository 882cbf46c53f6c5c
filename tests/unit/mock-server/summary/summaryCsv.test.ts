import { describe, expect, it } from 'vitest';
import { evaluationCsv, neutralise, summaryCsv } from '../../../../mock-server/summary/summaryCsv';
import { makeSummary } from '../../../support/summaryFixture';

const SUMMARY = makeSummary();

describe('summary CSV', () => {
  it('neutralises text cells a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rx']) expect(neutralise(evil)).toBe(`'${evil}`);
    for (const fine of ['最大雨强', 'Peak rain intensity', 'mm/h', '']) expect(neutralise(fine)).toBe(fine);
  });

  it('writes one row per indicator with numbers as numbers and names neutralised', () => {
    const evil = { ...SUMMARY, indicators: [{ ...SUMMARY.indicators[0], name: '=cmd|" /C calc"!A0', min: -1.5 }] };
    const lines = summaryCsv(evil).slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=cmd|"" /C calc""!A0"`);
    // A negative number stays a number.
    expect(lines[1]).toContain(',-1.5,');
    expect(summaryCsv(SUMMARY).slice(1).trim().split('\r\n')).toHaveLength(SUMMARY.indicators.length + 1);
  });

  it('writes the evaluation table: the city, streets, cells and departments, rates as fractions', () => {
    const csv = summaryCsv(SUMMARY, 'evaluation');
    expect(csv).toBe(evaluationCsv(SUMMARY));
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    const { streets, cells, departments } = SUMMARY.evaluation;
    expect(lines).toHaveLength(2 + streets.length + cells.length + departments.length);
    expect(lines[0]).toBe('date,level,code,name,name_en,street_code,registered,due,on_time,handled,rework,closed,on_time_rate,closure_rate,rework_rate');
    // 338 of 371 due on time; 352 of the due closed; 21 sent back of 380 checked.
    expect(lines[1]).toBe(`2026-07-15,city,,全市,City,,412,371,338,366,21,371,${Number((338 / 371).toFixed(4))},${Number((352 / 371).toFixed(4))},${Number((21 / 380).toFixed(4))}`);
    expect(lines[2]).toMatch(/^2026-07-15,street,310115103,浦东新区镇03,Pudong town 03,310115103,21,19,13,18,4,17,/);
    expect(lines[2 + streets.length]).toMatch(/^2026-07-15,cell,3101010010030112,黄浦区街道01,Huangpu street 01,310101001,6,6,6,6,0,6,1,1,0$/);
    expect(lines.at(-1)).toMatch(/^2026-07-15,department,cityAppearance,绿化市容局,City Appearance Bureau,,156,150,147,/);
    // A rate with nothing under it is an empty cell, not 0.
    const empty = { ...SUMMARY, evaluation: { ...SUMMARY.evaluation, streets: [], cells: [], departments: [], city: { ...SUMMARY.evaluation.city, due: 0, onTime: 0, onTimeRate: null, closureRate: null } } };
    expect(evaluationCsv(empty).slice(1).trim().split('\r\n')[1]).toBe(`2026-07-15,city,,全市,City,,412,0,0,366,21,371,,,${Number((21 / 380).toFixed(4))}`);
  });
});
