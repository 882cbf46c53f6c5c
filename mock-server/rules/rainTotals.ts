/**
 * Rolling rain totals per rain gauge, for the warning office: how much fell in the last 1–12 hours at
 * 10-minute resolution, and how hard it is raining now (a smoothed intensity). Typed arrays, no
 * per-observation allocation.
 */

/** Rain totals are kept in buckets of this length… */
export const BUCKET_MS = 10 * 60_000;
/** …this many of them: twelve hours, the longest signal window. */
export const BUCKETS = 72;
const BUCKETS_PER_HOUR = 3_600_000 / BUCKET_MS;
/** Window lengths (buckets) the office reads: 1, 2, 3, 5, 6, 11 and 12 hours. */
const WINDOW_HOURS = [1, 2, 3, 5, 6, 11, 12] as const;
export type WindowHours = (typeof WINDOW_HOURS)[number];

/** Time constant of the "current intensity" a gauge is judged by, ms (smooths a passing cell's core). */
const INTENSITY_TAU_MS = 15 * 60_000;

/**
 * Rolling rain totals per gauge in {@link BUCKETS} buckets of {@link BUCKET_MS}: the current bucket
 * fills as rain is observed; at each bucket boundary the completed-bucket sums of every window are
 * recomputed (so no rounding drift accumulates). A window of n buckets is the current bucket plus the
 * n − 1 before it.
 */
export class RainAccumulator {
  /** mm per (bucket, gauge), bucket-major. */
  private readonly buckets: Float32Array;
  /** Sum of the completed buckets of each window, mm per (window, gauge). */
  private readonly completed: Float32Array;
  /** Smoothed intensity per gauge, mm/h. */
  readonly intensity: Float64Array;
  private head = 0;
  private bucketIndex = NaN;

  constructor(readonly gauges: number) {
    this.buckets = new Float32Array(BUCKETS * gauges);
    this.completed = new Float32Array(WINDOW_HOURS.length * gauges);
    this.intensity = new Float64Array(gauges);
  }

  /** Adds `dtS` seconds of rain ending at `timeMs`. */
  observe(timeMs: number, dtS: number, rain: ArrayLike<number>): void {
    // The interval ending exactly on a boundary belongs to the bucket it filled.
    const index = Math.floor((timeMs - 1) / BUCKET_MS);
    if (Number.isNaN(this.bucketIndex)) this.bucketIndex = index;
    if (index > this.bucketIndex) this.rotate(index);
    const n = this.gauges;
    const base = this.head * n;
    const hours = dtS / 3600;
    const k = 1 - Math.exp((-dtS * 1000) / INTENSITY_TAU_MS);
    for (let i = 0; i < n; i++) {
      const r = rain[i];
      if (!(r >= 0)) continue; // silent gauge: the office has nothing from it
      this.buckets[base + i] += r * hours;
      this.intensity[i] += (r - this.intensity[i]) * k;
    }
  }

  /** Rain at gauge `i` over the last `hours` (one of {@link WINDOW_HOURS}), mm. */
  total(i: number, hours: WindowHours): number {
    return this.completed[WINDOW_HOURS.indexOf(hours) * this.gauges + i] + this.buckets[this.head * this.gauges + i];
  }

  /** The largest total over the last `hours` at any gauge, mm (0 before any rain). */
  maxTotal(hours: WindowHours): number {
    let max = 0;
    for (let i = 0; i < this.gauges; i++) max = Math.max(max, this.total(i, hours));
    return max;
  }

  private rotate(index: number): void {
    const n = this.gauges;
    const steps = Math.min(BUCKETS, index - this.bucketIndex);
    for (let s = 0; s < steps; s++) {
      this.head = (this.head + 1) % BUCKETS;
      this.buckets.fill(0, this.head * n, (this.head + 1) * n);
    }
    this.bucketIndex = index;
    this.completed.fill(0);
    // Walk back from the newest completed bucket, adding each into every window still reaching it.
    for (let back = 1; back < BUCKETS; back++) {
      const base = ((this.head - back + BUCKETS) % BUCKETS) * n;
      for (let w = 0; w < WINDOW_HOURS.length; w++) {
        if (back >= WINDOW_HOURS[w] * BUCKETS_PER_HOUR) continue;
        const out = w * n;
        for (let i = 0; i < n; i++) this.completed[out + i] += this.buckets[base + i];
      }
    }
  }
}
