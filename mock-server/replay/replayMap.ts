/**
 * The replay's map file: which of our assets each recorded sensor feeds. A CSV with a header line;
 * lines starting with `#` are comments:
 *
 * ```csv
 * source_id,parameter,kind,asset_id,measure
 * BK-carroll-st-4th-av-0ery00,depth,underpass,UP-0001,depth
 * 01491000,00065,waterGauge,WL-H01,level
 * ```
 *
 * - `source_id`: the recording's id of the sensor or site (FloodNet `sensor_id`, USGS site number,
 *   SenML record name);
 * - `parameter`: which of its series (FloodNet `depth`, a USGS parameter code); empty: any;
 * - `kind`, `asset_id`: the asset, as the registry names it;
 * - `measure`: the asset's measure (ingest/ingestChannels.ts); empty: the kind's first.
 *
 * Values are converted from the recording's unit to the measure's (unitConversion.ts). A recorded
 * series the map does not name is skipped and counted. Documented in docs/ingest.md (Replay).
 */
import type { AcceptedUnit } from '../ingest/ingestChannels';
import { lineMeasure, mapFileRows } from './mapFileRows';
import type { RecordedReading } from './recordedReading';

export const MAP_COLUMNS = ['source_id', 'parameter', 'kind', 'asset_id', 'measure'] as const;

/** Where a recorded series goes: an asset's measure, in that measure's own unit. */
export interface MapTarget {
  kind: string;
  assetId: string;
  measure: string;
  /** The unit the measure is reported in (the first of its accepted units). */
  unit: string;
  /** Every unit the server accepts the measure in, with its factor to `unit`. */
  accepted: readonly AcceptedUnit[];
  /** The map line that says so (for messages). */
  line: number;
}

/** A parsed map: targets by source id, then by parameter ('' for a row that names none). */
export type ReplayMap = ReadonlyMap<string, ReadonlyMap<string, MapTarget>>;

/** A map with problems; `problems` are `FILE:LINE: message`, every one found. */
export class ReplayMapError extends Error {
  constructor(readonly problems: string[]) {
    super(`the map has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ReplayMapError';
  }
}

/** Parses a map file's text; `file` names it in problems. Throws ReplayMapError listing every problem. */
export function parseReplayMap(csv: string, file = 'map'): ReplayMap {
  const rows = mapFileRows(csv, file, {
    columns: MAP_COLUMNS,
    required: ['source_id', 'kind', 'asset_id'],
    rowIs: 'recorded series',
    error: (problems) => new ReplayMapError(problems),
  });
  const problems: string[] = [];
  const map = new Map<string, Map<string, MapTarget>>();
  const fedBy = new Map<string, number>();
  for (const { record, line } of rows) {
    const at = `${file}:${line}`;
    const { source_id: sourceId, kind, asset_id: assetId } = record;
    const parameter = record.parameter ?? '';
    const before = problems.length;
    if (!sourceId) problems.push(`${at}: source_id is required`);
    const measure = lineMeasure(record, at, problems);
    if (problems.length > before || !measure) continue;
    const bySource = map.get(sourceId) ?? new Map<string, MapTarget>();
    const earlier = bySource.get(parameter);
    if (earlier) {
      problems.push(`${at}: ${sourceId}${parameter ? ` ${parameter}` : ''} is already mapped on line ${earlier.line}`);
      continue;
    }
    const fed = `${kind}/${assetId}/${measure.name}`;
    const fedLine = fedBy.get(fed);
    if (fedLine !== undefined) {
      problems.push(`${at}: ${kind} ${assetId} ${measure.name} is already fed by line ${fedLine}: one series per asset and measure`);
      continue;
    }
    fedBy.set(fed, line);
    bySource.set(parameter, { kind, assetId, measure: measure.name, unit: measure.spec.units[0].unit, accepted: measure.spec.units, line });
    map.set(sourceId, bySource);
  }
  if (problems.length > 0) throw new ReplayMapError(problems);
  return map;
}

/** The target a recorded reading is mapped to: its source's row for its parameter, else its source's row without one. */
export function targetOf(map: ReplayMap, reading: Pick<RecordedReading, 'sourceId' | 'parameter'>): MapTarget | undefined {
  const bySource = map.get(reading.sourceId);
  return bySource?.get(reading.parameter) ?? bySource?.get('');
}
