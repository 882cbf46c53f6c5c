/**
 * City vital signs (城市运行生命体征): the indicator catalogue, sent once with the asset catalogue,
 * and the live values, sent in every frame in catalogue order. Bands and drill-down are data, so the
 * server, the wall screen and the daily summary classify the same way.
 */
import type { AssetKind } from './assetKinds';
import type { ChannelId } from './channels';
import type { IncidentCategory } from './cityEvents';

export const DIMENSIONS = ['cityDynamics', 'environment', 'traffic', 'supply', 'infrastructure'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const INDICATOR_STATUSES = ['normal', 'warning', 'alarm'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/**
 * Which assets make an indicator up, so the wall screen can light them on the map:
 * the slots of a kind whose channel value passes a test, the sites of open incidents of some
 * categories, or the assets of active alarms of a rule (raised by its readings; `trigger: 'frozen'`
 * for the rule's silent sensors instead, or any rule's without a `ruleId`).
 */
export type DrillSpec =
  | { type: 'channel'; kind: AssetKind; channel: ChannelId; op: 'gte' | 'lte' | 'eq' | 'nan'; value: number }
  | { type: 'incidents'; categories: IncidentCategory[] }
  | { type: 'alarms'; ruleId?: string; trigger?: 'frozen' }
  | { type: 'all'; kind: AssetKind };

export interface IndicatorSpec {
  id: string;
  dimension: Dimension;
  name: string;
  nameEn: string;
  /** A shorter English label for the wall's tiles, where nameEn does not fit (the tooltip keeps the full name). */
  shortEn?: string;
  unit: string;
  /** 'up': higher is worse (value ≥ warning → warning); 'down': lower is worse (value ≤ warning → warning). */
  direction: 'up' | 'down';
  warning: number;
  alarm: number;
  /** One line on how it is computed. */
  definition: string;
  definitionEn: string;
  /** Decimals to show. */
  digits: number;
  drill?: DrillSpec;
}

/** Indicator values at one simulated time, in catalogue order; null where there is no value. */
export interface VitalsFrame {
  t: number;
  values: (number | null)[];
}

export function indicatorStatus(spec: IndicatorSpec, value: number | null): IndicatorStatus | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (spec.direction === 'up') return value >= spec.alarm ? 'alarm' : value >= spec.warning ? 'warning' : 'normal';
  return value <= spec.alarm ? 'alarm' : value <= spec.warning ? 'warning' : 'normal';
}

const RANK: Record<IndicatorStatus, number> = { normal: 0, warning: 1, alarm: 2 };

/** A dimension's status is its worst indicator's (null when none has a value). */
export function dimensionStatus(specs: readonly IndicatorSpec[], values: readonly (number | null)[], dimension: Dimension): IndicatorStatus | null {
  let worst: IndicatorStatus | null = null;
  specs.forEach((spec, i) => {
    if (spec.dimension !== dimension) return;
    const s = indicatorStatus(spec, values[i] ?? null);
    if (s && (!worst || RANK[s] > RANK[worst])) worst = s;
  });
  return worst;
}
