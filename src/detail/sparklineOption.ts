/**
 * ECharts option for the detail card's sparkline: the last hour of one channel, gaps where the sensor
 * was silent, and the asset's thresholds as dashed horizontal lines labelled at their right end.
 *
 * The thresholds are drawn as two-point line series rather than `markLine`: the shared ECharts build
 * (src/shared/charts/echarts.ts) registers the line chart only, and an unregistered markLine would
 * silently draw nothing. As series they also stretch the y-axis, so a line is never off the chart.
 */
import type { LiveChartOption } from '@/shared/charts/echarts';
import { AXIS_LINE, AXIS_TEXT, SCREEN_THEME } from '@/shared/palette';

export interface SparklineThreshold {
  /** Shown at the line's end, e.g. "警戒水位 4.55". */
  label: string;
  value: number;
  tone: 'warn' | 'alarm' | 'info';
}

export interface SparklineInput {
  /** [time ms, value or null], oldest first. */
  points: readonly (readonly [number, number | null])[];
  thresholds: readonly SparklineThreshold[];
  /** The channel's name, for the tooltip. */
  name: string;
  unit: string;
  /** Lowest value on the y-axis (0 for depths); omitted: fit the data. */
  floor?: number;
  formatTime: (t: number) => string;
  formatValue: (v: number) => string;
}

export const TONE_COLORS: Record<SparklineThreshold['tone'], string> = { warn: SCREEN_THEME.warn, alarm: SCREEN_THEME.alarm, info: SCREEN_THEME.textDim };
const LINE = SCREEN_THEME.accent;

export function sparklineOption({ points, thresholds, name, unit, floor, formatTime, formatValue }: SparklineInput): LiveChartOption {
  const axisText = { color: AXIS_TEXT, fontSize: 22 };
  const first = points.length ? points[0][0] : 0;
  const last = points.length ? points[points.length - 1][0] : 0;
  // With no samples there is no time span to draw a threshold across.
  const lines = points.length
    ? thresholds.map((th) => ({
        type: 'line' as const,
        name: th.label,
        data: [
          [first, th.value],
          [last, th.value],
        ],
        showSymbol: false,
        silent: true,
        lineStyle: { width: 2, type: 'dashed' as const, color: TONE_COLORS[th.tone] },
        itemStyle: { color: TONE_COLORS[th.tone] },
        // Right-aligned above the line's end, inside the plot, so long names never run off the card.
        endLabel: { show: true, formatter: th.label, color: TONE_COLORS[th.tone], fontSize: 20, align: 'right' as const, verticalAlign: 'bottom' as const, offset: [-4, -4] },
      }))
    : [];
  return {
    animation: false,
    grid: { left: 88, right: 28, top: 24, bottom: 44 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v == null || Number.isNaN(Number(v)) ? '—' : `${formatValue(Number(v))} ${unit}`.trim()),
    },
    xAxis: {
      type: 'time',
      min: points.length ? first : undefined,
      max: points.length ? last : undefined,
      axisLabel: { ...axisText, formatter: (t: number) => formatTime(t), hideOverlap: true },
      splitNumber: 3,
      axisLine: { lineStyle: { color: AXIS_LINE } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: floor === undefined,
      min: floor,
      axisLabel: { ...axisText, formatter: (v: number) => formatValue(v) },
      splitNumber: 3,
      splitLine: { lineStyle: { color: 'rgba(29,79,128,0.4)' } },
    },
    series: [
      {
        type: 'line',
        name,
        data: points.map(([t, v]) => [t, v]),
        // A silent sensor is a gap, not a line drawn through the silence.
        connectNulls: false,
        showSymbol: false,
        lineStyle: { width: 3, color: LINE },
        itemStyle: { color: LINE },
        areaStyle: { color: 'rgba(63,208,255,0.12)' },
      },
      ...lines,
    ],
  };
}
