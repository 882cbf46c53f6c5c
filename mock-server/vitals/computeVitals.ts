/**
 * Computes every vital-sign indicator from the facts of a frame (vitalsFacts.ts), each by the formula
 * beside its definition. Values are rounded to the indicator's display digits, so the wall screen,
 * the API and the bands all see the same number.
 */
import type { VitalsFrame } from '../../src/protocol/vitals';
import type { IndicatorDefinition } from './indicators/defineIndicator';
import type { VitalsFacts } from './vitalsFacts';

/** Rounds to `digits` decimals; NaN and ±Infinity become null (no value). */
export function roundTo(value: number, digits: number): number | null {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  // +0 rather than −0 after rounding a small negative.
  return Math.round(value * f) / f + 0;
}

/** Every indicator of `definitions` at `facts.timeMs`, in their order. */
export function computeVitals(definitions: readonly IndicatorDefinition[], facts: VitalsFacts): VitalsFrame {
  return { t: facts.timeMs, values: definitions.map((d) => roundTo(d.compute(facts), d.digits)) };
}
