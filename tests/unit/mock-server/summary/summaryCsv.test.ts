import { describe, expect, it } from 'vitest';
import { neutralise, summaryCsv } from '../../../../mock-server/summary/summaryCsv';
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
});
