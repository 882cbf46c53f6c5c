/**
 * One line chart per dimension: each of its indicators over the day, on one shared "band" scale.
 *
 * Why a shared scale rather than small multiples: a dimension's indicators have different units
 * (mm/h, °C, a count, an index), so on raw axes they cannot share a chart, and five small charts per
 * dimension would make a 30-chart report a manager has to read one axis at a time. What a manager
 * asks of the day is "when did what get close to, or over, its lines, and for how long" — so every
 * indicator is drawn as its position between its own bands: 0 is zero (or, for lower-is-worse
 * indicators, far from the line), 1 is its warning line and 2 its alarm line, linear in between and
 * extrapolated beyond. Plain value/warning would put each indicator's alarm line at a different
 * height (4000/3000 = 1.33 for the hotline, 150/60 = 2.5 for open incidents) and cannot show
 * lower-is-worse indicators (speed, pressure) rising into trouble; the band position puts every
 * warning line at 1 and every alarm line at 2, so the amber and red bands are drawn once and any line
 * entering them is a breach. The tooltip and the indicator table give the real values and units.
 */
import type { LiveChartOption } from '@/shared/charts/echarts';
import type { IndicatorDaySummary } from '@/protocol/summary';
import type { SummaryTheme } from './summaryTheme';

/** Band positions are drawn up to this: one warning-to-alarm span past the alarm line (higher is drawn at the top). */
export const BAND_CAP = 3;

type Bands = Pick<IndicatorDaySummary, 'direction' | 'warning' | 'alarm'>;

/**
 * Where a value sits between an indicator's bands: 1 at the warning line, 2 at the alarm line, more
 * than 1 only when it is in warning or worse, in the indicator's direction. Not clamped.
 */
export function bandPosition(ind: Bands, value: number): number {
  const { warning: w, alarm: a } = ind;
  const span = a - w;
  if (ind.direction === 'up') {
    if (value > w || w <= 0) return span === 0 ? (value >= w ? 2 : 0) : 1 + (value - w) / span;
    return value / w;
  }
  // Lower is worse: far above the warning line is near 0, the warning line 1, the alarm line 2.
  if (value < w || value <= 0) return span === 0 ? (value <= w ? 2 : 0) : 1 + (value - w) / span;
  return w / value;
}

export interface DimensionChartInput {
  indicators: readonly IndicatorDaySummary[];
  /** The day's start and end (epoch ms), for the time axis. */
  from: number;
  to: number;
  theme: SummaryTheme;
  /** The indicator's name in the page's language. */
  label: (ind: IndicatorDaySummary) => string;
  /** A value with its unit, for the tooltip ("36.2 mm/h"). */
  formatValue: (ind: IndicatorDaySummary, value: number | null) => string;
  /** Epoch ms → "14:00" (Shanghai). */
  formatTime: (t: number) => string;
  /** Names of the two lines, e.g. "预警" / "告警". */
  warningLabel: string;
  alarmLabel: string;
  /** Smaller text for print. */
  compact?: boolean;
}

interface TooltipParam {
  seriesIndex: number;
  data: [number, number | null, number | null];
  marker: string;
}

export function dimensionChartOption(input: DimensionChartInput): LiveChartOption {
  const { indicators, from, to, theme, label, formatValue, formatTime, warningLabel, alarmLabel, compact = false } = input;
  const font = compact ? 10 : 12;
  let top = 0;
  const series = indicators.map((ind, i) => {
    const data = ind.series.map(([t, v]): [number, number | null, number | null] => {
      if (v === null || !Number.isFinite(v)) return [t, null, null];
      const p = Math.min(BAND_CAP, Math.max(0, bandPosition(ind, v)));
      top = Math.max(top, p);
      return [t, p, v];
    });
    const color = theme.series[i % theme.series.length];
    return {
      type: 'line' as const,
      name: label(ind),
      data,
      showSymbol: false,
      connectNulls: false,
      lineStyle: { width: compact ? 1.2 : 1.6, color },
      itemStyle: { color },
      emphasis: { disabled: true },
      z: 3,
      // The bands are drawn once, behind the first series.
      ...(i === 0
        ? {
            markArea: {
              silent: true,
              data: [
                [{ yAxis: 1, itemStyle: { color: theme.warningArea } }, { yAxis: 2 }],
                [{ yAxis: 2, itemStyle: { color: theme.alarmArea } }, { yAxis: BAND_CAP }],
              ] as never,
            },
            markLine: {
              silent: true,
              symbol: 'none',
              // The y-axis names the two lines; a label on the line as well would sit on top of it.
              label: { show: false },
              data: [
                { yAxis: 1, name: warningLabel, lineStyle: { color: theme.status.warning, type: 'dashed' as const, width: 1 } },
                { yAxis: 2, name: alarmLabel, lineStyle: { color: theme.status.alarm, type: 'dashed' as const, width: 1 } },
              ],
            },
          }
        : {}),
    };
  });
  // Room above the alarm line only when something went there.
  const yMax = top > 2.2 ? BAND_CAP : 2.5;

  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    grid: { left: 8, right: 12, top: compact ? 34 : 40, bottom: 4, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 3,
      icon: 'rect',
      textStyle: { color: theme.text, fontSize: font },
      data: series.map((s) => s.name),
    },
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.tooltipBg,
      borderColor: theme.axisLine,
      textStyle: { color: theme.text, fontSize: 12 },
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
        if (!list.length) return '';
        const head = formatTime(list[0].data[0]);
        const rows = list.map((p) => `${p.marker}${escapeHtml(series[p.seriesIndex].name)}: ${escapeHtml(formatValue(indicators[p.seriesIndex], p.data[2]))}`);
        return [head, ...rows].join('<br/>');
      },
    },
    xAxis: {
      type: 'time',
      min: from,
      max: to,
      splitNumber: 6,
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { color: theme.axisText, fontSize: font, hideOverlap: true, formatter: (v: number) => formatTime(v) },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: yMax,
      interval: 0.5,
      splitLine: { lineStyle: { color: theme.splitLine } },
      axisLabel: { color: theme.axisText, fontSize: font, formatter: (v: number) => (v === 1 ? warningLabel : v === 2 ? alarmLabel : '') },
    },
    series,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
