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

  it('reads in days past two days, so a sensor silent for a week is not "168 hours ago"', () => {
    expect(ageText(0, 47 * 3_600_000)).toEqual({ key: 'hours', n: 47 });
    expect(ageText(0, 7 * 86_400_000 + 5000)).toEqual({ key: 'days', n: 7 });
  });

  it('never shows a negative age when clocks disagree', () => {
    expect(ageText(5000, 1000).key).toBe('justNow');
  });
});
