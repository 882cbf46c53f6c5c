/**
 * The last hour of one indicator for its sparkline, in fixed-size typed arrays: one point per time
 * bucket of simulated time (the latest value in the bucket wins), points older than the window
 * dropped. Memory is fixed at construction, whatever the speed of the simulation or the age of the page.
 */
export const HISTORY_WINDOW_MS = 60 * 60_000;
/** 30 s buckets: 120 points an hour, a few per pixel of a sparkline, at any simulation speed. */
export const HISTORY_BUCKET_MS = 30_000;

export class IndicatorHistory {
  readonly capacity: number;
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private size = 0;

  constructor(
    readonly windowMs = HISTORY_WINDOW_MS,
    readonly bucketMs = HISTORY_BUCKET_MS,
  ) {
    this.capacity = Math.ceil(windowMs / bucketMs) + 1;
    this.times = new Float64Array(this.capacity);
    this.values = new Float64Array(this.capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Time of the newest point, or -Infinity when empty. */
  get lastTime(): number {
    return this.size ? this.times[this.at(this.size - 1)] : -Infinity;
  }

  /**
   * Records a value (null: no value, drawn as a gap) at simulated time `t`. A time earlier than the
   * newest point (a restarted or reseeded server) starts the history afresh.
   */
  push(t: number, value: number | null): void {
    const v = value ?? NaN;
    if (t < this.lastTime) this.clear();
    if (this.size && Math.floor(t / this.bucketMs) === Math.floor(this.lastTime / this.bucketMs)) {
      const last = this.at(this.size - 1);
      this.times[last] = t;
      this.values[last] = v;
    } else {
      if (this.size === this.capacity) this.dropOldest();
      const at = this.at(this.size);
      this.times[at] = t;
      this.values[at] = v;
      this.size++;
    }
    while (this.size && this.times[this.start] < t - this.windowMs) this.dropOldest();
  }

  /** [time, value or null], oldest first. */
  toPairs(): [number, number | null][] {
    const out: [number, number | null][] = new Array(this.size);
    for (let k = 0; k < this.size; k++) {
      const i = this.at(k);
      const v = this.values[i];
      out[k] = [this.times[i], Number.isNaN(v) ? null : v];
    }
    return out;
  }

  /** Adds points older than the oldest one held (a backfill from the server); newer ones are ignored. */
  prepend(older: readonly (readonly [number, number | null])[]): void {
    const held = this.toPairs();
    const first = held.length ? held[0][0] : Infinity;
    this.clear();
    for (const [t, v] of older) if (t < first && t >= this.lastTime) this.push(t, v);
    for (const [t, v] of held) this.push(t, v);
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
  }

  private at(k: number): number {
    return (this.start + k) % this.capacity;
  }

  private dropOldest(): void {
    this.start = (this.start + 1) % this.capacity;
    this.size--;
  }
}

/** One history per indicator id, sampled from each vitals frame. */
export class VitalsHistory {
  private readonly series = new Map<string, IndicatorHistory>();

  constructor(
    private readonly windowMs = HISTORY_WINDOW_MS,
    private readonly bucketMs = HISTORY_BUCKET_MS,
  ) {}

  /** Samples the given indicators (id and catalogue index) at the frame's simulated time. */
  sample(t: number, indicators: readonly { id: string; index: number }[], values: readonly (number | null)[]): void {
    for (const { id, index } of indicators) {
      let h = this.series.get(id);
      if (!h) this.series.set(id, (h = new IndicatorHistory(this.windowMs, this.bucketMs)));
      const v = values[index];
      h.push(t, typeof v === 'number' && Number.isFinite(v) ? v : null);
    }
  }

  /** Fills each indicator's history with the server's older points (ids: the order of each point's values). */
  backfill(ids: readonly string[], points: readonly { t: number; values: readonly (number | null)[] }[], wanted: ReadonlySet<string>): void {
    ids.forEach((id, column) => {
      if (!wanted.has(id)) return;
      let h = this.series.get(id);
      if (!h) this.series.set(id, (h = new IndicatorHistory(this.windowMs, this.bucketMs)));
      h.prepend(points.map((p) => {
        const v = p.values[column];
        return [p.t, typeof v === 'number' && Number.isFinite(v) ? v : null] as const;
      }));
    });
  }

  pairs(id: string): [number, number | null][] {
    return this.series.get(id)?.toPairs() ?? [];
  }

  /** Forgets indicators no longer in the catalogue, so a changed catalogue cannot grow the map. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.series.keys()) if (!ids.has(id)) this.series.delete(id);
  }
}
