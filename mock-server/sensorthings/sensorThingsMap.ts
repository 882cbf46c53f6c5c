/**
 * The SensorThings map file (`CITYOPS_SENSORTHINGS_MAP`): which of our assets each Datastream of the
 * city's SensorThings server feeds. A CSV with a header line, in the manner of the replay's map
 * (replay/replayMap.ts); lines starting with `#` are comments:
 *
 * ```csv
 * datastream_id,kind,asset_id,measure,unit
 * 17,waterGauge,WL-H01,level,
 * 18,weatherStation,WS-001,temp,Cel
 * ```
 *
 * - `datastream_id`: the Datastream's `@iot.id` (digits: a number; anything else: a string id);
 * - `kind`, `asset_id`: the asset, as the registry names it;
 * - `measure`: the asset's measure (ingest/ingestChannels.ts); empty: the kind's first;
 * - `unit`: empty, the Datastream's own `unitOfMeasurement` says it (read from the server at start);
 *   else the unit its values are in, for a Datastream whose unitOfMeasurement is missing or wrong.
 *
 * Checked when the configuration is read: a problem stops the start, every one named with its line.
 * Documented in docs/ingest.md ("SensorThings").
 */
import { readFileSync } from 'node:fs';
import type { IngestMeasure } from '../ingest/ingestChannels';
import { lineMeasure, mapFileRows } from '../replay/mapFileRows';
import { factorInto, KNOWN_UNITS } from './datastreamUnit';

export const SENSORTHINGS_MAP_COLUMNS = ['datastream_id', 'kind', 'asset_id', 'measure', 'unit'] as const;

/** One map line: a Datastream and the asset measure it feeds. */
export interface DatastreamTarget {
  /** The Datastream's `@iot.id`: a number where the file gives digits, else a string. */
  datastreamId: number | string;
  kind: string;
  assetId: string;
  /** The measure's short name (never empty: the kind's first where the line names none). */
  measure: string;
  spec: IngestMeasure;
  /** The unit the line says the values are in; undefined: ask the Datastream. */
  unit?: string;
  /** Where the line is, `FILE:LINE`, for messages. */
  at: string;
}

/** A parsed map file: its lines in file order. */
export interface SensorThingsMap {
  file: string;
  targets: readonly DatastreamTarget[];
}

/** A map with problems; `problems` are `FILE:LINE: message`, every one found. */
export class SensorThingsMapError extends Error {
  constructor(readonly problems: string[]) {
    super(`the SensorThings map has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'SensorThingsMapError';
  }
}

/** A Datastream id as the file gives it: digits are a number id (FROST's default), anything else a string id. */
function datastreamIdOf(text: string): number | string {
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

/** Reads and parses a map file; throws SensorThingsMapError (an unreadable file is one problem too). */
export function loadSensorThingsMap(path: string): SensorThingsMap {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SensorThingsMapError([`${path}: cannot read the map: ${(err as Error).message}`]);
  }
  return parseSensorThingsMap(text, path);
}

/** Parses a map file's text; `file` names it in problems. Throws SensorThingsMapError listing every problem. */
export function parseSensorThingsMap(csv: string, file = 'map'): SensorThingsMap {
  const rows = mapFileRows(csv, file, {
    columns: SENSORTHINGS_MAP_COLUMNS,
    required: ['datastream_id', 'kind', 'asset_id'],
    rowIs: 'Datastream',
    error: (problems) => new SensorThingsMapError(problems),
  });
  const problems: string[] = [];
  const targets: DatastreamTarget[] = [];
  const lineOf = new Map<string, number>();
  for (const { record, line } of rows) {
    const at = `${file}:${line}`;
    const { datastream_id: idText, kind, asset_id: assetId } = record;
    const unit = record.unit || undefined;
    const before = problems.length;
    if (!idText) problems.push(`${at}: datastream_id is required`);
    const measure = lineMeasure(record, at, problems);
    if (unit !== undefined && !KNOWN_UNITS.has(unit)) problems.push(`${at}: unit "${unit}" is not a unit this server knows: one of ${[...KNOWN_UNITS].join(', ')}`);
    else if (unit !== undefined && measure && factorInto(measure.spec, unit) === undefined) {
      problems.push(`${at}: ${kind} ${measure.name} cannot be reported in ${unit}: it takes ${measure.spec.units.map((u) => u.unit || '(no unit)').join(', ')}`);
    }
    if (problems.length > before || !measure) continue;
    const datastreamId = datastreamIdOf(idText);
    const seen = lineOf.get(`ds:${idText}`);
    const fed = lineOf.get(`asset:${kind}/${assetId}/${measure.name}`);
    if (seen !== undefined) problems.push(`${at}: Datastream ${idText} is already mapped on line ${seen}`);
    else if (fed !== undefined) problems.push(`${at}: ${kind} ${assetId} ${measure.name} is already fed by line ${fed}: one Datastream per asset and measure`);
    if (problems.length > before) continue;
    lineOf.set(`ds:${idText}`, line);
    lineOf.set(`asset:${kind}/${assetId}/${measure.name}`, line);
    targets.push({ datastreamId, kind, assetId, measure: measure.name, spec: measure.spec, ...(unit === undefined ? {} : { unit }), at });
  }
  if (problems.length > 0) throw new SensorThingsMapError(problems);
  return { file, targets };
}
