/**
 * The factor from a recording's unit to the unit a measure is reported in (ingest/ingestChannels.ts):
 * every unit the server itself accepts for the measure (a wind in km/h, a sump level in cm), lengths
 * between the imperial units US recordings use (FloodNet inches, USGS feet) and metric ones, and any
 * unit to itself. Other conversions (discharge to a level, say) have no factor: a map that asks for one
 * is refused before anything is sent.
 */
import type { AcceptedUnit } from '../ingest/ingestChannels';

/** Metres per unit, by SenML / UCUM-style name and the spellings US recordings use. */
const METRES: Readonly<Record<string, number>> = {
  m: 1,
  cm: 0.01,
  mm: 0.001,
  in: 0.0254,
  ft: 0.3048,
};

/**
 * What multiplies a value in `from` to give it in `to`; undefined where there is no such factor.
 * `accepted`: the measure's accepted units, each with its factor to the channel's own unit.
 */
export function conversionFactor(from: string, to: string, accepted: readonly AcceptedUnit[] = []): number | undefined {
  if (from === to) return 1;
  const fromAccepted = accepted.find((u) => u.unit === from);
  const toAccepted = accepted.find((u) => u.unit === to);
  if (fromAccepted && toAccepted) return fromAccepted.factor / toAccepted.factor;
  const a = METRES[from];
  const b = METRES[to];
  return a !== undefined && b !== undefined ? a / b : undefined;
}
