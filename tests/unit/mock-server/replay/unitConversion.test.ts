import { describe, expect, it } from 'vitest';
import { INGEST_MEASURES } from '../../../../mock-server/ingest/ingestChannels';
import { conversionFactor } from '../../../../mock-server/replay/unitConversion';

describe('conversionFactor', () => {
  it('converts the imperial lengths of US recordings to metric', () => {
    expect(conversionFactor('in', 'cm')).toBeCloseTo(2.54, 12);
    expect(conversionFactor('ft', 'm')).toBeCloseTo(0.3048, 12);
    expect(conversionFactor('mm', 'cm')).toBeCloseTo(0.1, 12);
  });

  it('converts every unit the server accepts the measure in, by the ingest table', () => {
    const wind = INGEST_MEASURES.weatherStation!.wind!.units;
    expect(conversionFactor('km/h', 'm/s', wind)).toBeCloseTo(1 / 3.6, 12);
    const sump = INGEST_MEASURES.pumpStation!.level!.units;
    expect(conversionFactor('cm', 'm', sump)).toBeCloseTo(0.01, 12);
    // A unit the measure does not take still falls back to lengths, or to nothing.
    expect(conversionFactor('ft', 'm', sump)).toBeCloseTo(0.3048, 12);
    expect(conversionFactor('mph', 'm/s', wind)).toBeUndefined();
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
