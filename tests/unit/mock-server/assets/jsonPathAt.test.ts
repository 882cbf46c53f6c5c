import { describe, expect, it } from 'vitest';
import { jsonPathAt } from '../../../../mock-server/assets/jsonPathAt';

describe('jsonPathAt', () => {
  const text = '{"features": [{"type": "Feature", "properties": {"s": "a\\",[{", "n": [1, 2]}, "geometry": {"type": "Polygon", "coordinates": [[[1, 2], [3, "x"], [5, 6]]]}}]}';
  const feature = text.indexOf('{"type"');
  const at = (needle: string, after = 0) => jsonPathAt(text, feature, text.indexOf(needle, after));

  it('names the value at an offset from its feature down, strings with brackets and escapes skipped', () => {
    expect(at('"x"')).toBe('geometry.coordinates.0.1.1');
    expect(at('[[[')).toBe('geometry.coordinates');
    expect(at('[5, 6]')).toBe('geometry.coordinates.0.2');
    expect(at('2]}')).toBe('properties.n.1');
    expect(at('"Polygon"')).toBe('geometry.type');
  });

  it('names nothing outside the feature', () => {
    expect(jsonPathAt(text, feature, text.length - 1)).toBe('');
    expect(jsonPathAt(text, feature, feature)).toBe('');
  });
});
