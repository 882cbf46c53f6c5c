import { describe, expect, it } from 'vitest';
import { bandDepth, readingsOf, valueAt, worstReading } from '@/vitals/indicatorView';
import { INDICATORS, STORM_VALUES, vitalsAt } from '../../../support/indicatorFixtures';

const spec = (id: string) => INDICATORS.find((s) => s.id === id)!;

describe('indicator readings', () => {
  it('takes a dimension’s indicators in catalogue order with their values and statuses', () => {
    const r = readingsOf(INDICATORS, vitalsAt(0), 'traffic');
    expect(r.map((x) => x.spec.id)).toEqual(['traffic.index', 'traffic.speed', 'traffic.congested', 'traffic.closed', 'traffic.accidents', 'rail.load']);
    expect(r[0]).toMatchObject({ index: 10, value: 6.4, status: 'warning' });
    // Mean speed is "lower is worse": 23.1 km/h is under the 25 km/h warning line.
    expect(r[1]).toMatchObject({ value: 23.1, status: 'warning' });
  });

  it('reads a missing, NaN or absent value as no value, with no status', () => {
    const values = [...STORM_VALUES];
    values[10] = null;
    values[11] = NaN;
    const r = readingsOf(INDICATORS, { t: 0, values: values.slice(0, 12) }, 'traffic');
    expect(r.map((x) => x.value)).toEqual([null, null, null, null, null, null]);
    expect(r.every((x) => x.status === null)).toBe(true);
    expect(valueAt(null, 0)).toBeNull();
  });

  it('measures how deep a value is into its bands, in either direction', () => {
    expect(bandDepth(spec('traffic.index'), 7)).toBeCloseTo(0.5);
    expect(bandDepth(spec('traffic.speed'), 20)).toBeCloseTo(0.5);
    expect(bandDepth(spec('traffic.speed'), 35)).toBeLessThan(0);
  });

  it('picks the worst indicator: status first, then depth into the band', () => {
    const values = [...STORM_VALUES];
    // Infrastructure: waterlogging points 12 is the one alarm.
    expect(worstReading(readingsOf(INDICATORS, { t: 0, values }, 'infrastructure'))?.spec.id).toBe('waterlogging.points');
    // Without it, warnings only: pumps running 612 is 0.71 into its band, pumps faulty 3 and underpasses closed 2 are 0.5.
    values[26] = 2;
    expect(worstReading(readingsOf(INDICATORS, { t: 0, values }, 'infrastructure'))?.spec.id).toBe('pumps.running');
    values[21] = 100;
    expect(worstReading(readingsOf(INDICATORS, { t: 0, values }, 'infrastructure'))?.spec.id).toBe('pumps.faulty');
  });

  it('falls back to the first indicator when none has a value, and to null when the dimension has none', () => {
    expect(worstReading(readingsOf(INDICATORS, null, 'supply'))?.spec.id).toBe('power.load');
    expect(worstReading(readingsOf([], null, 'supply'))).toBeNull();
  });
});
