/**
 * A SensorThings Observation (as `$select=phenomenonTime,result` returns it) turned into one of the
 * gate's readings. `phenomenonTime` is an ISO 8601 instant or an interval `start/end`; a reading is
 * stamped with the instant, or with the end of the interval (a mean or total over it is known only
 * then), while the poller's cursor follows the start, the order the server sorts by. `result` is a
 * number in the Datastream's unit, converted by the map's factor; a state measure also takes the
 * state's name. Anything else (a numeric string, null, an object) becomes an entry the gate refuses
 * with its reason, so a bad Observation is counted, never dropped silently. `resultQuality`,
 * `resultTime` and `parameters` are not read.
 */
import type { ParsedReading } from '../ingest/incomingReading';
import { describeJson, readingTime, readingValue } from '../ingest/readingPayload';
import type { DatastreamTarget } from './sensorThingsMap';

/** When an Observation's phenomenon happened, epoch ms; an instant has start = end. */
export interface PhenomenonTime {
  start: number;
  end: number;
}

/** Epoch ms of an ISO 8601 instant with its zone (or `Z`), or undefined: read as the ingest API reads a reading's `t` string. */
function instant(text: string): number | undefined {
  const t = readingTime(text);
  return typeof t === 'number' ? t : undefined;
}

/** An Observation's phenomenonTime: an instant, or an interval `start/end` (ISO 8601 with zones); or why not. */
export function phenomenonTimeOf(raw: unknown): PhenomenonTime | { error: string } {
  if (typeof raw !== 'string') return { error: `"phenomenonTime" must be an ISO 8601 time or interval, not ${describeJson(raw)}` };
  const parts = raw.split('/');
  const times = parts.map(instant);
  if (parts.length > 2 || times.some((t) => t === undefined)) {
    return { error: `"phenomenonTime" must be an ISO 8601 time with its zone (2026-07-15T06:00:00Z) or an interval of two (start/end), not ${describeJson(raw)}` };
  }
  const [start, end = start] = times as number[];
  if (end < start) return { error: `"phenomenonTime" ${raw} ends before it starts` };
  return { start, end };
}

/** The value of an Observation's result in the target's own unit, or why it is not one. */
function resultValue(result: unknown, target: DatastreamTarget, factor: number): number | { error: string } {
  const { states } = target.spec;
  if (states && typeof result === 'string') {
    const code = states.indexOf(result);
    return code >= 0 ? code : { error: `"result" ${JSON.stringify(result)} is not a state of ${target.kind} ${target.measure}: one of ${states.join(', ')}` };
  }
  const v = readingValue(result, '"result"');
  if (typeof v !== 'number') return v;
  // A state code is a code, whatever unit the Datastream claims; a measured value is converted.
  return states ? v : v * factor;
}

/** An Observation as the server sends it, and its time once read (undefined where it had none readable). */
export interface ReadObservation {
  reading: ParsedReading;
  time?: PhenomenonTime;
}

/** Turns one Observation into the gate's entry for the target, converting by `factor`. */
export function observationReading(observation: unknown, target: DatastreamTarget, factor: number): ReadObservation {
  if (typeof observation !== 'object' || observation === null || Array.isArray(observation)) {
    return { reading: { error: `an Observation must be an object, not ${describeJson(observation)}` } };
  }
  const { phenomenonTime, result } = observation as Record<string, unknown>;
  const time = phenomenonTimeOf(phenomenonTime);
  if ('error' in time) return { reading: time };
  const v = resultValue(result, target, factor);
  if (typeof v !== 'number') return { reading: v, time };
  return { reading: { kind: target.kind, assetId: target.assetId, measure: target.measure, tMs: time.end, v }, time };
}
