/**
 * The daily vital-sign summary (城市运行生命体征日报) from the stored history: per indicator the day's
 * spread and time in its bands against yesterday and the week; incidents with their dispatch and
 * closing times and SLA; the flood day (rain, water levels, underpass closures, pumps); and a few
 * generated sentences. Pure: the caller loads the rows (summaryData.ts), this only computes.
 */
import { INCIDENT_CATEGORIES, type Closure, type Incident, type IncidentCategory } from '../../src/protocol/cityEvents';
import { SUMMARY_TIMEZONE, type DailySummary, type DimensionDaySummary, type GaugePeak, type IncidentDaySummary, type IndicatorDaySummary, type Percentiles } from '../../src/protocol/summary';
import { DIMENSIONS, indicatorStatus, type IndicatorSpec, type IndicatorStatus } from '../../src/protocol/vitals';
import type { AuditEntry } from '../../src/protocol/workOrders';
import type { FloodDayRecord, MinuteRecord } from '../storage/stores';
import { evaluateCases, type CaseStep, type EvaluatedCase } from './caseEvaluation';
import { highlightsOf } from './highlights';

const MIN = 60_000;
const SERIES_STEP_MIN = 5;
const RANK: Record<IndicatorStatus, number> = { normal: 0, warning: 1, alarm: 2 };

export interface NamedSite {
  id: string;
  name: string;
  nameEn: string;
  district: number;
}

