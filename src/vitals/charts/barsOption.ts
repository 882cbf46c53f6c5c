/** Vertical bars with a value on each, e.g. rain gauges per intensity band in the bands' map colours. */
import type { LiveChartOption } from '@/shared/charts/echarts';
import { AXIS_LINE, AXIS_TEXT, TEXT } from '@/shared/palette';

export interface Bar {
  label: string;
  value: number;
  color: string;
}

export interface BarsInput {
  bars: readonly Bar[];
  formatValue: (v: number) => string;
}

export function barsOption({ bars, formatValue }: BarsInput): LiveChartOption {
  return {
    animation: false,
    grid: { left: 6, right: 6, top: 36, bottom: 34 },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { color: AXIS_TEXT, fontSize: 20, interval: 0 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS_LINE } },
    },
    yAxis: { type: 'value', show: false, min: 0 },
    series: [
      {
        type: 'bar',
        silent: true,
        barCategoryGap: '24%',
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color, borderRadius: [4, 4, 0, 0] } })),
        label: { show: true, position: 'top', color: TEXT, fontSize: 20, formatter: (p: { value: unknown }) => formatValue(Number(p.value)) },
      },
    ],
  };
}
