import { describe, expect, it } from 'vitest';
import { MAX_RING_POSITIONS, openRing, ringCentroid, ringProblem } from '../../../../mock-server/assets/areaRing';
import type { LonLat } from '../../../../mock-server/assets/assetRecord';

const square: LonLat[] = [
  [121.4, 31.2],
  [121.41, 31.2],
  [121.41, 31.21],
  [121.4, 31.21],
];

describe('an area outline', () => {
  it('opens a GeoJSON ring: the closing position and consecutive repeats go', () => {
    expect(openRing([...square, square[0]])).toEqual(square);
    expect(openRing([square[0], square[1], square[1], square[2], square[3], square[0]])).toEqual(square);
  });

  it('takes a simple ring, either way round', () => {
    expect(ringProblem(square)).toBeNull();
    expect(ringProblem([...square].reverse())).toBeNull();
  });

  it('refuses a ring that crosses itself (a bow tie), naming the edges', () => {
    const bowTie: LonLat[] = [square[0], square[2], square[1], square[3]];
    expect(ringProblem(bowTie)).toBe('the outline crosses or touches itself: the edge from position 0 meets the edge from position 2');
  });

  it('refuses a spike (an edge folding back) and a ring touching itself at a corner', () => {
    const spike: LonLat[] = [square[0], square[1], [121.41, 31.19], square[2], square[3]];
    expect(ringProblem(spike)).toMatch(/folds back on itself at position 2/);
    // Two squares joined at one corner: a figure of eight.
    const eight: LonLat[] = [square[0], square[1], square[2], [121.42, 31.21], [121.42, 31.22], square[2], square[3]];
    expect(ringProblem(eight)).toMatch(/crosses or touches itself/);
  });

  it('refuses too few corners, no area and too many positions', () => {
    expect(ringProblem(square.slice(0, 2))).toBe('an outline needs three or more distinct corners');
    expect(ringProblem([square[0], [121.405, 31.2], square[1]])).toMatch(/folds back|no area/);
    const many = Array.from({ length: MAX_RING_POSITIONS + 1 }, (_, i): LonLat => [121.4 + 0.01 * Math.cos(i / 200), 31.2 + 0.01 * Math.sin(i / 200)]);
    expect(ringProblem(many)).toMatch(/more than 1000: simplify it/);
  });

  it('stands at its centroid: the centre of a square, and of an L inside its own area', () => {
    const [lon, lat] = ringCentroid(square);
    expect(lon).toBeCloseTo(121.405, 9);
    expect(lat).toBeCloseTo(31.205, 9);
    // An L of three unit cells: centroid (5/6, 5/6) of its 2 × 2 box.
    const l: LonLat[] = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]];
    const [x, y] = ringCentroid(l);
    expect(x).toBeCloseTo(5 / 6, 12);
    expect(y).toBeCloseTo(5 / 6, 12);
  });
});
