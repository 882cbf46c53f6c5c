/**
 * "≈ N min to the warning line" for a rising level (issue 3): a least-squares slope over the last
 * few minutes, extrapolated from the latest reading to the next threshold above it. A straight line
 * is what a duty officer would draw by eye; it is honest only for the near future, hence the cap.
 */

/** A named threshold, e.g. `{name: 'warning', value: 4.55}`. */
export interface NamedThreshold {
  name: string;
  value: number;
}

export interface EtaOptions {
  /** Samples older than this before the latest one are ignored, minutes. */
  windowMinutes?: number;
  /** Fewer finite samples than this in the window give no estimate. */
  minPoints?: number;
  /** Estimates further away than this are not shown, minutes. */
  maxMinutes?: number;
  /** Slopes at or below this, units per minute, count as not rising (sensor quantisation noise). */
  minSlopePerMinute?: number;
}

export const ETA_DEFAULTS: Required<EtaOptions> = { windowMinutes: 10, minPoints: 3, maxMinutes: 360, minSlopePerMinute: 0 };

const MINUTE_MS = 60_000;

/**
 * Minutes until `threshold` is crossed at the current rate of rise, or null when the level is not
 * rising, there are too few recent samples, it would take longer than `maxMinutes`, or the latest
 * reading is already at or over the threshold (pick the next threshold above it: {@link nextThresholdAbove}).
 *
 * @param times sample times, epoch ms, ascending
 * @param values samples; null or NaN where the sensor was silent (skipped)
 */
export function minutesToThreshold(
  times: ArrayLike<number>,
  values: ArrayLike<number | null>,
  threshold: number,
  options: EtaOptions = {},
): number | null {
  const { windowMinutes, minPoints, maxMinutes, minSlopePerMinute } = { ...ETA_DEFAULTS, ...options };
  const n = Math.min(times.length, values.length);
  let last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (isReading(values[i]) && Number.isFinite(times[i])) {
      last = i;
      break;
    }
  }
  if (last < 0 || !Number.isFinite(threshold)) return null;
  const tLast = times[last];
  const current = values[last] as number;
  if (current >= threshold) return null;

  // Least squares over x = minutes before the latest sample (x ≤ 0).
  let count = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  const from = tLast - windowMinutes * MINUTE_MS;
  for (let i = 0; i <= last; i++) {
    const v = values[i];
    if (!isReading(v) || !(times[i] >= from)) continue;
    const x = (times[i] - tLast) / MINUTE_MS;
    count++;
    sx += x;
    sy += v;
    sxx += x * x;
    sxy += x * v;
  }
  if (count < minPoints) return null;
  const denominator = count * sxx - sx * sx;
  if (denominator <= 0) return null; // all samples at one instant
  const slope = (count * sxy - sx * sy) / denominator;
  if (!(slope > minSlopePerMinute)) return null;
  const minutes = (threshold - current) / slope;
  return minutes <= maxMinutes ? minutes : null;
}

/** The lowest threshold strictly above `value`, or null (none above, or no reading). Ties keep the first listed. */
export function nextThresholdAbove(value: number, thresholds: readonly NamedThreshold[]): NamedThreshold | null {
  if (!Number.isFinite(value)) return null;
  let best: NamedThreshold | null = null;
  for (const t of thresholds) {
    if (Number.isFinite(t.value) && t.value > value && (best === null || t.value < best.value)) best = t;
  }
  return best;
}

const isReading = (v: number | null): v is number => v !== null && Number.isFinite(v);
