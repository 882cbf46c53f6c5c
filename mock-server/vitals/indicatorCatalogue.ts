/**
 * The vital-sign indicator system (城市运行生命体征指标体系): five dimensions, one file each under
 * indicators/, each indicator with its unit, warning and alarm bands, how it is computed (one line in
 * each language and the formula itself), display digits and, where assets make it up, the drill-down
 * that lights them on the map. The order here is the order of every frame's `vitals.values`.
 *
 * Bands follow the brief's thresholds where there is one (rain grades, underpass 25 cm, AQI bands,
 * signal colours, traffic index) and otherwise mark where the simulated city is under strain.
 */
import type { IndicatorSpec } from '../../src/protocol/vitals';
import { CITY_DYNAMICS } from './indicators/cityDynamics';
import type { IndicatorDefinition } from './indicators/defineIndicator';
import { ENVIRONMENT } from './indicators/environment';
import { INFRASTRUCTURE } from './indicators/infrastructure';
import { SUPPLY } from './indicators/supply';
import { TRAFFIC } from './indicators/traffic';

/** Every indicator with its formula, in frame order. */
export const INDICATOR_DEFINITIONS = [...CITY_DYNAMICS, ...ENVIRONMENT, ...TRAFFIC, ...SUPPLY, ...INFRASTRUCTURE];

/** The catalogue's indicator ids. */
export type IndicatorId = (typeof INDICATOR_DEFINITIONS)[number]['id'];

/** The definition as the wire, the history and the summary carry it: everything but the formula. */
function specOf(definition: IndicatorDefinition): IndicatorSpec {
  const spec: Partial<IndicatorDefinition> = { ...definition };
  delete spec.compute;
  return spec as IndicatorSpec;
}

/** The indicator specs, in frame order. */
export const INDICATORS: readonly IndicatorSpec[] = INDICATOR_DEFINITIONS.map(specOf);
