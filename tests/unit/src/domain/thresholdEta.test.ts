import { describe, expect, it } from 'vitest';
import { minutesToThreshold, nextThresholdAbove } from '@/domain/thresholdEta';

const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 15, 6, 0);
/** Sample times at the given minutes after T0. */
const at = (...minutes: number[]) => minutes.map((m) => T0 + m * MIN);

describe('minutes to threshold', () => {
  it('extrapolates a steady rise from the latest reading', () => {
    // 2 cm/min, at 4.10 m now: (4.55 − 4.10) / 0.02 = 22.5 min.
    const eta = minutesToThreshold(at(0, 1, 2, 3, 4, 5), [4.0, 4.02, 4.04, 4.06, 4.08, 4.1], 4.55);
    expect(eta).toBeCloseTo(22.5, 6);
  });

  it('fits a least-squares slope through noisy readings', () => {
    // x̄ = 1.5, ȳ = 1.2; Sxy = 0.3 + 0 − 0.05 + 0.45 = 0.7, Sxx = 5 → 0.14 /min; (2.2 − 1.5) / 0.14 = 5.
    expect(minutesToThreshold(at(0, 1, 2, 3), [1.0, 1.2, 1.1, 1.5], 2.2)).toBeCloseTo(5, 6);
  });

  it('uses only the last ten minutes', () => {
    // A fall from 100 twenty minutes ago is outside the window; the last 11 samples rise 1 per minute.
    const minutes = Array.from({ length: 21 }, (_, i) => i);
    const values = minutes.map((m) => (m < 10 ? 100 - m : m - 10));
    expect(minutesToThreshold(at(...minutes), values, 25)).toBeCloseTo(15, 6);
    expect(minutesToThreshold(at(...minutes), values, 25, { windowMinutes: 20 })).toBeNull(); // falling overall
  });

  it('skips silent samples (null or NaN)', () => {
    // Left: (0, 1), (2, 3), (4, 5): 1 per minute; (10 − 5) / 1 = 5.
    expect(minutesToThreshold(at(0, 1, 2, 3, 4, 5), [1, null, 3, NaN, 5, null], 10)).toBeCloseTo(5, 6);
  });

  it('gives no estimate for a level that is flat or falling', () => {
    expect(minutesToThreshold(at(0, 1, 2, 3), [2, 2, 2, 2], 3)).toBeNull();
    expect(minutesToThreshold(at(0, 1, 2, 3), [2.3, 2.2, 2.1, 2.0], 3)).toBeNull();
  });

  it('gives no estimate from too few points', () => {
    expect(minutesToThreshold(at(0, 1), [1, 2], 3)).toBeNull();
    expect(minutesToThreshold(at(0, 1, 2), [1, null, 2], 3)).toBeNull();
    expect(minutesToThreshold([], [], 3)).toBeNull();
  });

  it('gives no estimate further than six hours away, or when already over', () => {
    // 0.001 per minute: 1,000 min to go.
    expect(minutesToThreshold(at(0, 1, 2), [0, 0.001, 0.002], 1.002)).toBeNull();
    expect(minutesToThreshold(at(0, 1, 2), [0, 0.001, 0.002], 1.002, { maxMinutes: 2000 })).toBeCloseTo(1000, 3);
    expect(minutesToThreshold(at(0, 1, 2), [1, 2, 3], 3)).toBeNull();
  });

  it('ignores slopes at or below a noise floor when asked', () => {
    expect(minutesToThreshold(at(0, 1, 2), [0, 0.005, 0.01], 1, { minSlopePerMinute: 0.01 })).toBeNull();
  });

  it('measures time in minutes whatever the sample spacing', () => {
    // 30 s apart, 0.5 per sample = 1 per minute; (8 − 2) / 1 = 6.
    const times = [T0, T0 + 30_000, T0 + 60_000, T0 + 90_000, T0 + 120_000];
    expect(minutesToThreshold(times, [0, 0.5, 1, 1.5, 2], 8)).toBeCloseTo(6, 6);
  });
});

describe('next threshold above', () => {
  const water = [
    { name: 'danger', value: 5.05 },
    { name: 'warning', value: 4.55 },
  ];

  it('picks the lowest threshold strictly above the value, in any order', () => {
    expect(nextThresholdAbove(3.2, water)).toEqual({ name: 'warning', value: 4.55 });
    expect(nextThresholdAbove(4.55, water)).toEqual({ name: 'danger', value: 5.05 });
    expect(nextThresholdAbove(4.8, water)?.name).toBe('danger');
  });

  it('has none above the top threshold, for no reading, or from no thresholds', () => {
    expect(nextThresholdAbove(5.2, water)).toBeNull();
    expect(nextThresholdAbove(NaN, water)).toBeNull();
    expect(nextThresholdAbove(1, [])).toBeNull();
    expect(nextThresholdAbove(1, [{ name: 'x', value: NaN }])).toBeNull();
  });
});
