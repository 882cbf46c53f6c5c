import { describe, expect, it } from 'vitest';
import { distanceM, distanceToRouteM } from '@/domain/routeDistance';

// A route due east along 31.2°N from 121.40 to 121.42, then north to 31.21.
const ROUTE = [121.4, 31.2, 121.42, 31.2, 121.42, 31.21];
const M_PER_DEG_LAT = 110_570;

describe('distances for geofences', () => {
  it('measures between two points in metres (0.01° of latitude is about 1.1 km)', () => {
    expect(distanceM(121.4, 31.2, 121.4, 31.21)).toBeCloseTo(0.01 * M_PER_DEG_LAT, 0);
    expect(distanceM(121.4, 31.2, 121.41, 31.2)).toBeCloseTo(0.01 * 111_320 * Math.cos((31.2 * Math.PI) / 180), 0);
  });

  it('is zero on the route, the perpendicular distance beside a segment, and the distance to an end beyond it', () => {
    expect(distanceToRouteM(121.41, 31.2, ROUTE)).toBeCloseTo(0, 6);
    expect(distanceToRouteM(121.41, 31.203, ROUTE)).toBeCloseTo(0.003 * M_PER_DEG_LAT, 0);
    // West of the start: the distance to the first vertex.
    expect(distanceToRouteM(121.39, 31.2, ROUTE)).toBeCloseTo(distanceM(121.39, 31.2, 121.4, 31.2), 0);
    // Near the corner, the second segment is the nearer one.
    expect(distanceToRouteM(121.423, 31.205, ROUTE)).toBeCloseTo(distanceM(121.423, 31.205, 121.42, 31.205), 0);
  });

  it('treats one vertex as a point and no vertex as nowhere', () => {
    expect(distanceToRouteM(121.4, 31.21, [121.4, 31.2])).toBeCloseTo(0.01 * M_PER_DEG_LAT, 0);
    expect(distanceToRouteM(121.4, 31.21, [])).toBe(Infinity);
  });
});
