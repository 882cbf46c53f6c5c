/**
 * The last hour of the vital signs, kept in memory so a wall screen that (re)loads draws full
 * sparklines at once instead of an empty hour. One sample per 30 s of simulated time (the latest
 * frame in the bucket wins), in fixed-size typed arrays: memory does not grow with the speed of the
 * simulation or the uptime. Longer history (per-minute roll-ups in storage) is the daily summary's.
 */
import type { VitalsFrame } from '../../src/protocol/vitals';

export const TRAIL_WINDOW_MS = 60 * 60_000;
export const TRAIL_BUCKET_MS = 30_000;

export interface TrailPoint {
  t: number;
  values: (number | null)[];
}

export class VitalsTrail {
  private readonly capacity: number;
  private readonly times: Float64Array;
  /** capacity × indicators, NaN for "no value". */
  private readonly values: Float64Array;
  private start = 0;
  private size = 0;

  constructor(
    readonly indicators: number,
    readonly windowMs = TRAIL_WINDOW_MS,
    readonly bucketMs = TRAIL_BUCKET_MS,
  ) {
    this.capacity = Math.ceil(windowMs / bucketMs) + 1;
    this.times = new Float64Array(this.capacity);
    this.values = new Float64Array(this.capacity * indicators);
  }

  get length(): number {
    return this.size;
  }

  record(frame: VitalsFrame): void {
    const newest = this.size ? this.times[this.at(this.size - 1)] : -Infinity;
    // Simulated time went back (a reseeded city): the old hour belongs to another city.
    if (frame.t < newest) this.size = 0;
    let slot: number;
    if (this.size && Math.floor(frame.t / this.bucketMs) === Math.floor(newest / this.bucketMs)) {
      slot = this.at(this.size - 1);
    } else {
      if (this.size === this.capacity) this.dropOldest();
      slot = this.at(this.size++);
    }
    this.times[slot] = frame.t;
    const base = slot * this.indicators;
    for (let i = 0; i < this.indicators; i++) {
      const v = frame.values[i];
      this.values[base + i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    }
    while (this.size && this.times[this.start] < frame.t - this.windowMs) this.dropOldest();
  }

  /** Oldest first; `sinceMs` keeps only points at or after that simulated time. */
  points(sinceMs = -Infinity): TrailPoint[] {
    const out: TrailPoint[] = [];
    for (let k = 0; k < this.size; k++) {
      const slot = this.at(k);
      const t = this.times[slot];
      if (t < sinceMs) continue;
      const base = slot * this.indicators;
      const values: (number | null)[] = new Array(this.indicators);
      for (let i = 0; i < this.indicators; i++) {
        const v = this.values[base + i];
        values[i] = Number.isNaN(v) ? null : v;
      }
      out.push({ t, values });
    }
    return out;
  }

  private at(k: number): number {
    return (this.start + k) % this.capacity;
  }

  private dropOldest(): void {
    this.start = (this.start + 1) % this.capacity;
    this.size--;
  }
}
