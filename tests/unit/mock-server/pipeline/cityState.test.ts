import { describe, expect, it } from 'vitest';
import { publishedReadings } from '../../../../mock-server/pipeline/cityState';
import { allocateReadings } from '../../../../mock-server/pipeline/readings';
import { ScriptedSource, smallCity } from '../../../support/scriptedSource';

describe('published readings', () => {
  it('are what the source reads, rounded to what each channel’s wire format carries', () => {
    const source = new ScriptedSource(smallCity(), 0);
    source.set('road.speed', [42.36, 7.04, 0]);
    source.set('road.index', [3.25, 9.99, 0]);
    source.set('rain', [12.34, NaN, 3]);
    const out = publishedReadings(source, allocateReadings(source.assets));
    // road.speed and road.index travel in tenths.
    expect(Array.from(out['road.speed'].subarray(0, 3), (v) => Number(v.toFixed(4)))).toEqual([42.4, 7, 0]);
    expect(Array.from(out['road.index'].subarray(0, 3), (v) => Number(v.toFixed(4)))).toEqual([3.3, 10, 0]);
    // Rain travels as f32, as measured; a silent gauge stays silent.
    expect(out.rain[0]).toBeCloseTo(12.34, 5);
    expect(out.rain[1]).toBeNaN();
    // The source's own readings are untouched.
    expect(source.readings['road.speed'][0]).toBeCloseTo(42.36, 4);
  });
});
