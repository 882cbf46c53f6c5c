import { describe, expect, it } from 'vitest';
import { INGEST_MEASURES } from '../../../../mock-server/ingest/ingestChannels';
import { datastreamUnit, factorInto, KNOWN_UNITS } from '../../../../mock-server/sensorthings/datastreamUnit';
import { frostMaterial } from '../../../support/frostServer';

const [lumen, centigrade, batchCelsius] = frostMaterial().datastreams;

describe('datastreamUnit', () => {
  it('reads the units of the public material as they are', () => {
    // Datastream 1 of the deep-insert body: lumen, by its symbol and its definition alike.
    expect(datastreamUnit(lumen.unitOfMeasurement)).toEqual({ unit: 'lm', from: 'symbol "lm"' });
    // Datastream 2: "C" (named Centigrade) is no UCUM code we know, and its definition says Lumen.
    const second = datastreamUnit(centigrade.unitOfMeasurement);
    expect(second).toEqual({ unit: 'lm', from: expect.stringMatching(/definition ".*Lumen"; its symbol "C" is not a unit this server knows/) });
    // The $batch body's Datastreams: "°C" with the definition "ucum:T", which names nothing we know.
    expect(datastreamUnit(batchCelsius.unitOfMeasurement)).toEqual({ unit: 'Cel', from: 'symbol "°C"' });
  });

  it('takes UCUM codes and QUDT names from a definition when the symbol is unknown or missing', () => {
    expect(datastreamUnit({ symbol: null, definition: 'http://www.opengis.net/def/uom/UCUM/degC' })).toMatchObject({ unit: 'Cel' });
    expect(datastreamUnit({ symbol: 'millimetres', definition: 'http://qudt.org/vocab/unit/MilliM' })).toMatchObject({ unit: 'mm' });
    expect(datastreamUnit({ definition: 'http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#MillimeterPerHour' })).toMatchObject({ unit: 'mm/h' });
    expect(datastreamUnit({ symbol: '[ft_i]' })).toMatchObject({ unit: 'ft' });
  });

  it('refuses a unit it cannot tell, and a symbol and definition that disagree, pointing at the map’s unit column', () => {
    expect(datastreamUnit({ name: 'Centigrade', symbol: 'C', definition: 'ucum:T' })).toEqual({
      error: expect.stringMatching(/symbol "C", name "Centigrade", definition "ucum:T"\) names no unit this server knows: give the unit in the map's unit column/),
    });
    expect(datastreamUnit({ symbol: 'm', definition: 'http://qudt.org/vocab/unit/CentiM' })).toEqual({ error: expect.stringMatching(/contradicts itself.*m by the symbol, cm by the definition/) });
    expect(datastreamUnit({ name: 'Centigrade' })).toHaveProperty('error');
  });

  it('takes a unitOfMeasurement with nothing in it as unitless (a category or a state)', () => {
    expect(datastreamUnit({ name: null, symbol: null, definition: null })).toMatchObject({ unit: '' });
    expect(datastreamUnit(undefined)).toMatchObject({ unit: '' });
  });
});

describe('factorInto', () => {
  const temp = INGEST_MEASURES.weatherStation!.temp;
  const depth = INGEST_MEASURES.underpass!.depth;
  const level = INGEST_MEASURES.waterGauge!.level;

  it('uses the factor of a unit the measure accepts, and converts other lengths', () => {
    expect(factorInto(temp, 'Cel')).toBe(1);
    expect(factorInto(depth, 'mm')).toBe(0.1);
    expect(factorInto(level, 'ft')).toBeCloseTo(0.3048);
    expect(factorInto(depth, 'in')).toBeCloseTo(2.54);
  });

  it('has no factor for a unit the measure cannot take', () => {
    expect(factorInto(temp, 'lm')).toBeUndefined();
    expect(factorInto(temp, '')).toBeUndefined();
    expect(factorInto(level, 'Cel')).toBeUndefined();
    expect(factorInto(INGEST_MEASURES.pumpStation!.state, '')).toBe(1);
  });

  it('knows every unit a measure takes from outside', () => {
    const taken = Object.values(INGEST_MEASURES).flatMap((measures) => Object.values(measures!).flatMap((m) => m.units.map((u) => u.unit)));
    expect(taken.filter((u) => u !== '' && u !== '/' && !KNOWN_UNITS.has(u))).toEqual([]);
  });
});
