import { describe, expect, it } from 'vitest';
import { lineMeasure, mapFileRows, type MapFileShape } from '../../../../mock-server/replay/mapFileRows';

class ShapeError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const SHAPE: MapFileShape = { columns: ['id', 'kind', 'asset_id', 'measure'], required: ['id', 'kind'], rowIs: 'thing', error: (p) => new ShapeError(p) };
const shapeProblems = (csv: string): string[] => {
  try {
    mapFileRows(csv, 'f.csv', SHAPE);
  } catch (err) {
    if (err instanceof ShapeError) return err.problems;
    throw err;
  }
  return [];
};

describe('mapFileRows', () => {
  it('gives each data line its cells and its line number, comments and blank lines aside', () => {
    const rows = mapFileRows(['# note', 'id,kind,asset_id,measure', '', ' 7 , waterGauge ,WL-0001,'].join('\n'), 'f.csv', SHAPE);
    expect(rows).toEqual([{ record: { id: '7', kind: 'waterGauge', asset_id: 'WL-0001', measure: '' }, line: 4 }]);
  });

  it('refuses a file without rows, with a required column missing, or with an unknown column, by the caller’s error', () => {
    expect(shapeProblems('id,kind')).toEqual(['f.csv: no rows: a header (id,kind,asset_id,measure) and one row per thing']);
    expect(shapeProblems('id,asset_id\n1,A')).toEqual(['f.csv: the header lacks kind (columns: id,kind,asset_id,measure)']);
    expect(shapeProblems('id,kind,colour\n1,waterGauge,red')).toEqual(['f.csv: unknown column colour (columns: id,kind,asset_id,measure)']);
    expect(shapeProblems('id,kind\n1,"waterGauge')[0]).toMatch(/^f\.csv: not a readable CSV file: /);
  });
});

describe('lineMeasure', () => {
  const measureOfLine = (record: Record<string, string>) => {
    const problems: string[] = [];
    const measure = lineMeasure(record, 'f.csv:3', problems);
    return { measure: measure?.name, problems };
  };

  it('is the named measure, or the kind’s first where none is named', () => {
    expect(measureOfLine({ kind: 'weatherStation', asset_id: 'WS-001', measure: 'wind' })).toEqual({ measure: 'wind', problems: [] });
    expect(measureOfLine({ kind: 'weatherStation', asset_id: 'WS-001', measure: '' })).toEqual({ measure: 'temp', problems: [] });
  });

  it('names every problem of the line', () => {
    expect(measureOfLine({ kind: '', asset_id: '' }).problems).toEqual(['f.csv:3: asset_id is required', 'f.csv:3: kind is required']);
    expect(measureOfLine({ kind: 'team', asset_id: 'T-1' }).problems).toEqual([expect.stringMatching(/^f\.csv:3: kind "team" is not reported from outside: one of waterGauge, /)]);
    expect(measureOfLine({ kind: 'waterGauge', asset_id: 'WL-1', measure: 'flow' })).toEqual({ measure: undefined, problems: ['f.csv:3: waterGauge has no measure "flow": one of level'] });
  });
});
