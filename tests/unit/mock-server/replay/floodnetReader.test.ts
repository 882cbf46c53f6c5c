import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFloodNet } from '../../../../mock-server/replay/floodnetReader';
import { RecordingError } from '../../../../mock-server/replay/recordedReading';

const FILE = new URL('../../../../../shared/data/flood-sensor-data/nyc-floodnet/flood-events.csv', import.meta.url);
const HEADER = '"sensor_name","sensor_id","flood_start_time","flood_end_time","max_depth_inches","flood_profile_depth_inches","flood_profile_time_secs"';

describe('readFloodNet on the shipped flood-events.csv', () => {
  const series = readFloodNet(readFileSync(FILE, 'utf8'));

  it('reads every profile point of every event (282,351 points of 2,256 events, as SOURCE.txt counts)', () => {
    expect(series.readings).toHaveLength(282_351);
    expect(series.skipped.size).toBe(0);
    expect(series.notes[0]).toBe('2256 flood events of 232 sensors, 282351 profile points');
  });

  it('yields readings in time order, each with its sensor id, parameter depth, in inches', () => {
    const backwards = series.readings.filter((r, i) => i > 0 && r.tMs < series.readings[i - 1].tMs);
    expect(backwards).toEqual([]);
    expect(new Set(series.readings.map((r) => `${r.parameter} ${r.unit}`))).toEqual(new Set(['depth in']));
  });

  it("places a profile point at the event's onset (read as UTC) plus its seconds", () => {
    // The first row: Q - Beach 84 St, onset 2023-10-30T12:00:39, peak 17.72 in at 8,031 s, 58 points.
    const onset = Date.parse('2023-10-30T12:00:39Z');
    const event = series.readings.filter((r) => r.sourceId === 'Q-beach-84-st-0me680' && r.tMs >= onset && r.tMs <= onset + 16_660_000);
    expect(event).toHaveLength(58);
    expect(event[0]).toEqual({ sourceId: 'Q-beach-84-st-0me680', parameter: 'depth', tMs: onset, v: 0, unit: 'in' });
    const peak = event.reduce((a, b) => (b.v > a.v ? b : a));
    expect(peak).toMatchObject({ v: 17.72, tMs: onset + 8_031_000 });
  });
});

describe('readFloodNet on bad input', () => {
  it('refuses a file without the profile columns, naming them', () => {
    expect(() => readFloodNet('"sensor_id","flood_start_time"\n"a","2023-01-01T00:00:00.000"\n')).toThrow(RecordingError);
    expect(() => readFloodNet('"sensor_id","flood_start_time"\n"a","2023-01-01T00:00:00.000"\n')).toThrow(/no column flood_profile_depth_inches, flood_profile_time_secs/);
  });

  it('skips and counts an event whose profiles differ in length or are not lists, noting its line', () => {
    const csv = [
      HEADER,
      '"A","s1","2023-01-01T00:00:00.000","","1","[0.5, 1.5]","[0, 60]"',
      '"B","s2","2023-01-01T00:00:00.000","","1","[0.5, 1.5]","[0]"',
      '"C","s3","2023-01-01T00:00:00.000","","1","[0.5, NaN]","[0, 60]"',
    ].join('\n');
    const series = readFloodNet(csv);
    expect(series.readings.map((r) => [r.sourceId, r.v])).toEqual([
      ['s1', 0.5],
      ['s1', 1.5],
    ]);
    expect([...series.skipped.values()]).toEqual([2]);
    expect(series.notes).toContain('the first event row that could not be read is on line 3');
  });

  it('says so when the file holds no events', () => {
    expect(readFloodNet(`${HEADER}\n`).notes).toEqual(['the file holds no flood events']);
  });
});
