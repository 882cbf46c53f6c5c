import { describe, expect, it } from 'vitest';
import { ageText } from '@/shared/formatAge';

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
