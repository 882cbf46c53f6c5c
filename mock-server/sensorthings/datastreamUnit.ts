/**
 * What unit a SensorThings Datastream reports in, read from its `unitOfMeasurement` (symbol, then
 * definition), and the factor that turns its values into the unit our measure is kept in
 * (ingest/ingestChannels.ts, plus the length conversions of replay/unitConversion.ts). A Datastream
 * whose unit we cannot tell, or cannot convert, is refused with a message that says which and why.
 */
import type { IngestMeasure } from '../ingest/ingestChannels';
import { conversionFactor } from '../replay/unitConversion';

/** A Datastream's `unitOfMeasurement` as the server gives it (every field may be null or absent). */
export interface UnitOfMeasurement {
  name?: string | null;
  symbol?: string | null;
  definition?: string | null;
}

/**
 * Unit names as the ingest side spells them (SenML, RFC 8428 §12.1), by the spellings SensorThings
 * servers use in `symbol` (UCUM case-sensitive codes, their printed forms) and by the last part of a
 * `definition` URI (UCUM, QUDT 1.x and 2.x names). A unit no measure takes (lumen, kelvin) is listed
 * too, so the refusal can name it instead of calling it unknown.
 */
const UNIT_SPELLINGS: Readonly<Record<string, string>> = {
  Cel: 'Cel',
  '°C': 'Cel',
  '℃': 'Cel',
  degC: 'Cel',
  DegreeCelsius: 'Cel',
  DEG_C: 'Cel',
  K: 'K',
  Kelvin: 'K',
  m: 'm',
  Meter: 'm',
  Metre: 'm',
  M: 'm',
  cm: 'cm',
  Centimeter: 'cm',
  CentiM: 'cm',
  mm: 'mm',
  Millimeter: 'mm',
  MilliM: 'mm',
  in: 'in',
  '[in_i]': 'in',
  Inch: 'in',
  IN: 'in',
  ft: 'ft',
  '[ft_i]': 'ft',
  Foot: 'ft',
  FT: 'ft',
  'mm/h': 'mm/h',
  'mm/hr': 'mm/h',
  'mm.h-1': 'mm/h',
  MillimeterPerHour: 'mm/h',
  'MilliM-PER-HR': 'mm/h',
  'm/s': 'm/s',
  'm.s-1': 'm/s',
  MeterPerSecond: 'm/s',
  'M-PER-SEC': 'm/s',
  'km/h': 'km/h',
  'km.h-1': 'km/h',
  KilometerPerHour: 'km/h',
  'KiloM-PER-HR': 'km/h',
  'm3/s': 'm3/s',
  'm³/s': 'm3/s',
  'm3.s-1': 'm3/s',
  CubicMeterPerSecond: 'm3/s',
  'M3-PER-SEC': 'm3/s',
  lm: 'lm',
  Lumen: 'lm',
  LM: 'lm',
};

/** The unit names a map line's `unit` column may give: every name the spellings resolve to. */
export const KNOWN_UNITS: ReadonlySet<string> = new Set(Object.values(UNIT_SPELLINGS));

/** The part of a definition URI that names the unit: after the last `#`, `/` or `:`. */
function definitionToken(definition: string): string {
  return definition.slice(Math.max(definition.lastIndexOf('#'), definition.lastIndexOf('/'), definition.lastIndexOf(':')) + 1);
}

const isBlank = (s: string | null | undefined): boolean => s === undefined || s === null || s.trim() === '';

/**
 * The unit a Datastream reports in, or why it cannot be told. A symbol we know wins; else a
 * definition we know; a symbol and a definition that name different units are a contradiction the
 * map must settle (its `unit` column). A unitOfMeasurement with no name, symbol or definition at all
 * is a unitless one (a category or a state code).
 */
export function datastreamUnit(uom: UnitOfMeasurement | null | undefined): { unit: string; from: string } | { error: string } {
  const symbol = isBlank(uom?.symbol) ? undefined : uom!.symbol!.trim();
  const definition = isBlank(uom?.definition) ? undefined : uom!.definition!.trim();
  if (symbol === undefined && definition === undefined && isBlank(uom?.name)) return { unit: '', from: 'no unit (a category or state)' };
  const bySymbol = symbol === undefined ? undefined : UNIT_SPELLINGS[symbol];
  const byDefinition = definition === undefined ? undefined : UNIT_SPELLINGS[definitionToken(definition)];
  const said = [symbol === undefined ? undefined : `symbol "${symbol}"`, uom?.name ? `name "${uom.name}"` : undefined, definition === undefined ? undefined : `definition "${definition}"`]
    .filter(Boolean)
    .join(', ');
  if (bySymbol !== undefined && byDefinition !== undefined && bySymbol !== byDefinition) {
    return { error: `its unitOfMeasurement contradicts itself (${said}: ${bySymbol} by the symbol, ${byDefinition} by the definition): give the unit in the map's unit column` };
  }
  if (bySymbol !== undefined) return { unit: bySymbol, from: `symbol "${symbol}"` };
  if (byDefinition !== undefined) {
    const symbolNote = symbol === undefined ? '' : `; its symbol "${symbol}" is not a unit this server knows`;
    return { unit: byDefinition, from: `definition "${definition}"${symbolNote}` };
  }
  return { error: `its unitOfMeasurement (${said}) names no unit this server knows: give the unit in the map's unit column (one of ${[...KNOWN_UNITS].join(', ')})` };
}

/**
 * What multiplies a value in `unit` to give it in the measure's own unit: an accepted unit's factor,
 * else a length conversion to the measure's own unit; undefined where the measure cannot take it.
 */
export function factorInto(measure: IngestMeasure, unit: string): number | undefined {
  const accepted = measure.units.find((u) => u.unit === unit);
  if (accepted) return accepted.factor;
  return conversionFactor(unit, measure.units[0].unit);
}
