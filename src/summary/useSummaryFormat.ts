/** The report's formatters bound to the page's language. */
import { useI18n } from 'vue-i18n';
import type { IndicatorDaySummary } from '@/protocol/summary';
import { formatChange, formatClock, formatMinutes, formatNumber, formatPercent } from './summaryFormat';

export function useSummaryFormat() {
  const { t, te, locale } = useI18n();
  const en = () => locale.value === 'en';
  return {
    t,
    locale,
    num: (v: number | null | undefined, digits = 0) => formatNumber(v, digits, locale.value),
    pct: (ratio: number | null | undefined) => formatPercent(ratio, locale.value),
    minutes: (m: number | null | undefined) => formatMinutes(m, locale.value),
    clock: (ms: number | null | undefined) => formatClock(ms, locale.value),
    change: (ind: IndicatorDaySummary, reference: number | null) => formatChange(ind.mean, reference, ind.direction, ind.digits, locale.value),
    /** A name in the page's language from a record with `name` and `nameEn`. */
    named: (x: { name: string; nameEn: string } | null | undefined) => (x ? (en() ? x.nameEn : x.name) : '—'),
    status: (s: string | null) => t(`vitals.status.${s ?? 'none'}`),
    incidentStatus: (s: string) => (te(`incident.statuses.${s}`) ? t(`incident.statuses.${s}`) : s),
    category: (c: string) => (te(`incident.categories.${c}`) ? t(`incident.categories.${c}`) : c),
  };
}
