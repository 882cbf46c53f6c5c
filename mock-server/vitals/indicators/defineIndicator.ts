/**
 * An indicator as the catalogue defines it: its spec (what the wire, the history and the summary
 * carry) and, beside it, the formula that computes it from the facts of a frame. `compute` is
 * required, so an indicator without a formula does not compile.
 */
import type { IndicatorSpec } from '../../../src/protocol/vitals';
import type { VitalsFacts } from '../vitalsFacts';

export interface IndicatorDefinition<Id extends string = string> extends IndicatorSpec {
  id: Id;
  /** The value from one frame's facts, unrounded (the catalogue's digits round it). */
  compute(facts: VitalsFacts): number;
}

/** Keeps the literal id of a definition, so the catalogue's ids form a union type. */
export function defineIndicator<const Id extends string>(definition: IndicatorDefinition<Id>): IndicatorDefinition<Id> {
  return definition;
}
