/**
 * What the replay's map (replayMap.ts) and the SensorThings map (sensorthings/sensorThingsMap.ts)
 * share: a CSV with a header line, `#` comment lines, and per line an asset (`kind`, `asset_id`) and
 * one of its measures (`measure`, ingest/ingestChannels.ts). The file's shape is checked here (one
 * problem stops it); each line's asset and measure too, every problem found, named `FILE:LINE`.
 */
import { parse } from 'csv-parse/sync';
import { isAssetKind } from '../ingest/assetLookup';
import { INGEST_MEASURES, measureOf, type IngestMeasure } from '../ingest/ingestChannels';

/** One data line of a map file: its cells by column, and its line number in the file. */
export interface MapFileRow {
  record: Record<string, string>;
  line: number;
}

/** How a map file is laid out, and how its caller reports a problem. */
export interface MapFileShape {
  columns: readonly string[];
  /** Columns the header must have. */
  required: readonly string[];
  /** What one row stands for, for the "no rows" message ("recorded series", "Datastream"). */
  rowIs: string;
  /** The caller's error for a list of problems. */
  error: (problems: string[]) => Error;
}

/** The data lines of a map file; throws `shape.error` when it is not a CSV, has no rows, or its header lacks or has unknown columns. */
export function mapFileRows(csv: string, file: string, shape: MapFileShape): MapFileRow[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(csv, { columns: true, comment: '#', comment_no_infix: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (err) {
    throw shape.error([`${file}: not a readable CSV file: ${(err as Error).message}`]);
  }
  const columns = shape.columns.join(',');
  if (rows.length === 0) throw shape.error([`${file}: no rows: a header (${columns}) and one row per ${shape.rowIs}`]);
  const header = Object.keys(rows[0].record);
  const lacking = shape.required.filter((c) => !header.includes(c));
  if (lacking.length > 0) throw shape.error([`${file}: the header lacks ${lacking.join(', ')} (columns: ${columns})`]);
  const unknown = header.filter((c) => !shape.columns.includes(c));
  if (unknown.length > 0) throw shape.error([`${file}: unknown column ${unknown.join(', ')} (columns: ${columns})`]);
  return rows.map(({ record, info }) => ({ record, line: info.lines }));
}

/**
 * The asset measure a map line names (its `kind`'s first where `measure` is empty), or undefined
 * after pushing what is wrong (`at` is `FILE:LINE`): asset_id or kind missing, a kind not reported
 * from outside, a measure the kind does not have.
 */
export function lineMeasure(record: Record<string, string>, at: string, problems: string[]): { name: string; spec: IngestMeasure } | undefined {
  const { kind, asset_id: assetId } = record;
  if (!assetId) problems.push(`${at}: asset_id is required`);
  if (!kind) {
    problems.push(`${at}: kind is required`);
    return undefined;
  }
  if (!isAssetKind(kind) || !INGEST_MEASURES[kind]) {
    problems.push(`${at}: kind "${kind}" is not reported from outside: one of ${Object.keys(INGEST_MEASURES).join(', ')}`);
    return undefined;
  }
  const measure = measureOf(kind, record.measure || undefined);
  if (!measure) problems.push(`${at}: ${kind} has no measure "${record.measure}": one of ${Object.keys(INGEST_MEASURES[kind]).join(', ')}`);
  return measure;
}
