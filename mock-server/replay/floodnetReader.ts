/**
 * NYC FloodNet's flood events (NYC Open Data `aq7i-eu5q`, `flood-events.csv`) as recorded readings.
 * FloodNet publishes events, not a continuous feed: each row is one flood at one sensor, with its
 * depth profile `flood_profile_depth_inches` (a JSON-style list) at `flood_profile_time_secs`
 * seconds after the event's onset `flood_start_time`. Each profile point becomes a reading of
 * parameter `depth` in inches; between events the sensor reported nothing, and nothing is made up.
 */
import { parse } from 'csv-parse/sync';
import { countSkipped, inTimeOrder, RecordingError, type RecordedReading, type RecordedSeries } from './recordedReading';

/** The columns a reading is built from; the file's other columns (sensor_name, max_depth_inches…) are summaries. */
export const FLOODNET_COLUMNS = ['sensor_id', 'flood_start_time', 'flood_profile_depth_inches', 'flood_profile_time_secs'] as const;

/** The parameter FloodNet's readings carry in a map (replayMap.ts). */
export const FLOODNET_PARAMETER = 'depth';

/**
 * Onset times are written without a zone (`2023-09-29T11:53:39.000`, NYC Open Data's floating
 * timestamp); they are read as UTC. Only their spacing matters once the replay shifts them to now.
 */
function onsetMs(text: string): number {
  return Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

function numberList(text: string): number[] | undefined {
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) && list.every((x) => typeof x === 'number' && Number.isFinite(x)) ? list : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `flood-events.csv`; throws RecordingError when a needed column is missing. */
export function readFloodNet(csv: string): RecordedSeries {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true, bom: true, info: true });
  } catch (err) {
    throw new RecordingError(`not a readable CSV file: ${(err as Error).message}`);
  }
  const header = rows.length > 0 ? Object.keys(rows[0].record) : [];
  const missing = FLOODNET_COLUMNS.filter((c) => !header.includes(c));
  if (rows.length > 0 && missing.length > 0) {
    throw new RecordingError(`not a FloodNet flood-events file: no column ${missing.join(', ')} (it has ${header.join(', ')})`);
  }
  const readings: RecordedReading[] = [];
  const skipped = new Map<string, number>();
  let firstBadLine: number | undefined;
  for (const { record: row, info } of rows) {
    const onset = onsetMs(row.flood_start_time);
    const depths = numberList(row.flood_profile_depth_inches);
    const secs = numberList(row.flood_profile_time_secs);
    if (!row.sensor_id || !Number.isFinite(onset) || !depths || !secs || depths.length !== secs.length) {
      countSkipped(skipped, 'event rows without a sensor id, an onset time, or depth and time profiles of one length');
      firstBadLine ??= info.lines;
      continue;
    }
    depths.forEach((depth, k) => {
      readings.push({ sourceId: row.sensor_id, parameter: FLOODNET_PARAMETER, tMs: onset + secs[k] * 1000, v: depth, unit: 'in' });
    });
  }
  const sensors = new Set(readings.map((r) => r.sourceId)).size;
  const notes = rows.length === 0 ? ['the file holds no flood events'] : [`${rows.length} flood events of ${sensors} sensors, ${readings.length} profile points`];
  if (firstBadLine !== undefined) notes.push(`the first event row that could not be read is on line ${firstBadLine}`);
  return { readings: inTimeOrder(readings), skipped, notes };
}
