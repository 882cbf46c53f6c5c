/**
 * A tile's sparkline: the last hour of one indicator, no axes or labels (the big number beside it
 * says the value), gaps where there was no value, the line in the indicator's status colour, and
 * its warning line dashed when it lies within the drawn range.
 */
import type { LiveChartOption } from '@/shared/charts/echarts';
import { STATUS_COLORS } from '@/shared/palette';

export interface IndicatorSparkInput {
  /** [simulated time ms, value or null], oldest first. */
  points: readonly (readonly [number, number | null])[];
  color: string;
  /** The indicator's warning threshold, drawn only when it falls inside the data's range. */
  warning?: number;
  warningColor?: string;
  /** Time span the x-axis shows, ms (the sparkline fills from the right as the hour builds up). */
  windowMs: number;
}

export function indicatorSparkOption({ points, color, warning, warningColor = STATUS_COLORS.warning, windowMs }: IndicatorSparkInput): LiveChartOption {
  const last = points.length ? points[points.length - 1][0] : 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const [, v] of points) {
    if (v === null) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const showWarning = warning !== undefined && Number.isFinite(lo) && warning >= lo && warning <= hi;
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 2 },
    xAxis: { type: 'time', show: false, min: last - windowMs, max: last },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: points.map(([t, v]) => [t, v]),
        connectNulls: false,
        showSymbol: false,
        silent: true,
        lineStyle: { width: 3, color },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.14 },
      },
      ...(showWarning
        ? [
            {
              type: 'line' as const,
              data: [
                [last - windowMs, warning],
                [last, warning],
              ],
              showSymbol: false,
              silent: true,
              lineStyle: { width: 2, type: 'dashed' as const, color: warningColor, opacity: 0.7 },
            },
          ]
        : []),
    ],
  };
}
