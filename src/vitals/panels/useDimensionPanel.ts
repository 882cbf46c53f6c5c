/**
 * Everything a dimension panel shows, from the stores: its indicators with values and statuses, the
 * dimension's status, whether the data is stale, the last hour per indicator and the headline chart.
 */
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useApiFetch } from '@/auth/apiFetch';
import { useFixedDigits } from '@/i18n/fixedDigits';
import { DIMENSIONS, dimensionStatus, type Dimension } from '@/protocol/vitals';
import { staleAfterMs } from '@/realtime/feedState';
import { useNow } from '@/shared/useNow';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { useConnectionStore } from '@/stores/useConnectionStore';
import { useLiveStore } from '@/stores/useLiveStore';
import { featureView } from '../features/featureView';
import { SPARK_REFRESH_MS, useVitalsHistory } from '../history/useVitalsHistory';
import { readingsOf, type IndicatorReading } from '../indicatorView';
import { summarizeRainfall } from '../rainfall/summarizeRainfall';

export function useDimensionPanel(dimension: Ref<Dimension>) {
  const { t, locale } = useI18n();
  const live = useLiveStore();
  const events = useCityEventsStore();
  const connection = useConnectionStore();
  const now = useNow();

  const specs = computed(() => live.catalog?.indicators ?? []);
  const vitals = computed(() => live.vitals ?? null);
  const readings = computed(() => readingsOf(specs.value, vitals.value, dimension.value));
  const status = computed(() => dimensionStatus(specs.value, vitals.value?.values ?? [], dimension.value));
  // Each dimension redraws its sparklines in its own second of the refresh period.
  const phaseMs = (DIMENSIONS.indexOf(dimension.value) * SPARK_REFRESH_MS) / DIMENSIONS.length;
  const history = useVitalsHistory(readings, vitals, computed(() => (live.catalog ? String(live.catalog.version) : null)), useApiFetch(), phaseMs);

  const staleMs = computed(() => staleAfterMs(connection.tickMs));
  const receivedAt = computed(() => live.frame?.receivedAt ?? null);
  // The header's feed state decides too, so a panel never reads live while the header says stale.
  const stale = computed(() => connection.state !== 'live' || receivedAt.value === null || !vitals.value || now.value - receivedAt.value > staleMs.value);

  const en = computed(() => locale.value === 'en');
  const nameOf = (r: IndicatorReading) => (en.value ? r.spec.nameEn : r.spec.name);
  const labelOf = (r: IndicatorReading) => (en.value ? (r.spec.shortEn ?? r.spec.nameEn) : r.spec.name);
  const definitionOf = (r: IndicatorReading) => (en.value ? r.spec.definitionEn : r.spec.definition);
  const fmt = useFixedDigits();

  /** Where the heaviest rain is, for the environment panel's caption. */
  const peakRain = (): string => {
    const rain = live.channels?.rain;
    const gauges = live.catalog?.groups.rainGauge;
    if (!rain || !gauges) return '';
    const s = summarizeRainfall(rain, [], [], []);
    if (s.maxSlot < 0) return t('vitals.features.dry');
    return t('vitals.features.peak', { value: fmt(s.maxMmH, 1), where: en.value ? gauges.namesEn[s.maxSlot] : gauges.names[s.maxSlot] });
  };

  const feature = computed(() => {
    void live.version; // channel arrays change in place; the version says when
    void events.version;
    const ch = live.channels;
    return featureView({
      dimension: dimension.value,
      readings: readings.value,
      incidents: events.incidents.values(),
      rain: ch?.rain,
      pumpStates: ch?.['pump.state'],
      cityTrafficIndex: dimension.value === 'traffic' ? live.cityTrafficIndex : NaN,
      peakRain: dimension.value === 'environment' ? peakRain() : '',
      t,
      fmt,
      nameOf,
    });
  });

  return { readings, status, stale, staleMs, receivedAt, history, feature, nameOf, labelOf, definitionOf, fmt };
}
