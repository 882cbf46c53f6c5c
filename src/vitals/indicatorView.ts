/**
 * The vital-sign indicators of one dimension as a panel shows them: spec, current value and status,
 * in catalogue order; and the dimension's worst indicator, which the director drills into.
 */
import { indicatorStatus, type Dimension, type IndicatorSpec, type IndicatorStatus, type VitalsFrame } from '@/protocol/vitals';

export interface IndicatorReading {
  spec: IndicatorSpec;
  /** Position in the catalogue, i.e. in every frame's `values`. */
  index: number;
  value: number | null;
  status: IndicatorStatus | null;
}

export const STATUS_RANK: Record<IndicatorStatus, number> = { normal: 0, warning: 1, alarm: 2 };

/** A finite value or null: NaN and ±Infinity from a sensor gap read as "no value". */
export function valueAt(vitals: VitalsFrame | null, index: number): number | null {
  const v = vitals?.values[index];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function readingsOf(specs: readonly IndicatorSpec[], vitals: VitalsFrame | null, dimension: Dimension): IndicatorReading[] {
  const out: IndicatorReading[] = [];
  specs.forEach((spec, index) => {
    if (spec.dimension !== dimension) return;
    const value = valueAt(vitals, index);
    out.push({ spec, index, value, status: indicatorStatus(spec, value) });
  });
  return out;
}

/**
 * How deep into its bands a reading is, 0 at the warning line and 1 at the alarm line (negative
 * while normal), so two indicators of the same status can be ranked.
 */
export function bandDepth(spec: IndicatorSpec, value: number): number {
  const span = spec.alarm - spec.warning;
  if (span === 0) return spec.direction === 'up' ? Math.sign(value - spec.warning) : Math.sign(spec.warning - value);
  return (value - spec.warning) / span;
}

/**
 * The reading to drill into: the worst status first, then the one deepest into its bands, then one
 * that can light something on the map, then catalogue order. Null when the dimension has none.
 */
export function worstReading(readings: readonly IndicatorReading[]): IndicatorReading | null {
  let best: IndicatorReading | null = null;
  const key = (r: IndicatorReading): [number, number, number] => [
    r.status ? STATUS_RANK[r.status] : -1,
    r.value === null ? -Infinity : bandDepth(r.spec, r.value),
    r.spec.drill ? 1 : 0,
  ];
  for (const r of readings) {
    if (!best) {
      best = r;
      continue;
    }
    const [a0, a1, a2] = key(r);
    const [b0, b1, b2] = key(best);
    if (a0 > b0 || (a0 === b0 && (a1 > b1 || (a1 === b1 && a2 > b2)))) best = r;
  }
  return best;
}
