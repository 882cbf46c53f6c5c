import { describe, expect, it } from 'vitest';
import { Cadence } from '../../../../mock-server/pipeline/cadence';

describe('cadence', () => {
  it('fires once per period from the start, not at the start itself', () => {
    const c = new Cadence(60_000, 1_000);
    const fired = [1_000, 30_000, 60_000, 61_000, 62_000, 121_000].filter((t) => c.due(t));
    expect(fired).toEqual([61_000, 121_000]);
  });

  it('fires at the first moment past a period when no moment falls on it, and once for a skipped stretch', () => {
    const c = new Cadence(60_000, 0);
    expect([59_000, 61_500, 62_000, 300_000, 300_500].map((t) => c.due(t))).toEqual([false, true, false, true, false]);
  });
});
