import { describe, expect, it } from 'vitest';
import { growthPerHour, slope, type SoakSample } from '../../../bench/soak';

describe('soak growth', () => {
  it('fits a least-squares slope', () => {
    expect(slope([0, 1, 2, 3], [1, 3, 5, 7])).toBeCloseTo(2);
    expect(slope([0, 1, 2], [5, 5, 5])).toBe(0);
    expect(slope([1], [1])).toBeNaN();
  });

  it('turns per-minute samples after the warm-up into MB per hour', () => {
    // Steep while warming up (caches filling), then 0.05 MB a minute: 3 MB an hour.
    const samples: SoakSample[] = Array.from({ length: 20 }, (_, minute) => ({
      minute,
      pageHeapMb: minute < 5 ? 20 + minute * 2 : 28 + minute * 0.05,
      serverRssMb: 300,
      serverHeapMb: 100 - minute * 0.01,
      serverExternalMb: 40 + minute * 0.1,
    }));
    expect(growthPerHour(samples, (s) => s.pageHeapMb, 5)).toBeCloseTo(3);
    expect(growthPerHour(samples, (s) => s.serverRssMb, 5)).toBe(0);
    expect(growthPerHour(samples, (s) => s.serverHeapMb, 5)).toBeCloseTo(-0.6);
    expect(growthPerHour(samples, (s) => s.serverExternalMb, 5)).toBeCloseTo(6);
  });
});
