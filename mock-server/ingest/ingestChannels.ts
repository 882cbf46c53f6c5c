/**
 * What may be reported from outside, per asset kind: each kind's measures by their short name (the
 * last part of a SenML name `<kind>/<assetId>/<measure>`), the live channel each one feeds, and the
 * units it is accepted in. A plain `readings/<kind>/<assetId>` message reports the kind's first
 * measure. Channels the desk writes (road closures, team states) are not reported from outside.
 */
import { ELEVATOR_STATES, MUCK_TRUCK_STATES, PUMP_STATES, type AssetKind } from '../../src/protocol/assets';
import type { ChannelId } from '../../src/protocol/channels';

/** A unit a measure is accepted in (SenML unit names, RFC 8428 §12.1 and RFC 8798) and its factor to the channel's unit. */
export interface AcceptedUnit {
  unit: string;
  factor: number;
}

export interface IngestMeasure {
  channel: ChannelId;
  /** Accepted units; the first is the channel's own. A reading without a unit is in the first. */
  units: readonly AcceptedUnit[];
  /** State channels: the state names a SenML string value (`vs`) may carry, in code order. */
  states?: readonly string[];
}

const M = { unit: 'm', factor: 1 };
const CM = { unit: 'cm', factor: 1 };

/** Per kind, its measures in order: the first is what a plain `readings/<kind>/<id>` message reports. */
export const INGEST_MEASURES: Partial<Record<AssetKind, Readonly<Record<string, IngestMeasure>>>> = {
  waterGauge: { level: { channel: 'water', units: [M, { unit: 'cm', factor: 0.01 }] } },
  rainGauge: { rain: { channel: 'rain', units: [{ unit: 'mm/h', factor: 1 }] } },
  weatherStation: {
    temp: { channel: 'weather.temp', units: [{ unit: 'Cel', factor: 1 }] },
    wind: { channel: 'weather.wind', units: [{ unit: 'm/s', factor: 1 }, { unit: 'km/h', factor: 1 / 3.6 }] },
  },
  underpass: { depth: { channel: 'underpass.depth', units: [CM, { unit: 'm', factor: 100 }, { unit: 'mm', factor: 0.1 }] } },
  waterloggingPoint: { depth: { channel: 'waterlog.depth', units: [CM, { unit: 'm', factor: 100 }, { unit: 'mm', factor: 0.1 }] } },
  pumpStation: {
    level: { channel: 'pump.level', units: [M, { unit: 'cm', factor: 0.01 }] },
    flow: { channel: 'pump.flow', units: [{ unit: 'm3/s', factor: 1 }] },
    state: { channel: 'pump.state', units: [{ unit: '', factor: 1 }], states: PUMP_STATES },
  },
  roadSegment: {
    speed: { channel: 'road.speed', units: [{ unit: 'km/h', factor: 1 }, { unit: 'm/s', factor: 3.6 }] },
    index: { channel: 'road.index', units: [{ unit: '/', factor: 1 }] },
  },
  elevator: { state: { channel: 'elevator.state', units: [{ unit: '', factor: 1 }], states: ELEVATOR_STATES } },
  // A truck's terminal reports its state here and its positions on `positions/muckTruck/<id>` (ingest/positionGate.ts).
  muckTruck: { state: { channel: 'truck.state', units: [{ unit: '', factor: 1 }], states: MUCK_TRUCK_STATES } },
};

/** What a channel reads where a sensor has no data: NaN, or a state channel's `offline`. */
export function noDataValue(channel: ChannelId): number {
  if (channel === 'pump.state') return PUMP_STATES.indexOf('offline');
  if (channel === 'elevator.state') return ELEVATOR_STATES.indexOf('offline');
  if (channel === 'truck.state') return MUCK_TRUCK_STATES.indexOf('offline');
  return Number.NaN;
}

/** The measure of a kind that feeds `channel` (undefined: no reading from outside feeds it). */
export function measureOfChannel(kind: AssetKind, channel: ChannelId): string | undefined {
  return Object.entries(INGEST_MEASURES[kind] ?? {}).find(([, spec]) => spec.channel === channel)?.[0];
}

/** The measure a reading names, or the kind's first where it names none; undefined if the kind or measure is not reported. */
export function measureOf(kind: AssetKind, measure?: string): { name: string; spec: IngestMeasure } | undefined {
  const measures = INGEST_MEASURES[kind];
  if (!measures) return undefined;
  const name = measure ?? Object.keys(measures)[0];
  const spec = measures[name];
  return spec ? { name, spec } : undefined;
}
