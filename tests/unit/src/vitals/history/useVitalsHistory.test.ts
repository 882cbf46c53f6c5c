import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '@/protocol/vitals';
import { SPARK_REFRESH_MS, sparkTurn } from '@/vitals/history/useVitalsHistory';

describe('sparkline redraw turns', () => {
  const phaseOf = (i: number) => (i * SPARK_REFRESH_MS) / DIMENSIONS.length;

  it('gives each panel one redraw per refresh period', () => {
    const turns = new Set<number>();
    for (let now = 0; now < 4 * SPARK_REFRESH_MS; now += 1000) turns.add(sparkTurn(now, SPARK_REFRESH_MS, phaseOf(2)));
    expect(turns.size).toBeGreaterThanOrEqual(4);
    expect(turns.size).toBeLessThanOrEqual(5);
  });

  it('spreads the five panels over the period: at 1 Hz no second redraws more than one panel', () => {
    const redrawsAt = new Map<number, number>();
    const last = DIMENSIONS.map(() => Number.NaN);
    for (let now = 1_700_000_000_000; now < 1_700_000_000_000 + 60_000; now += 1000) {
      DIMENSIONS.forEach((_, i) => {
        const turn = sparkTurn(now, SPARK_REFRESH_MS, phaseOf(i));
        if (turn !== last[i]) redrawsAt.set(now, (redrawsAt.get(now) ?? 0) + 1);
        last[i] = turn;
      });
    }
    // The first second draws everything (the panels' first frame); after that, one panel at a time.
    const [first, ...rest] = [...redrawsAt.values()];
    expect(first).toBe(DIMENSIONS.length);
    expect(Math.max(...rest)).toBe(1);
    // And every later second redraws exactly one panel: the load is even.
    expect(rest).toHaveLength(59);
  });
});
