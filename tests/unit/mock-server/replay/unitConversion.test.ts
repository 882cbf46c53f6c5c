import { describe, expect, it } from 'vitest';
import { conversionFactor } from '../../../../mock-server/replay/unitConversion';

describe('conversionFactor', () => {
  it('converts the imperial lengths of US recordings to metric', () => {
    expect(conversionFactor('in', 'cm')).toBeCloseTo(2.54, 12);
    expect(conversionFactor('ft', 'm')).toBeCloseTo(0.3048, 12);
    expect(conversionFactor('mm', 'cm')).toBeCloseTo(0.1, 12);
  });

  it('leaves a unit as it is', () => {
    expect(conversionFactor('mm/h', 'mm/h')).toBe(1);
    expect(conversionFactor('', '')).toBe(1);
  });

  it('has no factor between a discharge and a level, or an unknown unit', () => {
    expect(conversionFactor('ft3/s', 'm')).toBeUndefined();
    expect(conversionFactor('furlong', 'm')).toBeUndefined();
  });
});
