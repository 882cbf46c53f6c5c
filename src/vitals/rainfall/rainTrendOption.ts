/** ECharts option for the rain-intensity trend: city max and mean against simulated time. */
import type { LiveChartOption } from '@/shared/charts/echarts';

export interface RainTrendInput {
  max: [number, number][];
  mean: [number, number][];
  labels: { max: string; mean: string };
  /** Formats an x-axis time (epoch ms) for the locale and Shanghai's time zone. */
  formatTime: (t: number) => string;
}

export function rainTrendOption({ max, mean, labels, formatTime }: RainTrendInput): LiveChartOption {
  const axisText = { color: '#7f9bb8', fontSize: 22 };
  return {
    animation: false,
    grid: { left: 80, right: 24, top: 56, bottom: 48 },
    legend: { top: 0, right: 0, textStyle: { color: '#d8ecff', fontSize: 22 }, itemWidth: 28, itemHeight: 12 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(1)} mm/h` },
    xAxis: {
      type: 'time',
      axisLabel: { ...axisText, formatter: (t: number) => formatTime(t), hideOverlap: true },
      splitNumber: 4,
      axisLine: { lineStyle: { color: '#1d4f80' } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: 'mm/h',
      min: 0,
      nameTextStyle: axisText,
      axisLabel: axisText,
      splitLine: { lineStyle: { color: 'rgba(29,79,128,0.4)' } },
    },
    series: [
      { type: 'line', name: labels.max, data: max, showSymbol: false, lineStyle: { width: 3, color: '#3fd0ff' }, itemStyle: { color: '#3fd0ff' }, areaStyle: { color: 'rgba(63,208,255,0.12)' } },
      { type: 'line', name: labels.mean, data: mean, showSymbol: false, lineStyle: { width: 2, color: '#2fd67b' }, itemStyle: { color: '#2fd67b' } },
    ],
  };
}