export interface SummaryInput {
  date: string;
  from: number;
  to: number;
  now: number;
  indicators: readonly IndicatorSpec[];
  minutes: readonly MinuteRecord[];
  /** The 7 days before, most recent first; empty arrays for days without data. */
  previousDays: readonly (readonly MinuteRecord[])[];
  floodDay: FloodDayRecord | null;
  closures: readonly Closure[];
  incidents: readonly Incident[];
  audit: readonly AuditEntry[];
  /** The cases the evaluation reads: created that day or acted on in it, with all their steps. */
  cases: readonly EvaluatedCase[];
  caseSteps: readonly CaseStep[];
  districts: readonly { name: string; nameEn: string }[];
  rainGauges: readonly NamedSite[];
  waterGauges: readonly (NamedSite & { warning: number; danger: number })[];
  underpasses: readonly NamedSite[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const valuesOf = (minutes: readonly MinuteRecord[], id: string) =>
  minutes.map((m) => m.indicators[id]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

function indicatorDay(spec: IndicatorSpec, input: SummaryInput): IndicatorDaySummary {
  const values = valuesOf(input.minutes, spec.id);
  const sorted = [...values].sort((a, b) => a - b);
  let warningMinutes = 0;
  let alarmMinutes = 0;
  let breaches = 0;
  let worst: IndicatorStatus | null = null;
  let previous: IndicatorStatus | null = null;
  for (const m of input.minutes) {
    const status = indicatorStatus(spec, m.indicators[spec.id] ?? null);
    if (status === 'warning') warningMinutes++;
    if (status === 'alarm') alarmMinutes++;
    if (status && status !== 'normal' && previous === 'normal') breaches++;
    if (status && (!worst || RANK[status] > RANK[worst])) worst = status;
    if (status) previous = status;
  }
  const week = input.previousDays.flatMap((day) => valuesOf(day, spec.id));
  const series: [number, number | null][] = input.minutes
    .filter((m) => Math.round((m.t - input.from) / MIN) % SERIES_STEP_MIN === 0)
    .map((m) => [m.t, m.indicators[spec.id] ?? null]);
  return {
    id: spec.id,
    dimension: spec.dimension,
    name: spec.name,
    nameEn: spec.nameEn,
    unit: spec.unit,
    digits: spec.digits,
    direction: spec.direction,
    warning: spec.warning,
    alarm: spec.alarm,
    samples: values.length,
    min: sorted[0] ?? null,
    max: sorted.at(-1) ?? null,
    mean: mean(values),
    p95: percentile(sorted, 95),
    warningMinutes,
    alarmMinutes,
    breaches,
    worst,
    previousMean: mean(valuesOf(input.previousDays[0] ?? [], spec.id)),
    weekMean: mean(week),
    series,
  };
}

function dimensionDay(dimension: DimensionDaySummary['dimension'], input: SummaryInput, days: readonly IndicatorDaySummary[]): DimensionDaySummary {
  const specs = input.indicators.filter((s) => s.dimension === dimension);
  let warningMinutes = 0;
  let alarmMinutes = 0;
  for (const m of input.minutes) {
    let worst = -1;
    for (const spec of specs) {
      const s = indicatorStatus(spec, m.indicators[spec.id] ?? null);
      if (s) worst = Math.max(worst, RANK[s]);
    }
    if (worst >= 1) warningMinutes++;
    if (worst >= 2) alarmMinutes++;
  }
  const worst = days
    .filter((d) => d.dimension === dimension)
    .reduce<IndicatorStatus | null>((w, d) => (d.worst && (!w || RANK[d.worst] > RANK[w]) ? d.worst : w), null);
  return { dimension, worst, warningMinutes, alarmMinutes };
}

function spread(minutes: number[]): Percentiles {
  const sorted = [...minutes].sort((a, b) => a - b);
  return { count: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

function incidentDay(input: SummaryInput): IncidentDaySummary {
  const { incidents, audit, from, to, now, districts } = input;
  const byIncident = new Map<string, AuditEntry[]>();
  for (const e of audit) {
    const list = byIncident.get(e.incidentId);
    if (list) list.push(e);
    else byIncident.set(e.incidentId, [e]);
  }
  const firstAt = (id: string, actions: readonly string[]) => byIncident.get(id)?.find((e) => actions.includes(e.action))?.at ?? null;
  const byCategory: Partial<Record<IncidentCategory, number>> = {};
  const byPriority = { '1': 0, '2': 0, '3': 0, '4': 0 };
  const perDistrict = new Map<number, number>();
  const toDispatch: number[] = [];
  const toClose: number[] = [];
  let met = 0;
  let escalations = 0;
  let cancelled = 0;
  const open: IncidentDaySummary['longestOpen'] = [];
  const dayEnd = Math.min(to, now);
  for (const i of incidents) {
    byCategory[i.category] = (byCategory[i.category] ?? 0) + 1;
    byPriority[String(i.priority) as keyof typeof byPriority]++;
    perDistrict.set(i.district, (perDistrict.get(i.district) ?? 0) + 1);
    const dispatchedAt = firstAt(i.id, ['dispatch']);
    const closedAt = firstAt(i.id, ['close']);
    const endedAt = firstAt(i.id, ['close', 'cancel']);
    if (dispatchedAt !== null) toDispatch.push((dispatchedAt - i.createdAt) / MIN);
    if (closedAt !== null) toClose.push((closedAt - i.createdAt) / MIN);
    if (!i.slaBreach) met++;
    if (i.status === 'cancelled') cancelled++;
    escalations += (byIncident.get(i.id) ?? []).filter((e) => (e.action === 'escalate' || e.action === 'slaBreach') && e.at >= from && e.at < to).length;
    const until = endedAt !== null && endedAt < dayEnd ? endedAt : dayEnd;
    open.push({ id: i.id, category: i.category, priority: i.priority, district: i.district, status: i.status, createdAt: i.createdAt, openMinutes: Math.max(0, (until - i.createdAt) / MIN) });
  }
  const byDistrict = [...perDistrict.entries()]
    .map(([district, count]) => ({ district, name: districts[district]?.name ?? '?', nameEn: districts[district]?.nameEn ?? '?', count }))
    .sort((a, b) => b.count - a.count || a.district - b.district);
  return {
    total: incidents.length,
    byCategory: Object.fromEntries(INCIDENT_CATEGORIES.filter((c) => byCategory[c]).map((c) => [c, byCategory[c]])),
    byPriority,
    byDistrict,
    timeToDispatch: spread(toDispatch),
    timeToClose: spread(toClose),
    sla: { total: incidents.length, met, compliance: incidents.length ? met / incidents.length : null },
    escalations,
    cancelled,
    longestOpen: open.sort((a, b) => b.openMinutes - a.openMinutes).slice(0, 5),
  };
}

function floodDay(input: SummaryInput): DailySummary['flood'] {
  const { floodDay: day, minutes, closures, from, to, now, districts, rainGauges, waterGauges, underpasses } = input;
  const totals = day?.gaugeRainMm ?? [];
  const perDistrict = new Map<number, number[]>();
  rainGauges.forEach((g, i) => {
    const list = perDistrict.get(g.district);
    if (list) list.push(totals[i] ?? 0);
    else perDistrict.set(g.district, [totals[i] ?? 0]);
  });
  const districtTotals = [...perDistrict.entries()]
    .map(([district, mms]) => ({ district, name: districts[district]?.name ?? '?', nameEn: districts[district]?.nameEn ?? '?', count: mms.length, mm: mean(mms) ?? 0 }))
    .sort((a, b) => b.mm - a.mm);
  let wettest = -1;
  totals.forEach((mm, i) => {
    if (wettest < 0 || mm > totals[wettest]) wettest = i;
  });
  let peak: DailySummary['flood']['rainfall']['peak'] = null;
  for (const m of minutes) {
    if (m.flood.rainMaxSlot >= 0 && m.flood.rainMax > (peak?.mmH ?? 0)) {
      const g = rainGauges[m.flood.rainMaxSlot];
      peak = { mmH: m.flood.rainMax, gaugeId: g.id, name: g.name, nameEn: g.nameEn, district: g.district, at: m.t };
    }
  }
  const waterLevels: GaugePeak[] = waterGauges
    .map((g, i) => ({ g, i, peak: day?.waterPeakM[i] ?? -Infinity }))
    .filter((x) => Number.isFinite(x.peak))
    .sort((a, b) => b.peak - b.g.warning - (a.peak - a.g.warning))
    .slice(0, 5)
    .map(({ g, i, peak: p }) => ({
      gaugeId: g.id,
      name: g.name,
      nameEn: g.nameEn,
      district: g.district,
      peakM: p,
      at: day!.waterPeakAt[i],
      warningM: g.warning,
      dangerM: g.danger,
      overWarningMinutes: day!.waterOverWarningMinutes[i],
    }));
  const dayEnd = Math.min(to, now);
  const closedBy = new Map<number, number>();
  let closedMinutes = 0;
  let issued = 0;
  for (const c of closures) {
    const start = Math.max(from, c.issuedAt);
    const end = Math.min(dayEnd, c.liftedAt ?? dayEnd);
    if (end <= start) continue;
    if (c.issuedAt >= from && c.issuedAt < to) issued++;
    const m = (end - start) / MIN;
    closedMinutes += m;
    closedBy.set(c.underpassSlot, (closedBy.get(c.underpassSlot) ?? 0) + m);
  }
  let longest: DailySummary['flood']['underpasses']['longest'] = null;
  for (const [slot, m] of closedBy) {
    if (!longest || m > longest.minutes) longest = { underpassId: underpasses[slot].id, name: underpasses[slot].name, nameEn: underpasses[slot].nameEn, minutes: m };
  }
  return {
    rainfall: {
      cityMeanMm: mean(totals) ?? 0,
      districtTotals,
      wettestGauge: wettest >= 0 ? { gaugeId: rainGauges[wettest].id, name: rainGauges[wettest].name, nameEn: rainGauges[wettest].nameEn, district: rainGauges[wettest].district, mm: totals[wettest] } : null,
      peak,
    },
    waterLevels,
    gaugesOverWarning: (day?.waterOverWarningMinutes ?? []).filter((m) => m > 0).length,
    underpasses: { closures: issued, underpassesClosed: closedBy.size, closedMinutes, longest },
    pumps: {
      runHours: (day?.pumpRunMinutes ?? 0) / 60,
      peakRunning: Math.max(0, ...minutes.map((m) => m.flood.pumpsRunning)),
      faults: input.incidents.filter((i) => i.category === 'pumpFault').length,
      peakFaulty: Math.max(0, ...minutes.map((m) => m.flood.pumpsFaulty)),
    },
  };
}

export function buildDailySummary(input: SummaryInput): DailySummary {
  const indicators = input.indicators.map((spec) => indicatorDay(spec, input));
  const dimensions = DIMENSIONS.map((d) => dimensionDay(d, input, indicators));
  const summary: Omit<DailySummary, 'highlights'> = {
    date: input.date,
    timezone: SUMMARY_TIMEZONE,
    from: input.from,
    to: input.to,
    coverageMinutes: input.minutes.length,
    generatedAt: input.now,
    dimensions,
    indicators,
    incidents: incidentDay(input),
    flood: floodDay(input),
    evaluation: evaluateCases({ from: input.from, to: input.to, now: input.now, cases: input.cases, steps: input.caseSteps }),
  };
  return { ...summary, highlights: highlightsOf(summary) };
}
