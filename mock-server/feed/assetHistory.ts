/**
 * The recent history of every asset: the last hour of published readings, one sample per simulated
 * minute, for the detail card's sparkline (issue 3). Each channel is one preallocated typed array of
 * `capacity × slots` values, minute-major, so `record` is one `set` per channel and nothing is
 * allocated per reading: at 50,000 road segments the three road channels hold 60 × 50,000 × 9 B.
 * The feed records on the first tick of each simulated minute; where one tick spans several minutes
 * (fast replays), samples are a tick apart and `series` still returns only the last hour.
 */
import type { AssetKind } from '../../src/protocol/assets';
import { allocateChannel, CHANNEL_IDS, CHANNELS, channelStride, type ChannelArray, type ChannelId } from '../../src/protocol/channels';
import type { CityAssets } from '../city/assets';
import { assetCount, type Readings } from '../pipeline/readings';
import type { ReadingsRecorder } from './liveFeed';

/** How many samples a ring keeps: one per simulated minute for an hour. */
export const HISTORY_MINUTES = 60;

const MINUTE_MS = 60_000;

/** A slot's samples, oldest first; null where the sensor reported nothing (NaN). */
export interface SlotSeries {
  t: number[];
  v: (number | null)[];
}

/** Channels with one value per slot; strided ones (team positions) keep no history. */
export const HISTORY_CHANNELS: readonly ChannelId[] = CHANNEL_IDS.filter((id) => channelStride(id) === 1);

interface Ring {
  slots: number;
  values: ChannelArray;
  /** Undoes float32 noise for JSON (see {@link shortestFloat32}). */
  round: (v: number) => number;
}

/**
 * The shortest decimal that reads back as the same float32: 4.55 rather than 4.550000190734863, and
 * still every digit a float32 holds (a longitude quantised to 1e-5 needs 8).
 */
export function shortestFloat32(v: number): number {
  if (!Number.isFinite(v)) return v;
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(v.toPrecision(digits));
    if (Math.fround(short) === Math.fround(v)) return short;
  }
  return v;
}

export class AssetHistory implements ReadingsRecorder {
  private readonly rings = new Map<ChannelId, Ring>();
  private readonly times: Float64Array;
  /** Ring index of the oldest sample. */
  private start = 0;
  private size = 0;

  /**
   * @param slots the slot count of every asset kind, as the live feed's readings have them
   * @param capacity samples kept per slot
   */
  constructor(
    slots: Readonly<Record<AssetKind, number>>,
    readonly capacity: number = HISTORY_MINUTES,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.times = new Float64Array(capacity);
    for (const id of HISTORY_CHANNELS) {
      const n = slots[CHANNELS[id].kind];
      const values = allocateChannel(id, n * capacity);
      this.rings.set(id, { slots: n, values, round: values instanceof Float32Array ? shortestFloat32 : (v) => v });
    }
  }

  /** A history sized for the simulated city's assets. */
  static forAssets(assets: CityAssets, capacity = HISTORY_MINUTES): AssetHistory {
    const kinds = [...new Set(HISTORY_CHANNELS.map((id) => CHANNELS[id].kind))];
    const slots = Object.fromEntries(kinds.map((k) => [k, assetCount(assets, k)])) as Record<AssetKind, number>;
    return new AssetHistory(slots, capacity);
  }

  /** Samples held (at most `capacity`). */
  get length(): number {
    return this.size;
  }

  /** Simulated time of the newest sample, or NaN before the first. */
  get latestTime(): number {
    return this.size === 0 ? NaN : this.times[(this.start + this.size - 1) % this.capacity];
  }

  /** Typed-array bytes held, times included. */
  get byteLength(): number {
    let bytes = this.times.byteLength;
    for (const ring of this.rings.values()) bytes += ring.values.byteLength;
    return bytes;
  }

  record(simTimeMs: number, readings: Readonly<Readings>): void {
    for (const [id, ring] of this.rings) {
      const n = readings[id].length;
      if (n !== ring.slots) throw new RangeError(`${id}: ${n} readings for ${ring.slots} slots`);
    }
    const latest = this.latestTime;
    // Simulated time only moves forward; if it ever steps back (a restart), an old hour would mislead.
    if (simTimeMs < latest) this.clear();
    // A second reading in the same sample time replaces the first instead of taking a slot.
    const at = simTimeMs === latest ? (this.start + this.size - 1) % this.capacity : this.advance();
    this.times[at] = simTimeMs;
    for (const [id, ring] of this.rings) ring.values.set(readings[id], at * ring.slots);
  }

  /**
   * One slot's samples of one channel, oldest first, from the last `minutes` of simulated time before
   * the newest sample. Strided channels and slots out of range give an empty series.
   */
  series(channel: ChannelId, slot: number, minutes = this.capacity): SlotSeries {
    const ring = this.rings.get(channel);
    const out: SlotSeries = { t: [], v: [] };
    if (!ring || !Number.isInteger(slot) || slot < 0 || slot >= ring.slots || this.size === 0) return out;
    const after = this.latestTime - minutes * MINUTE_MS;
    for (let k = 0; k < this.size; k++) {
      const i = (this.start + k) % this.capacity;
      const t = this.times[i];
      if (t <= after) continue;
      const v = ring.values[i * ring.slots + slot];
      out.t.push(t);
      out.v.push(Number.isNaN(v) ? null : ring.round(v));
    }
    return out;
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
  }

  /** Claims the next ring index, dropping the oldest sample when full. */
  private advance(): number {
    const at = (this.start + this.size) % this.capacity;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
    return at;
  }
}
