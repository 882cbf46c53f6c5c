import { describe, expect, it } from 'vitest';
import { parseCapCircle, parseCapPolygon } from '../../../../mock-server/cap/capGeometry';

describe('CAP geometry', () => {
  it('reads a polygon of lat,lon pairs into a closed [lon, lat] ring', () => {
    expect(parseCapPolygon(' 31.2,121.4 31.3,121.4 31.3,121.5 31.2,121.4 ')).toEqual([[121.4, 31.2], [121.4, 31.3], [121.5, 31.3], [121.4, 31.2]]);
  });

  it('refuses an open ring, too few points, a bad pair and a point off the globe', () => {
    expect(() => parseCapPolygon('31.2,121.4 31.3,121.4 31.3,121.5 31.25,121.4')).toThrow('polygon: the last point must repeat the first');
    expect(() => parseCapPolygon('31.2,121.4 31.3,121.4 31.2,121.4')).toThrow(/3 points, at least 4/);
    expect(() => parseCapPolygon('31.2;121.4 31.3,121.4 31.3,121.5 31.2;121.4')).toThrow(/'31.2;121.4' is not a lat,lon pair/);
    expect(() => parseCapPolygon('121.4,31.2 121.4,31.3 121.5,31.3 121.4,31.2')).toThrow(/outside -90..90/);
  });

  it('reads a circle as centre and radius in km, and refuses a malformed one', () => {
    expect(parseCapCircle('31.23,121.47 10.5')).toEqual({ center: [121.47, 31.23], radiusKm: 10.5 });
    expect(parseCapCircle('32.9525,-115.5527 0')).toEqual({ center: [-115.5527, 32.9525], radiusKm: 0 });
    expect(() => parseCapCircle('31.23,121.47')).toThrow(/is not 'lat,lon radius'/);
    expect(() => parseCapCircle('31.23,121.47 -2')).toThrow(/radius '-2'/);
  });
});
