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
import { parse } from 'csv-parse/sync';
import { INGEST_MEASURES, measureOf } from '../ingest/ingestChannels';
import { isAssetKind } from '../ingest/assetLookup';
import type { RecordedReading } from './recordedReading';

export const MAP_COLUMNS = ['source_id', 'parameter', 'kind', 'asset_id', 'measure'] as const;

/** Where a recorded series goes: an asset's measure, in that measure's own unit. */
export interface MapTarget {
  kind: string;
  assetId: string;
  measure: string;
  /** The unit the measure is reported in (the first of its accepted units). */
  unit: string;
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

const reportedKinds = () => Object.keys(INGEST_MEASURES).join(', ');

/** Parses a map file's text; `file` names it in problems. Throws ReplayMapError listing every problem. */
export function parseReplayMap(csv: string, file = 'map'): ReplayMap {
  const problems: string[] = [];
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(csv, { columns: true, comment: '#', comment_no_infix: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (err) {
    throw new ReplayMapError([`${file}: not a readable CSV file: ${(err as Error).message}`]);
  }
  const header = rows.length > 0 ? Object.keys(rows[0].record) : [];
  const lacking = ['source_id', 'kind', 'asset_id'].filter((c) => !header.includes(c));
  if (rows.length === 0) throw new ReplayMapError([`${file}: no rows: a header (${MAP_COLUMNS.join(',')}) and one row per recorded series`]);
  if (lacking.length > 0) throw new ReplayMapError([`${file}: the header lacks ${lacking.join(', ')} (columns: ${MAP_COLUMNS.join(',')})`]);
  const unknown = header.filter((c) => !(MAP_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new ReplayMapError([`${file}: unknown column ${unknown.join(', ')} (columns: ${MAP_COLUMNS.join(',')})`]);

  const map = new Map<string, Map<string, MapTarget>>();
  const fedBy = new Map<string, number>();
  for (const { record, info } of rows) {
    const at = `${file}:${info.lines}`;
    const { source_id: sourceId, kind, asset_id: assetId } = record;
    const parameter = record.parameter ?? '';
    const before = problems.length;
    if (!sourceId) problems.push(`${at}: source_id is required`);
    if (!assetId) problems.push(`${at}: asset_id is required`);
    if (!kind) problems.push(`${at}: kind is required`);
    const measure = kind && isAssetKind(kind) ? measureOf(kind, record.measure || undefined) : undefined;
    if (kind && !(isAssetKind(kind) && INGEST_MEASURES[kind])) problems.push(`${at}: kind "${kind}" is not reported from outside: one of ${reportedKinds()}`);
    else if (kind && !measure) problems.push(`${at}: ${kind} has no measure "${record.measure}": one of ${Object.keys(INGEST_MEASURES[kind as keyof typeof INGEST_MEASURES]!).join(', ')}`);
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
    fedBy.set(fed, info.lines);
    bySource.set(parameter, { kind, assetId, measure: measure.name, unit: measure.spec.units[0].unit, line: info.lines });
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
