import { describe, expect, it } from 'vitest';
import type { IndicatorDaySummary } from '@/protocol/summary';
import { BAND_CAP, bandPosition, dimensionChartOption } from '@/summary/dimensionChartOption';
import { countBarsOption } from '@/summary/countBarsOption';
import { DARK_THEME, LIGHT_THEME } from '@/summary/summaryTheme';
import { makeSummary } from '../../../support/summaryFixture';

const up = { direction: 'up' as const, warning: 60, alarm: 150 };
const down = { direction: 'down' as const, warning: 30, alarm: 24 };

describe('band position', () => {
  it('puts every warning line at 1 and every alarm line at 2, whatever the units', () => {
    expect(bandPosition(up, 0)).toBe(0);
    expect(bandPosition(up, 30)).toBe(0.5);
    expect(bandPosition(up, 60)).toBe(1);
    expect(bandPosition(up, 105)).toBe(1.5);
    expect(bandPosition(up, 150)).toBe(2);
    expect(bandPosition(up, 195)).toBe(2.5);
    expect(bandPosition({ direction: 'up', warning: 3000, alarm: 4000 }, 4000)).toBe(2);
  });

  it('draws lower-is-worse indicators rising as they fall into trouble', () => {
    expect(bandPosition(down, 60)).toBe(0.5);
    expect(bandPosition(down, 30)).toBe(1);
    expect(bandPosition(down, 27)).toBe(1.5);
    expect(bandPosition(down, 24)).toBe(2);
    expect(bandPosition(down, 18)).toBe(3);
  });
});

describe('dimension chart', () => {
  const s = makeSummary();
  const env = s.indicators.filter((i) => i.dimension === 'environment');
  const build = (theme = DARK_THEME) =>
    dimensionChartOption({
      indicators: env,
      from: s.from,
      to: s.to,
      theme,
      label: (i) => i.name,
      formatValue: (i: IndicatorDaySummary, v) => `${v} ${i.unit}`,
      formatTime: (t) => new Date(t).toISOString().slice(11, 16),
      warningLabel: '预警',
      alarmLabel: '告警',
    });

  it('draws one line per indicator over the day, capped, with the real value kept for the tooltip', () => {
    const option = build();
    const series = option.series as { name: string; data: [number, number | null, number | null][] }[];
    expect(series.map((x) => x.name)).toEqual(env.map((i) => i.name));
    const rain = series[0];
    expect(rain.data).toHaveLength(288);
    const peak = rain.data.find(([, , v]) => v === 82.4)!;
    expect(peak[1]).toBeCloseTo(1 + (82.4 - 36) / 34);
    // The feed gap stays a gap.
    expect(rain.data.some(([, p, v]) => p === null && v === null)).toBe(true);
    expect(option.xAxis).toMatchObject({ type: 'time', min: s.from, max: s.to });
    expect(option.yAxis).toMatchObject({ min: 0, max: BAND_CAP });
  });

  it('draws the warning and alarm bands once, in the theme’s colours', () => {
    const option = build(LIGHT_THEME);
    const [first, second] = option.series as Record<string, unknown>[];
    expect(first.markArea).toBeDefined();
    expect(second.markArea).toBeUndefined();
    const lines = (first.markLine as { data: { yAxis: number; lineStyle: { color: string } }[] }).data;
    expect(lines.map((l) => [l.yAxis, l.lineStyle.color])).toEqual([
      [1, LIGHT_THEME.status.warning],
      [2, LIGHT_THEME.status.alarm],
    ]);
    const yAxis = option.yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect([0, 0.5, 1, 2].map(yAxis.axisLabel.formatter)).toEqual(['', '', '预警', '告警']);
  });

  it('explains a point in the tooltip with its real value and unit', () => {
    const option = build();
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const text = formatter([{ seriesIndex: 0, marker: '', data: [Date.parse('2026-07-15T07:05:00Z'), 2.36, 82.4] }]);
    expect(text).toBe('07:05<br/>最大雨强: 82.4 mm/h');
  });
});

describe('count bars', () => {
  it('lists the bars top down with their counts', () => {
    const option = countBarsOption({ bars: [{ label: 'P1', value: 31, color: '#f00' }, { label: 'P2', value: 88 }], theme: DARK_THEME, formatValue: String });
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual(['P1', 'P2']);
    const data = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0].data;
    expect(data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [31, '#f00'],
      [88, DARK_THEME.bar],
    ]);
  });
});
