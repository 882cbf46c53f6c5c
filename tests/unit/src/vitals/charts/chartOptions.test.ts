import { describe, expect, it } from 'vitest';
import { bandGaugeOption, niceMax, statusBands } from '@/vitals/charts/bandGaugeOption';
import { barsOption } from '@/vitals/charts/barsOption';
import { indicatorSparkOption } from '@/vitals/charts/indicatorSparkOption';
import { STATUS_COLORS } from '@/shared/palette';
import { ringOption } from '@/vitals/charts/ringOption';

// Options are plain data; read them loosely.
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const seriesOf = (o: unknown): Loose[] => (o as Loose).series;

describe('sparkline option', () => {
  const points: [number, number | null][] = [
    [0, 10],
    [60_000, null],
    [120_000, 30],
  ];

  it('draws the last hour, right-aligned to the newest point, with gaps and no animation', () => {
    const o = indicatorSparkOption({ points, color: '#fff', windowMs: 3_600_000 }) as Loose;
    expect(o.animation).toBe(false);
    expect(o.xAxis).toMatchObject({ type: 'time', show: false, min: 120_000 - 3_600_000, max: 120_000 });
    const [line] = seriesOf(o);
    expect(line.data).toEqual([
      [0, 10],
      [60_000, null],
      [120_000, 30],
    ]);
    expect(line.connectNulls).toBe(false);
    expect(line.lineStyle.color).toBe('#fff');
  });

  it('draws the warning line only when it lies within the data', () => {
    expect(seriesOf(indicatorSparkOption({ points, color: '#fff', warning: 20, windowMs: 1000 }))).toHaveLength(2);
    expect(seriesOf(indicatorSparkOption({ points, color: '#fff', warning: 50, windowMs: 1000 }))).toHaveLength(1);
    expect(seriesOf(indicatorSparkOption({ points: [], color: '#fff', warning: 50, windowMs: 1000 }))[0].data).toEqual([]);
  });
});

describe('gauge option', () => {
  it('colours the scale by bands and writes the formatted value', () => {
    const o = bandGaugeOption({
      value: 12,
      min: 0,
      max: 10,
      bands: [
        { to: 5, color: 'green' },
        { to: 10, color: 'red' },
      ],
      valueText: '12.0',
      caption: 'x',
      color: 'red',
    });
    const [g] = seriesOf(o);
    expect((o as Loose).animation).toBe(false);
    expect(g.axisLine.lineStyle.color).toEqual([
      [0.5, 'green'],
      [1, 'red'],
    ]);
    // Off the scale: the needle rests at the end, the text says the real value.
    expect(g.data[0].value).toBe(10);
    expect(g.detail.formatter()).toBe('12.0');
    expect(g.axisLabel.formatter(5)).toBe('');
    expect(g.axisLabel.formatter(10)).toBe('10');
  });

  it('hides the needle when there is no value', () => {
    const [g] = seriesOf(bandGaugeOption({ value: null, min: 0, max: 1, bands: [], valueText: '—', caption: '', color: '#777' }));
    expect(g.pointer.show).toBe(false);
    expect(g.axisLine.lineStyle.color).toHaveLength(1);
  });

  it('orders an indicator’s bands by its direction', () => {
    expect(statusBands('up', 10, 20, 25).map((b) => b.color)).toEqual([STATUS_COLORS.normal, STATUS_COLORS.warning, STATUS_COLORS.alarm]);
    expect(statusBands('down', 0.16, 0.12, 0.5)).toEqual([
      { to: 0.12, color: STATUS_COLORS.alarm },
      { to: 0.16, color: STATUS_COLORS.warning },
      { to: 0.5, color: STATUS_COLORS.normal },
    ]);
  });

  it('rounds the scale’s end up to 1, 2 or 5 × 10ⁿ with room above the largest of its inputs', () => {
    expect(niceMax(3200, 3600, 3332)).toBe(5000);
    expect(niceMax(0.16, 0.12, 0.21)).toBe(0.5);
    expect(niceMax(6, 8, null)).toBe(10);
  });
});

describe('ring and bars', () => {
  it('draws a ring of the parts with the total in its hole, and a faint ring when empty', () => {
    const o = ringOption({ slices: [{ name: 'a', value: 2, color: 'red' }, { name: 'b', value: 3, color: 'blue' }], centreText: '5', centreCaption: 'open' });
    const [p] = seriesOf(o);
    expect(p.type).toBe('pie');
    expect(p.radius).toEqual(['58%', '88%']);
    expect(p.data.map((d: Loose) => d.value)).toEqual([2, 3]);
    expect(p.label.formatter()).toContain('5');
    const [empty] = seriesOf(ringOption({ slices: [{ name: 'a', value: 0, color: 'red' }], centreText: '0', centreCaption: '' }));
    expect(empty.data).toHaveLength(1);
    expect(empty.data[0].name).toBe('');
  });

  it('draws one coloured bar per category with its count on top', () => {
    const o = barsOption({ bars: [{ label: '2.5', value: 1234, color: 'green' }], formatValue: (v) => v.toLocaleString('en') }) as Loose;
    expect(o.animation).toBe(false);
    expect(o.xAxis.data).toEqual(['2.5']);
    const [b] = seriesOf(o);
    expect(b.data[0]).toMatchObject({ value: 1234, itemStyle: { color: 'green' } });
    expect(b.label.formatter({ value: 1234 })).toBe('1,234');
  });
});
