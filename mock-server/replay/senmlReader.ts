/**
 * A recorded SenML pack (RFC 8428, a JSON array of records) as recorded readings, resolved by the
 * same parser as the server's (ingest/senmlPack.ts: base name, time, unit and value carried from
 * record to record). Each record's full name (bn + n, e.g. `urn:dev:ow:10e2073a01080063:depth`) is
 * its source id, for the map to name; its unit, where it has one, is converted to the measure's.
 * Only numbers (`v`) are replayed: records with a string, boolean or data value, or a sum, are
 * skipped and counted.
 */
import { resolveSenmlPack, type ResolvedRecord } from '../ingest/senmlPack';
import { MAX_BATCH_ENTRIES } from '../ingest/readingPayload';
import { countSkipped, inTimeOrder, RecordingError, type RecordedReading, type RecordedSeries } from './recordedReading';

const BASE_FIELDS = ['bn', 'bt', 'bu', 'bv', 'bs', 'bver'] as const;

/**
 * Resolves a pack of any length: the parser takes at most MAX_BATCH_ENTRIES records at a time, so a
 * longer pack is resolved in parts, each after a record carrying the base fields in force where it
 * starts (that record's own result is dropped).
 */
function resolveAll(pack: readonly unknown[], nowS: number): (ResolvedRecord | { error: string })[] {
  const out: (ResolvedRecord | { error: string })[] = [];
  const base: Record<string, unknown> = {};
  for (let start = 0; start < pack.length; start += MAX_BATCH_ENTRIES - 1) {
    const part = pack.slice(start, start + MAX_BATCH_ENTRIES - 1);
    out.push(...resolveSenmlPack([{ ...base }, ...part], nowS).slice(1));
    for (const record of part) {
      if (typeof record !== 'object' || record === null) continue;
      for (const field of BASE_FIELDS) if (field in record) base[field] = (record as Record<string, unknown>)[field];
    }
  }
  return out;
}

/** Reads a SenML pack; `nowMs` is what relative times (RFC 8428 §4.5.3) count from. Throws RecordingError when it is not a pack. */
export function readSenmlPack(json: unknown, nowMs: number): RecordedSeries {
  if (!Array.isArray(json)) throw new RecordingError('not a SenML pack: a SenML pack is a JSON array of records');
  const readings: RecordedReading[] = [];
  const skipped = new Map<string, number>();
  for (const record of resolveAll(json, nowMs / 1000)) {
    if ('error' in record) countSkipped(skipped, `records that cannot be read (${record.error})`);
    else if (record.v === undefined || record.s !== undefined) countSkipped(skipped, 'records without a number "v" (a string, boolean or data value, or a sum)');
    else {
      const reading: RecordedReading = { sourceId: record.n, parameter: '', tMs: Math.round(record.t * 1000), v: record.v };
      if (record.u !== undefined && record.u !== '') reading.unit = record.u;
      readings.push(reading);
    }
  }
  const names = new Set(readings.map((r) => r.sourceId)).size;
  const notes = [json.length === 0 ? 'the pack has no records' : `${json.length} records, ${readings.length} numbers of ${names} names`];
  return { readings: inTimeOrder(readings), skipped, notes };
}
