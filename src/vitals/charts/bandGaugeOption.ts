/**
 * A gauge with its scale coloured by bands (the traffic index's five congestion bands, or an
 * indicator's normal / warning / alarm bands) and the value written in the middle.
 */
import type { LiveChartOption } from '@/shared/charts/echarts';
import { AXIS_TEXT, SCREEN_THEME, STATUS_COLORS, TEXT } from '@/shared/palette';

export interface GaugeBand {
  /** Upper end of the band, in the gauge's units. */
  to: number;
  color: string;
}

export interface BandGaugeInput {
  value: number | null;
  min: number;
  max: number;
  /** Ascending by `to`; the last should reach `max`. */
  bands: readonly GaugeBand[];
  /** The value as text, formatted for the locale ("—" when there is none). */
  valueText: string;
  /** Under the value, e.g. the band's name. */
  caption: string;
  color: string;
  /** Label every split of the scale (a short scale such as 0–10), or only its two ends. */
  labelSplits?: boolean;
  formatAxis?: (v: number) => string;
}

export function bandGaugeOption({ value, min, max, bands, valueText, caption, color, labelSplits = false, formatAxis = String }: BandGaugeInput): LiveChartOption {
  const span = max - min || 1;
  const stops: [number, string][] = bands.map((b) => [Math.min(1, Math.max(0, (b.to - min) / span)), b.color]);
  if (!stops.length || stops[stops.length - 1][0] < 1) stops.push([1, stops.length ? stops[stops.length - 1][1] : AXIS_TEXT]);
  const clamped = value === null ? min : Math.min(max, Math.max(min, value));
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min,
        max,
        startAngle: 215,
        endAngle: -35,
        radius: '92%',
        center: ['50%', '52%'],
        splitNumber: 5,
        axisLine: { lineStyle: { width: 20, color: stops } },
        axisTick: { distance: -20, length: 6, lineStyle: { color: SCREEN_THEME.bg, width: 2 } },
        splitLine: { distance: -20, length: 20, lineStyle: { color: SCREEN_THEME.bg, width: 3 } },
        axisLabel: {
          distance: 26,
          color: AXIS_TEXT,
          fontSize: 18,
          // Long scales (thousands) label their ends only, so the labels never run into each other.
          formatter: (v: number) => (labelSplits || v === min || v === max ? formatAxis(v) : ''),
        },
        pointer: { show: value !== null, length: '58%', width: 8, itemStyle: { color } },
        anchor: { show: value !== null, size: 16, itemStyle: { color } },
        title: { show: true, offsetCenter: [0, '88%'], color: TEXT, fontSize: 22 },
        detail: { valueAnimation: false, offsetCenter: [0, '58%'], fontSize: 40, fontWeight: 700, color, formatter: () => valueText },
        data: [{ value: clamped, name: caption }],
      },
    ],
  };
}

/** Bands of an indicator for a gauge from 0: normal, warning, alarm, in the indicator's direction. */
export function statusBands(direction: 'up' | 'down', warning: number, alarm: number, max: number): GaugeBand[] {
  if (direction === 'up') {
    return [
      { to: warning, color: STATUS_COLORS.normal },
      { to: alarm, color: STATUS_COLORS.warning },
      { to: max, color: STATUS_COLORS.alarm },
    ];
  }
  return [
    { to: alarm, color: STATUS_COLORS.alarm },
    { to: warning, color: STATUS_COLORS.warning },
    { to: max, color: STATUS_COLORS.normal },
  ];
}

/** A gauge's upper end that shows the alarm band and the value with room to spare: 1, 2 or 5 × 10ⁿ. */
export function niceMax(...values: (number | null)[]): number {
  const top = Math.max(1e-9, ...values.filter((v): v is number => v !== null && Number.isFinite(v)).map(Math.abs)) * 1.25;
  const p = 10 ** Math.floor(Math.log10(top));
  const m = top / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}
