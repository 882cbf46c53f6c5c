import { describe, expect, it } from 'vitest';
import { sparklineOption, TONE_COLORS, type SparklineInput } from '@/detail/sparklineOption';

const MIN = 60_000;
const input = (over: Partial<SparklineInput> = {}): SparklineInput => ({
  points: [
    [0, 4.1],
    [MIN, null],
    [2 * MIN, 4.3],
  ],
  thresholds: [
    { label: 'warning 4.55', value: 4.55, tone: 'warn' },
    { label: 'danger 5.05', value: 5.05, tone: 'alarm' },
  ],
  name: 'Level',
  unit: 'm',
  formatTime: (t) => `t${t / MIN}`,
  formatValue: (v) => v.toFixed(2),
  ...over,
});

type Series = { name: string; data: [number, number | null][]; connectNulls?: boolean; lineStyle: { type?: string; color: string }; endLabel?: { formatter: string } };

describe('sparkline option', () => {
  it('draws the readings with gaps where the sensor was silent, and no animation', () => {
    const option = sparklineOption(input());
    const [line] = option.series as Series[];
    expect(option.animation).toBe(false);
    expect(line.name).toBe('Level');
    expect(line.data).toEqual([
      [0, 4.1],
      [MIN, null],
      [2 * MIN, 4.3],
    ]);
    expect(line.connectNulls).toBe(false);
  });

  it('draws each threshold as a dashed, labelled line across the whole hour', () => {
    const [, warning, danger] = sparklineOption(input()).series as Series[];
    expect(warning.data).toEqual([
      [0, 4.55],
      [2 * MIN, 4.55],
    ]);
    expect(warning.lineStyle).toMatchObject({ type: 'dashed', color: TONE_COLORS.warn });
    expect(warning.endLabel?.formatter).toBe('warning 4.55');
    expect(danger.lineStyle.color).toBe(TONE_COLORS.alarm);
  });

  it('draws no threshold lines before there are samples to span', () => {
    const option = sparklineOption(input({ points: [] }));
    expect(option.series).toHaveLength(1);
  });

  it('pins the axis to the floor for depths and fits the data otherwise', () => {
    const depth = sparklineOption(input({ floor: 0 })).yAxis as { min?: number; scale: boolean };
    expect(depth).toMatchObject({ min: 0, scale: false });
    const level = sparklineOption(input()).yAxis as { min?: number; scale: boolean };
    expect(level).toMatchObject({ min: undefined, scale: true });
  });

  it('spans the x-axis over the samples and formats times and values for the locale', () => {
    const option = sparklineOption(input());
    const x = option.xAxis as { min: number; max: number; axisLabel: { formatter: (t: number) => string } };
    expect([x.min, x.max]).toEqual([0, 2 * MIN]);
    expect(x.axisLabel.formatter(MIN)).toBe('t1');
    const tooltip = option.tooltip as { valueFormatter: (v: unknown) => string };
    expect(tooltip.valueFormatter(4.3)).toBe('4.30 m');
    expect(tooltip.valueFormatter(null)).toBe('—');
  });
});
