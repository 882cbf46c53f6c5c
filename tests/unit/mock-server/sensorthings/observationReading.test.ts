import { describe, expect, it } from 'vitest';
import { observationReading, phenomenonTimeOf } from '../../../../mock-server/sensorthings/observationReading';
import { parseSensorThingsMap } from '../../../../mock-server/sensorthings/sensorThingsMap';
import { frostMaterial } from '../../../support/frostServer';

const [temp, depth, pump] = parseSensorThingsMap('datastream_id,kind,asset_id,measure,unit\n2,weatherStation,WS-001,temp,Cel\n9,underpass,UP-0001,depth,mm\n10,pumpStation,PS-0001,state,').targets;
const t = (iso: string) => Date.parse(iso);

describe('phenomenonTimeOf', () => {
  it('reads an instant, and an interval as its start and end', () => {
    expect(phenomenonTimeOf('2015-03-03T00:00:00Z')).toEqual({ start: t('2015-03-03T00:00:00Z'), end: t('2015-03-03T00:00:00Z') });
    expect(phenomenonTimeOf('2023-01-01T12:00:00.000+01:00/2023-01-01T13:00:00.000+01:00')).toEqual({ start: t('2023-01-01T11:00:00Z'), end: t('2023-01-01T12:00:00Z') });
  });

  it('refuses a time without its zone, a bad interval, and what is no string', () => {
    expect(phenomenonTimeOf('2015-03-03T00:00:00')).toEqual({ error: expect.stringMatching(/ISO 8601 time with its zone.*not the string "2015-03-03T00:00:00"/) });
    expect(phenomenonTimeOf('2015-03-03T00:00:00Z/')).toHaveProperty('error');
    expect(phenomenonTimeOf('2015-03-03T00:00:00Z/2015-03-04T00:00:00Z/2015-03-05T00:00:00Z')).toHaveProperty('error');
    expect(phenomenonTimeOf('2015-03-04T00:00:00Z/2015-03-03T00:00:00Z')).toEqual({ error: expect.stringMatching(/ends before it starts/) });
    expect(phenomenonTimeOf(1425340800000)).toEqual({ error: expect.stringMatching(/not the number 1425340800000/) });
    expect(phenomenonTimeOf(undefined)).toHaveProperty('error');
  });
});

describe('observationReading', () => {
  it('reads the Observations of the public material into readings of the mapped asset', () => {
    const observations = frostMaterial().datastreams[1].observations;
    expect(observations.map((o) => observationReading({ phenomenonTime: o.phenomenonTime, result: o.result }, temp, 1).reading)).toEqual([
      { kind: 'weatherStation', assetId: 'WS-001', measure: 'temp', tMs: t('2015-03-05T00:00:00Z'), v: 5 },
      { kind: 'weatherStation', assetId: 'WS-001', measure: 'temp', tMs: t('2015-03-06T00:00:00Z'), v: 6 },
    ]);
  });

  it('stamps an interval’s reading with its end and keeps its start for the cursor; converts by the factor', () => {
    const read = observationReading({ phenomenonTime: '2023-01-01T12:00:00Z/2023-01-01T12:05:00Z', result: 125 }, depth, 0.1);
    expect(read.reading).toMatchObject({ kind: 'underpass', tMs: t('2023-01-01T12:05:00Z') });
    expect((read.reading as { v: number }).v).toBeCloseTo(12.5);
    expect(read.time).toEqual({ start: t('2023-01-01T12:00:00Z'), end: t('2023-01-01T12:05:00Z') });
  });

  it('leaves a numeric string, null, NaN-like and object results to the gate as refusals with their reason', () => {
    const at = '2023-01-01T12:00:00Z';
    expect(observationReading({ phenomenonTime: at, result: '5' }, temp, 1)).toEqual({ reading: { error: '"result" must be a finite number, not the string "5"' }, time: { start: t(at), end: t(at) } });
    expect(observationReading({ phenomenonTime: at, result: null }, temp, 1).reading).toEqual({ error: '"result" must be a finite number, not null' });
    expect(observationReading({ phenomenonTime: at }, temp, 1).reading).toEqual({ error: '"result" (the value) is required' });
    expect(observationReading({ phenomenonTime: at, result: { value: 5 } }, temp, 1).reading).toEqual({ error: '"result" must be a finite number, not an object' });
    expect(observationReading({ phenomenonTime: 'yesterday', result: 5 }, temp, 1)).toEqual({ reading: { error: expect.stringMatching(/phenomenonTime/) } });
    expect(observationReading('5', temp, 1).reading).toEqual({ error: 'an Observation must be an object, not the string "5"' });
  });

  it('ignores resultQuality and the other fields', () => {
    expect(observationReading({ phenomenonTime: '2023-01-01T12:00:00Z', result: 3, resultQuality: 'suspect', resultTime: null, parameters: {} }, temp, 1).reading).toMatchObject({ v: 3 });
  });

  it('takes a state by its name or its code, never converted', () => {
    expect(observationReading({ phenomenonTime: '2023-01-01T12:00:00Z', result: 'fault' }, pump, 1).reading).toMatchObject({ measure: 'state', v: pump.spec.states!.indexOf('fault') });
    expect(observationReading({ phenomenonTime: '2023-01-01T12:00:00Z', result: 1 }, pump, 0.5).reading).toMatchObject({ v: 1 });
    expect(observationReading({ phenomenonTime: '2023-01-01T12:00:00Z', result: 'melting' }, pump, 1).reading).toEqual({ error: expect.stringMatching(/"melting" is not a state of pumpStation state: one of/) });
  });
});
