import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecordingError } from '../../../../mock-server/replay/recordedReading';
import { readUsgsWaterMl } from '../../../../mock-server/replay/usgsReader';

const DIR = new URL('../../../../../shared/data/flood-sensor-data/usgs-nwis/', import.meta.url);
const json = (name: string): unknown => JSON.parse(readFileSync(new URL(name, DIR), 'utf8'));

describe('readUsgsWaterMl on the shipped WaterML-JSON', () => {
  const series = readUsgsWaterMl(json('waterservices_iv_waterml.json'));

  it('reads the string values of both sites and both parameters, with their units', () => {
    expect(series.readings).toHaveLength(20);
    expect(series.skipped.size).toBe(0);
    const gage = series.readings.filter((r) => r.sourceId === '01491000' && r.parameter === '00065');
    expect(gage.map((r) => r.v)).toEqual([6.48, 6.48, 6.46, 6.45, 6.43]);
    expect(gage[0]).toEqual({ sourceId: '01491000', parameter: '00065', tMs: Date.parse('2019-02-14T05:00:00Z'), v: 6.48, unit: 'ft' });
    expect(series.readings.find((r) => r.parameter === '00060')?.unit).toBe('ft3/s');
  });

  it('yields readings in time order, times read with their offset', () => {
    const times = series.readings.map((r) => r.tMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(Date.parse('2019-02-14T00:00:00.000-05:00'));
  });

  it('notes each series', () => {
    expect(series.notes).toContain('site 01491000 (CHOPTANK RIVER NEAR GREENSBORO, MD) parameter 00065 in ft: 5 values');
  });

  it('skips and counts a value equal to the noDataValue (-999999)', () => {
    const response = json('waterservices_iv_waterml.json') as { value: { timeSeries: { values: { value: { value: string }[] }[] }[] } };
    response.value.timeSeries[1].values[0].value[2].value = '-999999';
    const withGap = readUsgsWaterMl(response);
    expect(withGap.readings).toHaveLength(19);
    expect([...withGap.skipped]).toEqual([['no-data values (-999999)', 1]]);
  });
});

describe('readUsgsWaterMl on the other shipped responses', () => {
  it('gives nothing for the empty response, and says so', () => {
    const series = readUsgsWaterMl(json('nwis_iv_empty_mock.json'));
    expect(series.readings).toEqual([]);
    expect(series.notes).toEqual(['the response has no time series: USGS had no data for the sites and period asked']);
  });

  it('reads a response without units or a noDataValue', () => {
    const series = readUsgsWaterMl(json('nwis_iv_mock.json'));
    expect(series.readings.length).toBeGreaterThan(0);
    expect(series.readings[0]).toMatchObject({ sourceId: '03339000', parameter: '00060', v: 1 });
    expect(series.readings[0].unit).toBeUndefined();
  });

  it('refuses what is not WaterML-JSON', () => {
    expect(() => readUsgsWaterMl([])).toThrow(RecordingError);
    expect(() => readUsgsWaterMl({ value: { timeSeries: [{ values: [] }] } })).toThrow(/timeSeries\[0\] is not a WaterML time series: sourceInfo/);
  });
});
