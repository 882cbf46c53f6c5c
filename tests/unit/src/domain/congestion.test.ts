import { describe, expect, it } from 'vitest';
import { cityCongestionIndexOf, congestionBandOf } from '@/domain/congestion';

describe('traffic performance index', () => {
  it('puts each index in its band, edges included', () => {
    expect([0, 1.9, 2, 4, 6, 8, 10].map(congestionBandOf)).toEqual([0, 0, 1, 2, 3, 4, 4]);
    expect(congestionBandOf(NaN)).toBe(-1);
  });

  it('weights segments by length and leaves out segments without data', () => {
    expect(cityCongestionIndexOf([2, 8, NaN], [3, 1, 5])).toBe(3.5);
    expect(cityCongestionIndexOf([NaN], [1])).toBeNaN();
    // Stale segments (marked 1) are left out like no data; all stale is no data, not 0.
    expect(cityCongestionIndexOf([2, 8, 4], [3, 1, 5], [0, 1, 0])).toBe(3.3);
    expect(cityCongestionIndexOf([2, 8, 4], [3, 1, 5], [1, 1, 1])).toBeNaN();
  });
});
