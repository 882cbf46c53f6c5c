import { describe, expect, it } from 'vitest';
import { finiteMean, weatherSummary } from '@/shell/weather/weatherSummary';

describe('header weather from current readings', () => {
  it('leaves stale stations out of the means', () => {
    expect(finiteMean([20, 30, 22], [0, 1, 0])).toBe(21);
    const s = weatherSummary(Float32Array.from([20, 30]), Float32Array.from([2, 12]), { temp: [0, 1], wind: [0, 1] });
    expect(s).toEqual({ tempC: 20, windMs: 2, beaufort: 2, stale: false });
  });

  it('falls back on the stale stations only when none is current, and says so', () => {
    const s = weatherSummary(Float32Array.from([20, 30]), Float32Array.from([2, 12]), { temp: [1, 1], wind: [1, 1] });
    expect(s).toEqual({ tempC: 25, windMs: 7, beaufort: 4, stale: true });
    expect(weatherSummary(Float32Array.from([NaN]), Float32Array.from([NaN]), { temp: [1], wind: [1] })).toBeNull();
  });
});
