/**
 * Each dimension's headline chart, from live state and the panel's readings (pure: texts and number
 * formats come in as functions, so the builder knows nothing of Vue or the locale):
 * city dynamics — a ring of open incidents by status; environment — bars of rain gauges per band;
 * traffic — a gauge of the city traffic index; supply — a gauge of its first indicator against its
 * bands; infrastructure — a ring of pump stations by state.
 */
import type { PumpState } from '@/protocol/assets';
import type { Incident, IncidentStatus } from '@/protocol/cityEvents';
import type { Dimension, IndicatorStatus } from '@/protocol/vitals';
import { CONGESTION_BANDS, congestionBandOf } from '@/domain/congestion';
import { RAIN_BANDS } from '@/domain/rainBands';
import { PUMP_STATE_COLORS } from '@/map/mapPalette';
import type { LiveChartOption } from '@/shared/charts/echarts';
import { bandGaugeOption, niceMax, statusBands } from '../charts/bandGaugeOption';
import { barsOption } from '../charts/barsOption';
import { rgbCss, SCREEN_THEME, STATUS_COLORS } from '@/shared/palette';
import { ringOption } from '../charts/ringOption';
import type { IndicatorReading } from '../indicatorView';
import { gaugesByRainBand, incidentsByStatus, pumpsByState } from './featureData';

export interface FeatureLegendItem {
  label: string;
  color: string;
  value: string;
}

export interface FeatureView {
  kind: 'gauge' | 'ring' | 'bars';
  title: string;
  option: LiveChartOption;
  legend: FeatureLegendItem[];
  /** One line under the chart, e.g. where the heaviest rain is. */
  caption: string;
}

export interface FeatureInput {
  dimension: Dimension;
  readings: readonly IndicatorReading[];
  incidents: Iterable<Incident>;
  /** Live channel arrays (missing before the first snapshot). */
  rain?: ArrayLike<number>;
  pumpStates?: ArrayLike<number>;
  /** The city traffic index (length-weighted, as the header and the map show it), NaN when unknown. */
  cityTrafficIndex: number;
  /** Where the heaviest rain falls now, or '' when it is dry. */
  peakRain: string;
  t: (key: string, values?: Record<string, unknown>) => string;
  /** Formats a number for the locale with a fixed number of decimals. */
  fmt: (v: number, digits?: number) => string;
  /** An indicator's name in the current language. */
  nameOf: (reading: IndicatorReading) => string;
}

const STATUS_TONES: Record<IncidentStatus, string> = {
  new: SCREEN_THEME.alarm,
  dispatched: SCREEN_THEME.warn,
  accepted: '#ffd84a',
  onSite: SCREEN_THEME.accent,
  resolved: SCREEN_THEME.ok,
  // Checked and awaiting closure: the resolved green, a step darker.
  verified: SCREEN_THEME.primary,
  closed: SCREEN_THEME.textDim,
  cancelled: '#5d6b7a',
};
const PUMP_ORDER: readonly PumpState[] = ['running', 'standby', 'fault', 'offline'];

export function featureView(input: FeatureInput): FeatureView {
  switch (input.dimension) {
    case 'cityDynamics':
      return incidentRing(input);
    case 'environment':
      return rainBars(input);
    case 'traffic':
      return trafficGauge(input);
    case 'supply':
      return leadGauge(input);
    case 'infrastructure':
      return pumpRing(input);
  }
}

function incidentRing({ incidents, t, fmt }: FeatureInput): FeatureView {
  const counts = incidentsByStatus(incidents);
  const shown: IncidentStatus[] = ['new', 'dispatched', 'accepted', 'onSite', 'resolved', 'verified'];
  const total = shown.reduce((s, k) => s + counts[k], 0);
  const slices = shown.map((k) => ({ name: t(`incident.statuses.${k}`), value: counts[k], color: STATUS_TONES[k] }));
  return {
    kind: 'ring',
    title: t('vitals.features.incidents'),
    option: ringOption({ slices, centreText: fmt(total, 0), centreCaption: t('vitals.features.open') }),
    legend: slices.map((s) => ({ label: s.name, color: s.color, value: fmt(s.value, 0) })),
    caption: '',
  };
}

function rainBars({ rain, peakRain, t, fmt }: FeatureInput): FeatureView {
  const counts = rain ? gaugesByRainBand(rain) : null;
  // Dry gauges are most of the city most of the time; leaving them out keeps the wet bands readable.
  const bars = RAIN_BANDS.slice(1).map((b) => ({ label: fmt(b.min, b.min % 1 ? 1 : 0), value: counts ? counts[b.id] : 0, color: rgbCss(b.color) }));
  return {
    kind: 'bars',
    title: t('vitals.features.rainBands'),
    option: barsOption({ bars, formatValue: (v) => fmt(v, 0) }),
    legend: [],
    caption: peakRain,
  };
}

function trafficGauge({ cityTrafficIndex, t, fmt }: FeatureInput): FeatureView {
  const known = Number.isFinite(cityTrafficIndex);
  const band = known ? CONGESTION_BANDS[congestionBandOf(cityTrafficIndex)] : undefined;
  const color = band ? rgbCss(band.color) : STATUS_COLORS.none;
  return {
    kind: 'gauge',
    title: t('vitals.features.trafficIndex'),
    option: bandGaugeOption({
      value: known ? cityTrafficIndex : null,
      min: 0,
      max: 10,
      bands: CONGESTION_BANDS.map((b, i) => ({ to: CONGESTION_BANDS[i + 1]?.min ?? 10, color: rgbCss(b.color) })),
      valueText: known ? fmt(cityTrafficIndex, 1) : '—',
      caption: band ? t(`map.congestion.${band.id}`) : '',
      color,
      labelSplits: true,
      formatAxis: (v) => fmt(v, 0),
    }),
    legend: [],
    caption: '',
  };
}

function leadGauge({ readings, t, fmt, nameOf }: FeatureInput): FeatureView {
  const lead = readings[0];
  if (!lead) return { kind: 'gauge', title: '', option: bandGaugeOption({ value: null, min: 0, max: 1, bands: [], valueText: '—', caption: '', color: STATUS_COLORS.none }), legend: [], caption: '' };
  const { spec, value, status } = lead;
  const max = niceMax(spec.warning, spec.alarm, value);
  const color = STATUS_COLORS[(status ?? 'none') as IndicatorStatus | 'none'];
  return {
    kind: 'gauge',
    title: nameOf(lead),
    option: bandGaugeOption({
      value,
      min: 0,
      max,
      bands: statusBands(spec.direction, spec.warning, spec.alarm, max),
      valueText: value === null ? '—' : fmt(value, spec.digits),
      caption: spec.unit,
      color,
      formatAxis: (v) => fmt(v, 0),
    }),
    legend: [],
    caption: status ? t(`vitals.status.${status}`) : '',
  };
}

function pumpRing({ pumpStates, t, fmt }: FeatureInput): FeatureView {
  const counts = pumpStates ? pumpsByState(pumpStates) : null;
  const slices = PUMP_ORDER.map((s) => ({ name: t(`map.pumpState.${s}`), value: counts ? counts[s] : 0, color: rgbCss(PUMP_STATE_COLORS[s]) }));
  const total = slices.reduce((s, x) => s + x.value, 0);
  return {
    kind: 'ring',
    title: t('vitals.features.pumps'),
    option: ringOption({ slices, centreText: counts ? fmt(total, 0) : '—', centreCaption: t('vitals.features.stations') }),
    legend: slices.map((s) => ({ label: s.name, color: s.color, value: counts ? fmt(s.value, 0) : '—' })),
    caption: '',
  };
}
