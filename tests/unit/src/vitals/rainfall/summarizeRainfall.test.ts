import { describe, expect, it } from 'vitest';
import { summarizeRainfall } from '@/vitals/rainfall/summarizeRainfall';

describe('rainfall summary', () => {
  it('finds the peak gauge, the mean and the wet count', () => {
    const s = summarizeRainfall([0, 12.5, 3, 0.05, NaN], [], [], []);
    expect(s.maxMmH).toBe(12.5);
    expect(s.maxSlot).toBe(1);
    expect(s.meanMmH).toBeCloseTo((12.5 + 3 + 0.05) / 4);
    expect(s.wetGauges).toBe(2);
    expect(s.rainGauges).toBe(5);
  });

  it('reports no peak when the city is dry', () => {
    expect(summarizeRainfall([0, 0], [], [], []).maxSlot).toBe(-1);
  });

  it('counts water gauges over and near their own warning lines', () => {
    const s = summarizeRainfall([], [4.6, 4.3, 3.0, 5.1], [4.55, 4.55, 4.55, 4.55], [5.05, 5.05, 5.05, 5.05]);
    expect(s.waterOverWarning).toBe(2);
    expect(s.waterNearWarning).toBe(1);
  });
});
