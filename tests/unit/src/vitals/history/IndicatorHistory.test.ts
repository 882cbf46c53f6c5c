import { describe, expect, it } from 'vitest';
import { HISTORY_BUCKET_MS, HISTORY_WINDOW_MS, IndicatorHistory, VitalsHistory } from '@/vitals/history/IndicatorHistory';

const MIN = 60_000;

describe('indicator history', () => {
  it('keeps one point per 30 s bucket of simulated time, the latest value winning', () => {
    const h = new IndicatorHistory();
    h.push(0, 1);
    h.push(10_000, 2);
    h.push(29_000, 3);
    h.push(31_000, 4);
    expect(h.toPairs()).toEqual([
      [29_000, 3],
      [31_000, 4],
    ]);
  });

  it('keeps the last hour only, in a fixed capacity, whatever the frame rate and the run time', () => {
    const h = new IndicatorHistory();
    expect(h.capacity).toBe(HISTORY_WINDOW_MS / HISTORY_BUCKET_MS + 1);
    // Ten simulated hours at one frame a second.
    for (let t = 0; t <= 10 * 60 * MIN; t += 1000) h.push(t, t);
    const pairs = h.toPairs();
    expect(pairs.length).toBeLessThanOrEqual(h.capacity);
    expect(pairs[pairs.length - 1][0]).toBe(10 * 60 * MIN);
    expect(pairs[0][0]).toBeGreaterThanOrEqual(10 * 60 * MIN - HISTORY_WINDOW_MS);
  });

  it('drops points that fall out of the window when time jumps (a fast simulator)', () => {
    const h = new IndicatorHistory();
    h.push(0, 1);
    h.push(30 * MIN, 2);
    h.push(90 * MIN, 3);
    expect(h.toPairs()).toEqual([
      [30 * MIN, 2],
      [90 * MIN, 3],
    ]);
  });

  it('records a missing value as a gap and starts afresh when time goes backwards', () => {
    const h = new IndicatorHistory();
    h.push(0, 1);
    h.push(MIN, null);
    expect(h.toPairs()).toEqual([
      [0, 1],
      [MIN, null],
    ]);
    h.push(10_000, 5);
    expect(h.toPairs()).toEqual([[10_000, 5]]);
  });

  it('samples every indicator of a frame and forgets indicators no longer listed', () => {
    const v = new VitalsHistory();
    v.sample(0, [{ id: 'a', index: 0 }, { id: 'b', index: 1 }], [1, NaN]);
    v.sample(MIN, [{ id: 'a', index: 0 }, { id: 'b', index: 1 }], [2, 3]);
    expect(v.pairs('a')).toEqual([
      [0, 1],
      [MIN, 2],
    ]);
    expect(v.pairs('b')).toEqual([
      [0, null],
      [MIN, 3],
    ]);
    v.retain(new Set(['a']));
    expect(v.pairs('b')).toEqual([]);
  });
});

describe('backfill from the server', () => {
  it('puts the server\'s older points before the live ones and ignores those the live ones cover', () => {
    const v = new VitalsHistory();
    v.sample(10 * MIN, [{ id: 'a', index: 0 }], [5]);
    v.backfill(
      ['a', 'b'],
      [
        { t: 8 * MIN, values: [1, 9] },
        { t: 9 * MIN, values: [null, 9] },
        { t: 10 * MIN, values: [99, 9] },
      ],
      new Set(['a']),
    );
    expect(v.pairs('a')).toEqual([
      [8 * MIN, 1],
      [9 * MIN, null],
      [10 * MIN, 5],
    ]);
    // Not this panel's indicator: not kept.
    expect(v.pairs('b')).toEqual([]);
  });

  it('keeps the window: backfilled points older than an hour before the newest are dropped', () => {
    const h = new IndicatorHistory();
    h.push(120 * MIN, 1);
    h.prepend([
      [30 * MIN, 7],
      [90 * MIN, 8],
    ]);
    expect(h.toPairs()).toEqual([
      [90 * MIN, 8],
      [120 * MIN, 1],
    ]);
  });
});
