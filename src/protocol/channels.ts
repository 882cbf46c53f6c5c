/**
 * Live channels: one typed array per channel, `stride` values per slot of the channel's asset kind.
 * Values are quantised by the simulator, so unchanged readings compare equal and stay out of deltas.
 * NaN means "no data" (a sensor that is not reporting).
 */
import type { AssetKind } from './assetKinds';
import type { WireFormat } from './wireFormat';

export type ChannelDtype = 'f32' | 'u8';

export interface ChannelSpec {
  kind: AssetKind;
  dtype: ChannelDtype;
  unit: string;
  /** Values per slot (2 for a position). */
  stride?: number;
  /** How values travel, when narrower than the array (default: f32 for f32 arrays, u8 for u8 arrays). */
  wire?: WireFormat;
}

export const CHANNELS = {
  /** Rain intensity at each rain gauge, mm/h, 0.1 mm/h resolution. */
  rain: { kind: 'rainGauge', dtype: 'f32', unit: 'mm/h' },
  /** Water level at each water-level gauge, metres above the Wusong datum, 1 cm resolution. */
  water: { kind: 'waterGauge', dtype: 'f32', unit: 'm' },
  /** Air temperature at each weather station, °C, 0.1 resolution. */
  'weather.temp': { kind: 'weatherStation', dtype: 'f32', unit: '°C' },
  /** Mean wind speed at each weather station, m/s, 0.1 resolution. */
  'weather.wind': { kind: 'weatherStation', dtype: 'f32', unit: 'm/s' },
  /** Water depth on the carriageway of each underpass, cm, 1 cm resolution. */
  'underpass.depth': { kind: 'underpass', dtype: 'f32', unit: 'cm' },
  /** Water depth at each waterlogging-prone point, cm. */
  'waterlog.depth': { kind: 'waterloggingPoint', dtype: 'f32', unit: 'cm' },
  /** Pump station state: index into PUMP_STATES. */
  'pump.state': { kind: 'pumpStation', dtype: 'u8', unit: '', wire: { type: 'u4' } },
  /** Forebay (sump) level, metres above the sump floor, 1 cm resolution; NaN while offline. */
  'pump.level': { kind: 'pumpStation', dtype: 'f32', unit: 'm' },
  /** Pumped flow, m³/s, 0.1 resolution. */
  'pump.flow': { kind: 'pumpStation', dtype: 'f32', unit: 'm³/s' },
  /** Mean speed on each road segment, km/h, 0.1 resolution (0 when closed). */
  'road.speed': { kind: 'roadSegment', dtype: 'f32', unit: 'km/h', wire: { type: 'u16', scale: 0.1 } },
  /** Traffic performance index of each segment, 0–10, 0.1 resolution. */
  'road.index': { kind: 'roadSegment', dtype: 'f32', unit: '', wire: { type: 'u8', scale: 0.1 } },
  /** 1 while a closure notice holds the segment closed. */
  'road.closed': { kind: 'roadSegment', dtype: 'u8', unit: '', wire: { type: 'u4' } },
  /** Each team's current position, lon/lat pairs. */
  'team.pos': { kind: 'team', dtype: 'f32', unit: '°', stride: 2 },
  /** Team state: index into TEAM_STATES. */
  'team.state': { kind: 'team', dtype: 'u8', unit: '', wire: { type: 'u4' } },
  /** Each muck truck's GPS position, lon/lat pairs (basemap datum). */
  'truck.pos': { kind: 'muckTruck', dtype: 'f32', unit: '°', stride: 2 },
  /** Muck truck state: index into MUCK_TRUCK_STATES. */
  'truck.state': { kind: 'muckTruck', dtype: 'u8', unit: '', wire: { type: 'u4' } },
  /** Elevator state: index into ELEVATOR_STATES (stress profile: 240,000 elevators). */
  'elevator.state': { kind: 'elevator', dtype: 'u8', unit: '', wire: { type: 'u4' } },
} as const satisfies Record<string, ChannelSpec>;

export type ChannelId = keyof typeof CHANNELS;
export const CHANNEL_IDS = Object.keys(CHANNELS) as ChannelId[];

export type ChannelArray = Float32Array | Uint8Array;

export function channelStride(id: ChannelId): number {
  const spec: ChannelSpec = CHANNELS[id];
  return spec.stride ?? 1;
}

const WIRE_FORMATS = Object.fromEntries(
  CHANNEL_IDS.map((id) => {
    const spec: ChannelSpec = CHANNELS[id];
    return [id, spec.wire ?? { type: spec.dtype }];
  }),
) as Record<ChannelId, WireFormat>;

/** The channel's wire format (see channelCodec). */
export function wireFormatOf(id: ChannelId): WireFormat {
  return WIRE_FORMATS[id];
}

/** Allocates the typed array a channel's values live in. */
export function allocateChannel(id: ChannelId, slots: number): ChannelArray {
  const spec: ChannelSpec = CHANNELS[id];
  const length = slots * channelStride(id);
  return spec.dtype === 'u8' ? new Uint8Array(length) : new Float32Array(length);
}
