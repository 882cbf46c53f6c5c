/**
 * The factor from a recording's unit to the unit a measure is reported in (ingest/ingestChannels.ts):
 * lengths between the imperial units US recordings use (FloodNet inches, USGS feet) and metric ones,
 * and any unit to itself. Other conversions (discharge to a level, say) have no factor: a map that asks
 * for one is refused before anything is sent.
 */

/** Metres per unit, by SenML / UCUM-style name and the spellings US recordings use. */
const METRES: Readonly<Record<string, number>> = {
  m: 1,
  cm: 0.01,
  mm: 0.001,
  in: 0.0254,
  ft: 0.3048,
};

/** What multiplies a value in `from` to give it in `to`; undefined where there is no such factor. */
export function conversionFactor(from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = METRES[from];
  const b = METRES[to];
  return a !== undefined && b !== undefined ? a / b : undefined;
}
