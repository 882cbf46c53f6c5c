import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { parseReplayMap, ReplayMapError, targetOf, type ReplayMap } from '../../../../mock-server/replay/replayMap';
import { forkCityRngs } from '../../../../mock-server/simulator/citySimulation';
import { INGEST_MEASURES } from '../../../../mock-server/ingest/ingestChannels';

const HEADER = 'source_id,parameter,kind,asset_id,measure';
const problemsOf = (csv: string): string[] => {
  try {
    parseReplayMap(csv, 'm.csv');
  } catch (err) {
    if (err instanceof ReplayMapError) return err.problems;
    throw err;
  }
  return [];
};

describe('parseReplayMap', () => {
  it('maps a source and parameter to an asset, its measure and that measure’s unit; comments and blank lines aside', () => {
    const map = parseReplayMap(['# a comment', HEADER, '', 'BK-1,depth,underpass,UP-0001,depth', '01491000,00065,waterGauge,WL-0001,'].join('\n'));
    expect(targetOf(map, { sourceId: 'BK-1', parameter: 'depth' })).toEqual({ kind: 'underpass', assetId: 'UP-0001', measure: 'depth', unit: 'cm', accepted: INGEST_MEASURES.underpass!.depth!.units, line: 4 });
    // An empty measure is the kind's first.
    expect(targetOf(map, { sourceId: '01491000', parameter: '00065' })).toMatchObject({ measure: 'level', unit: 'm' });
    expect(targetOf(map, { sourceId: '01491000', parameter: '00060' })).toBeUndefined();
    expect(targetOf(map, { sourceId: 'nope', parameter: 'depth' })).toBeUndefined();
  });

  it('takes a row without a parameter for any parameter of its source, a row with one first', () => {
    const map = parseReplayMap([HEADER, 's1,,waterGauge,WL-0001,', 's1,00065,waterGauge,WL-0002,'].join('\n'));
    expect(targetOf(map, { sourceId: 's1', parameter: '00065' })?.assetId).toBe('WL-0002');
    expect(targetOf(map, { sourceId: 's1', parameter: '00060' })?.assetId).toBe('WL-0001');
  });

  it('lets the parameter and measure columns be left out', () => {
    const map = parseReplayMap('source_id,kind,asset_id\nurn:dev:1,rainGauge,RG-0001\n');
    expect(targetOf(map, { sourceId: 'urn:dev:1', parameter: '' })).toMatchObject({ kind: 'rainGauge', measure: 'rain', unit: 'mm/h' });
  });

  it('lists every problem with its file and line', () => {
    const problems = problemsOf(
      [
        HEADER,
        'a,,lamppost,LP-1,', // line 2
        'b,,underpass,UP-0001,speed',
        'c,,underpass,,',
        'd,x,underpass,UP-0002,',
        'd,x,underpass,UP-0003,',
        'e,,underpass,UP-0002,depth',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^m\.csv:2: kind "lamppost" is not reported from outside: one of waterGauge, rainGauge/),
      'm.csv:3: underpass has no measure "speed": one of depth',
      'm.csv:4: asset_id is required',
      'm.csv:6: d x is already mapped on line 5',
      'm.csv:7: underpass UP-0002 depth is already fed by line 5: one series per asset and measure',
    ]);
  });

  it('refuses a file without the needed columns, an unknown column, or no rows', () => {
    expect(problemsOf('source_id,asset_id\nx,UP-0001\n')).toEqual(['m.csv: the header lacks kind (columns: source_id,parameter,kind,asset_id,measure)']);
    expect(problemsOf(`${HEADER},scale\na,,underpass,UP-0001,,2\n`)).toEqual(['m.csv: unknown column scale (columns: source_id,parameter,kind,asset_id,measure)']);
    expect(problemsOf(`${HEADER}\n`)[0]).toMatch(/^m\.csv: no rows/);
  });
});

describe('the shipped example maps', () => {
  const assets = placeAssets(loadCityGeo(), forkCityRngs(20260701).assets);
  const ids = new Set([...assets.underpasses, ...assets.waterloggingPoints, ...assets.waterGauges].map((a) => a.id));
  const targets = (map: ReplayMap) => [...map.values()].flatMap((byParameter) => [...byParameter.values()]);

  it.each(['floodnet-2023-09-29.csv', 'usgs-maryland.csv'])('%s parses and names assets of the default city', (name) => {
    const map = parseReplayMap(readFileSync(new URL(`../../../../mock-server/replay/maps/${name}`, import.meta.url), 'utf8'), name);
    expect(targets(map).length).toBeGreaterThan(1);
    expect(targets(map).filter((t) => !ids.has(t.assetId))).toEqual([]);
  });
});
