/**
 * The detail card's last hour: the server's history joined with what the live feed brought since
 * it was fetched, and the time to the next threshold from it (pure, no Vue).
 */
import { minutesToThreshold, nextThresholdAbove, type NamedThreshold } from '@/domain/thresholdEta';
import type { AssetSeries } from '@/protocol/assetApi';
import { KIND_VIEWS, type AssetFacts } from './assetReadout';

/** [simulated time ms, value or null for no data], as the sparkline takes it. */
export type TrendPoint = [number, number | null];

export const TREND_WINDOW_MS = 60 * 60_000;
const MINUTE_MS = 60_000;

const valueOrNull = (v: number | null): number | null => (v === null || Number.isNaN(v) ? null : v);

/**
 * Live readings of one asset, one per simulated minute (as the server samples them) plus the newest,
 * so the sparkline keeps moving between history fetches at any simulation speed.
 */
export class LiveSamples {
  private samples: TrendPoint[] = [];
  private head: TrendPoint | null = null;

  constructor(private readonly capacity = 60) {}

  push(t: number, value: number): void {
    if (this.head && t < this.head[0]) this.clear(); // a restart or resync stepped time back
    const point: TrendPoint = [t, valueOrNull(value)];
    const last = this.samples[this.samples.length - 1];
    if (last && last[0] === t) this.samples[this.samples.length - 1] = point; // a resync restated it
    else if (!last || Math.floor(last[0] / MINUTE_MS) !== Math.floor(t / MINUTE_MS)) {
      this.samples.push(point);
      if (this.samples.length > this.capacity) this.samples.shift();
    }
    this.head = point;
  }

  /** Oldest first, the newest reading last. */
  points(): TrendPoint[] {
    const last = this.samples[this.samples.length - 1];
    return this.head && this.head !== last ? [...this.samples, this.head] : [...this.samples];
  }

  clear(): void {
    this.samples = [];
    this.head = null;
  }
}

/** History, then the live points from its last sample on, trimmed to `windowMs` before the newest point. */
export function mergeTrend(history: AssetSeries | null, live: readonly TrendPoint[], windowMs = TREND_WINDOW_MS): TrendPoint[] {
  const out: TrendPoint[] = [];
  if (history) for (let i = 0; i < Math.min(history.t.length, history.v.length); i++) out.push([history.t[i], valueOrNull(history.v[i])]);
  const lastHistory = out.length ? out[out.length - 1][0] : -Infinity;
  for (const p of live) {
    // At the same instant both say the same, unless the live store has moved on: it wins.
    if (p[0] === lastHistory) out[out.length - 1] = p;
    else if (p[0] > lastHistory) out.push(p);
  }
  if (out.length === 0) return out;
  const after = out[out.length - 1][0] - windowMs;
  return out.filter((p) => p[0] > after);
}

export interface ThresholdEta {
  threshold: NamedThreshold;
  minutes: number;
}

/** The estimated time until the trend crosses the next threshold a rising level heads for, or null. */
export function trendEta(facts: AssetFacts, points: readonly TrendPoint[]): ThresholdEta | null {
  const rising = KIND_VIEWS[facts.kind].rising;
  if (rising.length === 0) return null;
  let current = NaN;
  for (let i = points.length - 1; i >= 0 && Number.isNaN(current); i--) current = points[i][1] ?? NaN;
  const threshold = nextThresholdAbove(current, facts.thresholds.filter((t) => rising.includes(t.name)));
  if (!threshold) return null;
  const minutes = minutesToThreshold(
    points.map((p) => p[0]),
    points.map((p) => p[1]),
    threshold.value,
  );
  return minutes === null ? null : { threshold, minutes };
}
