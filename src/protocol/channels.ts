/**
 * Live channels: one typed array per channel, one value per slot of the channel's asset kind.
 * Values are quantised by the simulator, so unchanged readings compare equal and stay out of deltas.
 */
import type { AssetKind } from './assets';

export type ChannelDtype = 'f32' | 'u8';

export interface ChannelSpec {
  kind: AssetKind;
  dtype: ChannelDtype;
  unit: string;
}

export const CHANNELS = {
  /** Rain intensity at each rain gauge, mm/h, 0.1 mm/h resolution. */
  rain: { kind: 'rainGauge', dtype: 'f32', unit: 'mm/h' },
  /** Water level at each water-level gauge, metres above the Wusong datum, 1 cm resolution. */
  water: { kind: 'waterGauge', dtype: 'f32', unit: 'm' },
} as const satisfies Record<string, ChannelSpec>;

export type ChannelId = keyof typeof CHANNELS;
export const CHANNEL_IDS = Object.keys(CHANNELS) as ChannelId[];

export type ChannelArray = Float32Array | Uint8Array;

/** Allocates the typed array a channel's values live in. */
export function allocateChannel(id: ChannelId, slots: number): ChannelArray {
  const spec: ChannelSpec = CHANNELS[id];
  return spec.dtype === 'u8' ? new Uint8Array(slots) : new Float32Array(slots);
}
