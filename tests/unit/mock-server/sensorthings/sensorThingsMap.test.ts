import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSensorThingsMap, parseSensorThingsMap, SensorThingsMapError } from '../../../../mock-server/sensorthings/sensorThingsMap';

const HEADER = 'datastream_id,kind,asset_id,measure,unit';
const problemsOf = (csv: string): string[] => {
  try {
    parseSensorThingsMap(csv, 'st.csv');
  } catch (err) {
    if (err instanceof SensorThingsMapError) return err.problems;
    throw err;
  }
  return [];
};

describe('parseSensorThingsMap', () => {
  it('maps each Datastream to an asset measure, digits as a number id and anything else as a string id', () => {
    const map = parseSensorThingsMap(['# Shanghai FROST', HEADER, '', '17,waterGauge,WL-H01,,', "urn:ds:it's,underpass,UP-0001,depth,mm", '2,weatherStation,WS-001,temp,Cel'].join('\n'), 'st.csv');
    expect(map.file).toBe('st.csv');
    expect(map.targets.map(({ spec: _spec, ...t }) => t)).toEqual([
      { datastreamId: 17, kind: 'waterGauge', assetId: 'WL-H01', measure: 'level', at: 'st.csv:4' },
      { datastreamId: "urn:ds:it's", kind: 'underpass', assetId: 'UP-0001', measure: 'depth', unit: 'mm', at: 'st.csv:5' },
      { datastreamId: 2, kind: 'weatherStation', assetId: 'WS-001', measure: 'temp', unit: 'Cel', at: 'st.csv:6' },
    ]);
    expect(map.targets[0].spec.channel).toBe('water');
  });

  it('lets the measure and unit columns be left out', () => {
    const map = parseSensorThingsMap('datastream_id,kind,asset_id\n5,rainGauge,RG-0001\n');
    expect(map.targets[0]).toMatchObject({ datastreamId: 5, measure: 'rain' });
    expect(map.targets[0].unit).toBeUndefined();
  });

  it('lists every problem with its file and line', () => {
    const problems = problemsOf(
      [
        HEADER,
        ',waterGauge,WL-1,,',
        '3,teapot,T-1,,',
        '4,weatherStation,WS-1,humidity,',
        '5,weatherStation,WS-1,temp,furlong',
        '6,weatherStation,WS-1,temp,m',
        '7,waterGauge,WL-2,level,',
        '7,waterGauge,WL-3,level,',
        '8,waterGauge,WL-2,level,cm',
      ].join('\n'),
    );
    expect(problems).toEqual([
      'st.csv:2: datastream_id is required',
      expect.stringMatching(/^st\.csv:3: kind "teapot" is not reported from outside: one of .*waterGauge/),
      expect.stringMatching(/^st\.csv:4: weatherStation has no measure "humidity": one of temp, wind/),
      expect.stringMatching(/^st\.csv:5: unit "furlong" is not a unit this server knows: one of .*Cel/),
      'st.csv:6: weatherStation temp cannot be reported in m: it takes Cel',
      'st.csv:8: Datastream 7 is already mapped on line 7',
      'st.csv:9: waterGauge WL-2 level is already fed by line 7: one Datastream per asset and measure',
    ]);
  });

  it('refuses a file without rows, without the needed columns, with unknown columns, or that is no CSV', () => {
    expect(problemsOf('')).toEqual([expect.stringMatching(/^st\.csv: no rows/)]);
    expect(problemsOf('datastream,kind,asset_id\n1,rainGauge,RG-1')).toEqual([expect.stringMatching(/^st\.csv: the header lacks datastream_id/)]);
    expect(problemsOf(`${HEADER},note\n1,rainGauge,RG-1,,,x`)).toEqual([expect.stringMatching(/^st\.csv: unknown column note/)]);
    expect(problemsOf(`${HEADER}\n1,rainGauge,"RG-1`)).toEqual([expect.stringMatching(/^st\.csv: not a readable CSV file/)]);
  });
});

describe('loadSensorThingsMap', () => {
  it('reads a file, and names a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'st-map-'));
    writeFileSync(join(dir, 'map.csv'), `${HEADER}\n1,rainGauge,RG-0001,,\n`);
    expect(loadSensorThingsMap(join(dir, 'map.csv')).targets).toHaveLength(1);
    expect(() => loadSensorThingsMap(join(dir, 'nope.csv'))).toThrow(/nope\.csv: cannot read the map/);
  });
});
