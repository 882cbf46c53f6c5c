import { describe, expect, it } from 'vitest';
import { featureAt, featureOffsets, lineFinder } from '../../../../mock-server/assets/featureOffsets';

describe('featureOffsets', () => {
  const text = '{"type": "FeatureCollection", "bbox": [0, 0, 1, 1],\n "features": [\n  {"type": "Feature", "properties": {"features": ["x]"]}},\n  {"type": "Feature", "properties": {"s": "a\\"],{"}}\n ], "foreign": [1]}';

  it('finds where each feature starts, however its strings and nesting look', () => {
    const offsets = featureOffsets(text);
    expect(offsets.starts.map((i) => text.slice(i, i + 8))).toEqual(['{"type":', '{"type":']);
    expect(text[offsets.end]).toBe(']');
    expect(featureAt(offsets, offsets.starts[1] + 30)).toBe(1);
    expect(featureAt(offsets, offsets.starts[0] + 30)).toBe(0);
    // Before the first feature (the bbox) and after the array (a foreign member): no feature.
    expect(featureAt(offsets, 40)).toBeUndefined();
    expect(featureAt(offsets, text.indexOf('foreign'))).toBeUndefined();
  });

  it('finds no features where the root has none, and lines by offset', () => {
    expect(featureOffsets('{"type": "Point", "coordinates": [1, 2]}').starts).toEqual([]);
    expect(featureOffsets('[1, 2]').starts).toEqual([]);
    const lineOf = lineFinder(text);
    expect([lineOf(0), lineOf(text.indexOf('"features"')), lineOf(text.indexOf('foreign'))]).toEqual([1, 2, 5]);
  });
});
