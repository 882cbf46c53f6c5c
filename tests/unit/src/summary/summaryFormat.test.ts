import { describe, expect, it } from 'vitest';
import { formatChange, formatClock, formatLongDate, formatMinutes, formatNumber, formatPercent } from '@/summary/summaryFormat';
import { defaultDate, shiftDate } from '@/summary/summaryDates';

describe('report formatting', () => {
  it('writes minutes as hours and minutes in each language', () => {
    expect(formatMinutes(96, 'zh-CN')).toBe('1 小时 36 分');
    expect(formatMinutes(96, 'en')).toBe('1 h 36 min');
    expect(formatMinutes(45, 'zh-CN')).toBe('45 分');
    expect(formatMinutes(45, 'en')).toBe('45 min');
    expect(formatMinutes(120, 'en')).toBe('2 h');
    expect(formatMinutes(0, 'zh-CN')).toBe('0 分');
    expect(formatMinutes(59.6, 'en')).toBe('1 h');
    expect(formatMinutes(1440 * 2 + 5, 'en')).toBe('48 h 5 min');
    expect(formatMinutes(null, 'en')).toBe('—');
  });

  it('formats figures with the indicator’s decimals, grouped for the locale', () => {
    expect(formatNumber(9876.54, 1, 'en')).toBe('9,876.5');
    expect(formatNumber(0.2, 3, 'zh-CN')).toBe('0.200');
    expect(formatNumber(null, 1, 'en')).toBe('—');
    expect(formatNumber(Number.NaN, 1, 'en')).toBe('—');
    expect(formatPercent(379 / 412, 'en')).toBe('92.0%');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('writes Shanghai clock times and dates whatever the machine’s time zone', () => {
    expect(formatClock(Date.parse('2026-07-15T07:05:00Z'), 'en')).toBe('15:05');
    expect(formatLongDate('2026-07-15', 'zh-CN')).toContain('2026年7月15日');
    expect(formatLongDate('2026-07-15', 'en')).toBe('Wed, Jul 15, 2026');
  });

  it('marks a change against yesterday or the week with ▲▼, coloured by whether higher is worse', () => {
    expect(formatChange(120, 100, 'up', 0, 'en')).toEqual({ text: '▲ 20.0%', tone: 'worse' });
    expect(formatChange(80, 100, 'up', 0, 'en')).toEqual({ text: '▼ 20.0%', tone: 'better' });
    // Lower is worse (road speed): a drop is bad news.
    expect(formatChange(27, 30, 'down', 1, 'en')).toEqual({ text: '▼ 10.0%', tone: 'worse' });
    expect(formatChange(33, 30, 'down', 1, 'en')).toEqual({ text: '▲ 10.0%', tone: 'better' });
    // From zero: the absolute difference.
    expect(formatChange(3, 0, 'up', 0, 'en')).toEqual({ text: '▲ 3', tone: 'worse' });
    // Below the shown precision: no change.
    expect(formatChange(12.04, 12, 'up', 1, 'en')).toEqual({ text: '±0', tone: 'same' });
    expect(formatChange(12, null, 'up', 1, 'en')).toEqual({ text: '—', tone: 'none' });
  });
});

describe('report dates', () => {
  const now = Date.parse('2026-07-16T09:30:00+08:00');

  it('moves by calendar days in Shanghai, across months and years', () => {
    expect(shiftDate('2026-07-15', -1)).toBe('2026-07-14');
    expect(shiftDate('2026-07-31', 1)).toBe('2026-08-01');
    expect(shiftDate('2026-01-01', -1)).toBe('2025-12-31');
    expect(shiftDate('2026-02-30', 1)).toBeNull();
  });

  it('opens on the newest complete day: not today, which is still running', () => {
    expect(defaultDate(['2026-07-16', '2026-07-15', '2026-07-14'], now)).toBe('2026-07-15');
    expect(defaultDate(['2026-07-12', '2026-07-14'], now)).toBe('2026-07-14');
    expect(defaultDate(['2026-07-16'], now)).toBe('2026-07-16');
    expect(defaultDate([], now)).toBe('2026-07-15');
  });
});
