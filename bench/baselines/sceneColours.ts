/**
 * The baseline pages' scene, generic over the catalogue: every asset group is drawn (road segments
 * as lines, everything else as points), coloured by its first one-value-per-slot live channel. Values
 * fall into five buckets plus "no data"; both baselines share the buckets, so they draw the same colours
 * and differ only in how the colours reach the GPU.
 */
import type { AssetKind } from '../../src/protocol/assets';
import { CHANNEL_IDS, CHANNELS, channelStride, type ChannelArray, type ChannelId } from '../../src/protocol/channels';

export const BUCKETS = 5;
/** Bucket index of a slot with no reading (NaN). */
export const NO_DATA = BUCKETS;

/** Cool to hot, then grey for no data. */
export const BUCKET_RGBA: readonly (readonly [number, number, number, number])[] = [
  [38, 166, 91, 255],
  [140, 200, 60, 255],
  [250, 200, 40, 255],
  [240, 110, 40, 255],
  [200, 30, 40, 255],
  [90, 100, 110, 255],
];

export const bucketCss = (bucket: number): string => {
  const [r, g, b, a] = BUCKET_RGBA[bucket];
  return `rgba(${r}, ${g}, ${b}, ${a / 255})`;
};

/** The channel that colours a kind: the first in CHANNEL_IDS order with one value per slot. */
export function colourChannelOf(kind: AssetKind): ChannelId | undefined {
  return CHANNEL_IDS.find((id) => CHANNELS[id].kind === kind && channelStride(id) === 1);
}

/** How values map to buckets: state codes directly, measurements in equal steps over the snapshot's range. */
export interface BucketScale {
  states: boolean;
  min: number;
  step: number;
}

/** Fixed from the first snapshot, so a bucket means the same value range for the whole run. */
export function bucketScaleOf(id: ChannelId, values: ChannelArray): BucketScale {
  if (CHANNELS[id].dtype === 'u8') return { states: true, min: 0, step: 1 };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // One value (or none) in the snapshot: nothing to spread, so everything shares the first bucket.
  if (!(max > min)) return { states: false, min: 0, step: Infinity };
  return { states: false, min, step: (max - min) / BUCKETS };
}

export function bucketOf(scale: BucketScale, value: number): number {
  if (value !== value) return NO_DATA;
  const b = scale.states ? value : Math.floor((value - scale.min) / scale.step);
  return b > 0 ? (b >= BUCKETS ? BUCKETS - 1 : b) : 0;
}
