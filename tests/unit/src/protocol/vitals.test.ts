import { describe, expect, it } from 'vitest';
import { dimensionStatus, indicatorStatus, type IndicatorSpec } from '@/protocol/vitals';

const spec = (over: Partial<IndicatorSpec>): IndicatorSpec => ({
  id: 'x',
  dimension: 'traffic',
  name: '',
  nameEn: '',
  unit: '',
  direction: 'up',
  warning: 4,
  alarm: 6,
  definition: '',
  definitionEn: '',
  digits: 1,
  ...over,
});

describe('indicator status', () => {
  const up = spec({ direction: 'up', warning: 4, alarm: 6 });
  const down = spec({ direction: 'down', warning: 0.18, alarm: 0.16 });

  it('classifies a higher-is-worse indicator, each band starting at its line', () => {
    expect(indicatorStatus(up, 0)).toBe('normal');
    expect(indicatorStatus(up, 3.9)).toBe('normal');
    expect(indicatorStatus(up, 4)).toBe('warning');
    expect(indicatorStatus(up, 5.99)).toBe('warning');
    expect(indicatorStatus(up, 6)).toBe('alarm');
    expect(indicatorStatus(up, 1e9)).toBe('alarm');
    expect(indicatorStatus(up, -1)).toBe('normal');
  });

  it('classifies a lower-is-worse indicator, each band starting at its line', () => {
    expect(indicatorStatus(down, 0.3)).toBe('normal');
    expect(indicatorStatus(down, 0.181)).toBe('normal');
    expect(indicatorStatus(down, 0.18)).toBe('warning');
    expect(indicatorStatus(down, 0.161)).toBe('warning');
    expect(indicatorStatus(down, 0.16)).toBe('alarm');
    expect(indicatorStatus(down, 0)).toBe('alarm');
    expect(indicatorStatus(down, -5)).toBe('alarm');
  });

  it('has no status without a value', () => {
    for (const s of [up, down]) {
      expect(indicatorStatus(s, null)).toBeNull();
      expect(indicatorStatus(s, NaN)).toBeNull();
      expect(indicatorStatus(s, Infinity)).toBeNull();
      expect(indicatorStatus(s, -Infinity)).toBeNull();
    }
  });

  it('treats a band with warning = alarm as going straight to alarm', () => {
    const count = spec({ warning: 1, alarm: 1 });
    expect(indicatorStatus(count, 0)).toBe('normal');
    expect(indicatorStatus(count, 1)).toBe('alarm');
  });
});

describe('dimension status', () => {
  const specs: IndicatorSpec[] = [
    spec({ id: 'a', dimension: 'traffic', warning: 4, alarm: 6 }),
    spec({ id: 'b', dimension: 'traffic', direction: 'down', warning: 30, alarm: 24 }),
    spec({ id: 'c', dimension: 'supply', warning: 1, alarm: 2 }),
  ];

  it('is its worst indicator', () => {
    expect(dimensionStatus(specs, [1, 50, 0], 'traffic')).toBe('normal');
    expect(dimensionStatus(specs, [4, 50, 0], 'traffic')).toBe('warning');
    expect(dimensionStatus(specs, [1, 30, 0], 'traffic')).toBe('warning');
    expect(dimensionStatus(specs, [4, 20, 0], 'traffic')).toBe('alarm');
    expect(dimensionStatus(specs, [7, 50, 0], 'traffic')).toBe('alarm');
  });

  it('ignores the indicators of other dimensions', () => {
    expect(dimensionStatus(specs, [1, 50, 5], 'traffic')).toBe('normal');
    expect(dimensionStatus(specs, [9, 0, 0], 'supply')).toBe('normal');
  });

  it('skips indicators without a value, and is null when none has one', () => {
    expect(dimensionStatus(specs, [null, 29, 0], 'traffic')).toBe('warning');
    expect(dimensionStatus(specs, [null, null, 0], 'traffic')).toBeNull();
    expect(dimensionStatus(specs, [NaN, null, 0], 'traffic')).toBeNull();
    // A short values array (a frame from an older catalogue) reads as no value, not as an error.
    expect(dimensionStatus(specs, [], 'traffic')).toBeNull();
  });

  it('is null for a dimension with no indicators', () => {
    expect(dimensionStatus(specs, [7, 0, 5], 'environment')).toBeNull();
  });
});
