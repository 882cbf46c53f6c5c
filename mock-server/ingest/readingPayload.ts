/**
 * The plain reading payloads, parsed to the gate's ParsedReading entries (one per entry, in order,
 * so the gate's verdict indexes match what was sent):
 * - MQTT `cityops/v1/readings/<kind>/<assetId>`: `{"t", "v"}` or an array of them, the asset named by
 *   the topic (parsePlainReadings);
 * - MQTT `cityops/v1/positions/<kind>/<assetId>`: `{"t", "lon", "lat"}` (WGS-84 degrees) or an array
 *   of them (parsePositions);
 * - HTTP `POST /api/ingest/readings`: `{"readings": [{"kind", "id", "measure"?, "t", "v"}]}`
 *   (parseReadingBatch).
 * `t` is when the value was measured: an ISO 8601 time with its zone, or epoch milliseconds. `v` is a
 * number in the measure's own unit (ingestChannels.ts; a state as its code). The catalogue and the
 * clock are the gate's to check; a payload whose shape is wrong as a whole throws a DomainError.
 */
import { z } from 'zod';
import { DomainError } from '../domainError';
import type { ParsedPosition, ParsedReading } from './incomingReading';

/**
 * At most this many entries in one message (a batch's readings, a SenML pack's records, an MQTT
 * array). A gateway's hour of minute readings for 100 sensors is 6,000; a bigger upload is split, so
 * one message cannot hold the gate (and its SQLite transaction) for long. Above it the whole message
 * is refused (HTTP 413), before any entry is read.
 */
export const MAX_BATCH_ENTRIES = 10_000;

/** Refuses a message with more entries than MAX_BATCH_ENTRIES. */
export function checkBatchSize(entries: number): void {
  if (entries > MAX_BATCH_ENTRIES) {
    throw new DomainError('BAD_REQUEST', `a message holds at most ${MAX_BATCH_ENTRIES} readings; this one has ${entries}: split it`, 413);
  }
}

/** What a JSON value is, in words, for a reason that says what was sent instead. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

const IsoTimeSchema = z.iso.datetime({ offset: true });

/** Epoch ms of a reading's `t` (ISO 8601 with a zone, or epoch ms), or why it is not a time. */
export function readingTime(t: unknown): number | { error: string } {
  if (t === undefined) return { error: '"t" (when it was measured) is required' };
  if (typeof t === 'number') return Number.isFinite(t) ? Math.round(t) : { error: `"t" must be a finite number of epoch milliseconds, not ${describeJson(t)}` };
  if (typeof t === 'string' && IsoTimeSchema.safeParse(t).success) return Date.parse(t);
  return { error: `"t" must be an ISO 8601 time with its zone (2026-07-15T14:00:00+08:00) or epoch milliseconds, not ${describeJson(t)}` };
}

/** A reading's `v`, or why it is not a finite number (JSON has no NaN, but 1e999 parses as Infinity). */
export function readingValue(v: unknown, label = '"v"'): number | { error: string } {
  if (v === undefined) return { error: `${label} (the value) is required` };
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return { error: `${label} must be a finite number, not ${describeJson(v)}` };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function entryOf(raw: unknown, kind: string, assetId: string, measure: string | undefined): ParsedReading {
  if (!isObject(raw)) return { error: `a reading is a JSON object {"t", "v"}, not ${describeJson(raw)}` };
  const tMs = readingTime(raw.t);
  if (typeof tMs !== 'number') return tMs;
  const v = readingValue(raw.v);
  if (typeof v !== 'number') return v;
  return measure === undefined ? { kind, assetId, tMs, v } : { kind, assetId, measure, tMs, v };
}

/**
 * A plain MQTT payload for one asset: `{"t", "v"}` or an array of them. The measure is the topic's
 * (absent: the kind's first).
 */
export function parsePlainReadings(payload: unknown, kind: string, assetId: string, measure?: string): ParsedReading[] {
  if (Array.isArray(payload)) {
    checkBatchSize(payload.length);
    return payload.map((raw) => entryOf(raw, kind, assetId, measure));
  }
  if (isObject(payload)) return [entryOf(payload, kind, assetId, measure)];
  throw new DomainError('BAD_REQUEST', `send {"t", "v"} or an array of them, not ${describeJson(payload)}`);
}

const optionalName = (label: string, raw: unknown): string | undefined | { error: string } =>
  raw === undefined ? undefined : typeof raw === 'string' && raw !== '' ? raw : { error: `"${label}" must be a non-empty string, not ${describeJson(raw)}` };

function batchEntryOf(raw: unknown): ParsedReading {
  if (!isObject(raw)) return { error: `a reading is a JSON object {"kind", "id", "t", "v"}, not ${describeJson(raw)}` };
  const kind = optionalName('kind', raw.kind) ?? { error: '"kind" is required' };
  if (typeof kind !== 'string') return kind;
  const id = optionalName('id', raw.id) ?? { error: '"id" (the asset\'s id) is required' };
  if (typeof id !== 'string') return id;
  const measure = optionalName('measure', raw.measure);
  if (typeof measure === 'object') return measure;
  return entryOf(raw, kind, id, measure);
}

/** The HTTP batch `{"readings": [{"kind", "id", "measure"?, "t", "v"}]}`; one bad entry is refused at its index. */
export function parseReadingBatch(body: unknown): ParsedReading[] {
  if (!isObject(body) || !Array.isArray(body.readings)) {
    throw new DomainError('BAD_REQUEST', `send {"readings": [{"kind", "id", "t", "v"}]}: "readings" must be an array, not ${describeJson(isObject(body) ? body.readings : body)}`);
  }
  checkBatchSize(body.readings.length);
  return body.readings.map(batchEntryOf);
}

function coordinate(raw: unknown, label: 'lon' | 'lat'): number | { error: string } {
  const value = readingValue(raw, `"${label}"`);
  const limit = label === 'lon' ? 180 : 90;
  if (typeof value === 'number' && Math.abs(value) > limit) return { error: `"${label}" must be degrees between -${limit} and ${limit}, not ${value}` };
  return value;
}

function positionOf(raw: unknown, kind: string, assetId: string): ParsedPosition {
  if (!isObject(raw)) return { error: `a position is a JSON object {"t", "lon", "lat"}, not ${describeJson(raw)}` };
  const tMs = readingTime(raw.t);
  if (typeof tMs !== 'number') return tMs;
  const lon = coordinate(raw.lon, 'lon');
  if (typeof lon !== 'number') return lon;
  const lat = coordinate(raw.lat, 'lat');
  if (typeof lat !== 'number') return lat;
  return { kind, assetId, tMs, lon, lat };
}

/** An MQTT position payload for one asset: `{"t", "lon", "lat"}` or an array of them. */
export function parsePositions(payload: unknown, kind: string, assetId: string): ParsedPosition[] {
  if (Array.isArray(payload)) {
    checkBatchSize(payload.length);
    return payload.map((raw) => positionOf(raw, kind, assetId));
  }
  if (isObject(payload)) return [positionOf(payload, kind, assetId)];
  throw new DomainError('BAD_REQUEST', `send {"t", "lon", "lat"} or an array of them, not ${describeJson(payload)}`);
}
