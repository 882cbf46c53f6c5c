/** Horizontal bars with the count at the end: incidents by category or priority, rainfall by district. */
import type { LiveChartOption } from '@/shared/charts/echarts';
import type { SummaryTheme } from './summaryTheme';

export interface CountBar {
  label: string;
  value: number;
  /** Defaults to the theme's bar colour. */
  color?: string;
}

export interface CountBarsInput {
  bars: readonly CountBar[];
  theme: SummaryTheme;
  formatValue: (v: number) => string;
  compact?: boolean;
}

export function countBarsOption({ bars, theme, formatValue, compact = false }: CountBarsInput): LiveChartOption {
  const font = compact ? 10 : 12;
  return {
    animation: false,
    backgroundColor: 'transparent',
    grid: { left: 4, right: 48, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false, min: 0, max: (e: { max: number }) => Math.max(1, e.max) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.text, fontSize: font, interval: 0 },
    },
    series: [
      {
        type: 'bar',
        silent: true,
        barCategoryGap: '30%',
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color ?? theme.bar, borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', color: theme.text, fontSize: font, formatter: (p: { value: unknown }) => formatValue(Number(p.value)) },
      },
    ],
  };
}
