/**
 * The manager's daily vital-sign summary (城市运行生命体征日报), as `GET /api/summary/:date` answers it
 * and the `/summary` page and the PDF draw it. A day is a calendar day in Shanghai (UTC+8) of the
 * simulated city's clock. Durations are minutes; times are epoch ms; figures are null where the day
 * had no data for them.
 */
import type { CaseEvaluation } from './caseEvaluation';
import type { IncidentCategory, Priority } from './cityEvents';
import type { Dimension, IndicatorStatus } from './vitals';

export const SUMMARY_TIMEZONE = 'Asia/Shanghai';
/** Shanghai is UTC+8 all year (no daylight saving). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch ms of 00:00 in Shanghai on `date` (YYYY-MM-DD), or null when it is not a real date. */
export function shanghaiDayStart(date: string): number | null {
  if (!DATE_PATTERN.test(date)) return null;
  const t = Date.parse(`${date}T00:00:00+08:00`);
  if (!Number.isFinite(t) || new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10) !== date) return null;
  return t;
}

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(t: number): string {
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export interface IndicatorDaySummary {
  id: string;
  dimension: Dimension;
  name: string;
  nameEn: string;
  unit: string;
  digits: number;
  direction: 'up' | 'down';
  warning: number;
  alarm: number;
  /** Minutes with a value. */
  samples: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  p95: number | null;
  /** Minutes spent in the warning band (not counting alarm), and in the alarm band. */
  warningMinutes: number;
  alarmMinutes: number;
  /** Times the indicator went from normal into warning or alarm. */
  breaches: number;
  /** Worst status reached during the day. */
  worst: IndicatorStatus | null;
  /** Mean of the previous day, and of the 7 days before this one (days with data only). */
  previousMean: number | null;
  weekMean: number | null;
  /** The day's value every 5 minutes, for the charts: [t, value | null]. */
  series: [number, number | null][];
}

export interface DimensionDaySummary {
  dimension: Dimension;
  worst: IndicatorStatus | null;
  /** Minutes in which at least one of its indicators was in warning (or worse), in alarm. */
  warningMinutes: number;
  alarmMinutes: number;
}

export interface DistrictCount {
  district: number;
  name: string;
  nameEn: string;
  count: number;
}

export interface Percentiles {
  /** How many incidents the figures are over. */
  count: number;
  median: number | null;
  p90: number | null;
}

export interface LongOpenIncident {
  id: string;
  category: IncidentCategory;
  priority: Priority;
  district: number;
  status: string;
  createdAt: number;
  /** Minutes open by the end of the day (or until closed). */
  openMinutes: number;
}

export interface IncidentDaySummary {
  /** Incidents created during the day. */
  total: number;
  byCategory: Partial<Record<IncidentCategory, number>>;
  byPriority: Record<'1' | '2' | '3' | '4', number>;
  byDistrict: DistrictCount[];
  /** Minutes from creation to the first dispatch, and to closing. */
  timeToDispatch: Percentiles;
  timeToClose: Percentiles;
  /** Of the day's incidents: how many missed no SLA (compliance = met / total). */
  sla: { total: number; met: number; compliance: number | null };
  escalations: number;
  cancelled: number;
  longestOpen: LongOpenIncident[];
}

export interface GaugePeak {
  gaugeId: string;
  name: string;
  nameEn: string;
  district: number;
  peakM: number;
  at: number;
  warningM: number;
  dangerM: number;
  overWarningMinutes: number;
}

export interface FloodDaySummary {
  rainfall: {
    /** City mean rainfall over the day, mm. */
    cityMeanMm: number;
    districtTotals: (DistrictCount & { mm: number })[];
    wettestGauge: { gaugeId: string; name: string; nameEn: string; district: number; mm: number } | null;
    /** The highest rain rate any gauge reported, where and when. */
    peak: { mmH: number; gaugeId: string; name: string; nameEn: string; district: number; at: number } | null;
  };
  /** The gauges that came closest to (or over) their warning lines, highest first. */
  waterLevels: GaugePeak[];
  /** How many water-level gauges were above their warning line at some minute. */
  gaugesOverWarning?: number;
  underpasses: {
    /** Road-closure notices issued for flooded underpasses. */
    closures: number;
    underpassesClosed: number;
    /** Closed minutes summed over closures (within the day). */
    closedMinutes: number;
    longest: { underpassId: string; name: string; nameEn: string; minutes: number } | null;
  };
  pumps: {
    /** Pump-station run hours summed over stations. */
    runHours: number;
    peakRunning: number;
    /** Pump-fault incidents opened. */
    faults: number;
    peakFaulty: number;
  };
}

export interface DailySummary {
  date: string;
  timezone: typeof SUMMARY_TIMEZONE;
  from: number;
  to: number;
  /** Minutes of the day with recorded data (1440 for a full day). */
  coverageMinutes: number;
  generatedAt: number;
  dimensions: DimensionDaySummary[];
  indicators: IndicatorDaySummary[];
  incidents: IncidentDaySummary;
  flood: FloodDaySummary;
  /** Evaluation of the day's case handling (综合评价, GB/T 30428): per street, cell and department. */
  evaluation: CaseEvaluation;
  /** A few sentences on the day, generated from the figures. */
  highlights: { zh: string[]; en: string[] };
}
