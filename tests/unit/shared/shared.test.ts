import { describe, expect, it } from 'vitest';
import { ageText } from '../../../src/shared/formatAge';
import { RingSeries } from '../../../src/shared/ringBuffer';

describe('age text', () => {
  it('reads in seconds, minutes and hours', () => {
    expect(ageText(null, 0)).toEqual({ key: 'never', n: 0 });
    expect(ageText(1000, 1500)).toEqual({ key: 'justNow', n: 0 });
    expect(ageText(0, 42_000)).toEqual({ key: 'seconds', n: 42 });
    expect(ageText(0, 125_000)).toEqual({ key: 'minutes', n: 2 });
    expect(ageText(0, 7_300_000)).toEqual({ key: 'hours', n: 2 });
  });

  it('never shows a negative age when clocks disagree', () => {
    expect(ageText(5000, 1000).key).toBe('justNow');
  });
});

describe('ring series', () => {
  it('keeps the newest samples, oldest first', () => {
    const r = new RingSeries(3);
    [1, 2, 3, 4, 5].forEach((n) => r.push(n, n * 10));
    expect(r.length).toBe(3);
    expect(r.toPairs()).toEqual([
      [3, 30],
      [4, 40],
      [5, 50],
    ]);
    r.clear();
    expect(r.toPairs()).toEqual([]);
  });
});
