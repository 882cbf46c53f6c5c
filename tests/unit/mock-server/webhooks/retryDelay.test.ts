import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../../mock-server/webhooks/retryDelay';

describe('retryDelay', () => {
  it('doubles from the base after each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
