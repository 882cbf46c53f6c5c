import { describe, expect, it } from 'vitest';
import { ringCentroid, ringProblem } from '../../../../mock-server/assets/areaRing';
import { COMPOUND_HA, compoundOutline, squareOutline } from '../../../../mock-server/city/compoundOutline';
import { createRng } from '../../../../mock-server/simulator/rng';

/** Hectares of a ring of lon, lat around latitude 31°, by the shoelace formula in metres. */
function hectares(ring: [number, number][]): number {
  const mLon = 111_320 * Math.cos((31.2 * Math.PI) / 180);
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [a, b] = [ring[i], ring[(i + 1) % ring.length]];
    twice += (a[0] - ring[0][0]) * mLon * (b[1] - ring[0][1]) * 110_570 - (b[0] - ring[0][0]) * mLon * (a[1] - ring[0][1]) * 110_570;
  }
  return twice / 2 / 10_000;
}

describe('a simulated compound’s outline', () => {
  it('is a simple counter-clockwise ring of 4 or 5 corners, 1–10 ha, around its point', () => {
    const rng = createRng(11);
    const sizes: number[] = [];
    for (let i = 0; i < 500; i++) {
      const households = rng.int(80, 3000);
      const ring = compoundOutline(rng, 121.47, 31.23, households);
      expect(ring.length === 4 || ring.length === 5).toBe(true);
      expect(ringProblem(ring)).toBeNull();
      const ha = hectares(ring);
      // Positive: counter-clockwise. A cut corner takes up to 8% of the block, and positions are rounded to 0.1 m.
      expect(ha).toBeGreaterThan(COMPOUND_HA.min * 0.9);
      expect(ha).toBeLessThanOrEqual(COMPOUND_HA.max * 1.001);
      const [lon, lat] = ringCentroid(ring);
      expect(Math.abs(lon - 121.47) * 95_000).toBeLessThan(60);
      expect(Math.abs(lat - 31.23) * 110_570).toBeLessThan(60);
      sizes.push(ha);
    }
    sizes.sort((a, b) => a - b);
    // Sized by households: the median compound a few hectares, not all at one bound.
    expect(sizes[250]).toBeGreaterThan(3);
    expect(sizes[250]).toBeLessThan(8);
  });

  it('is the same for the same seed', () => {
    expect(compoundOutline(createRng(5), 121.4, 31.2, 1200)).toEqual(compoundOutline(createRng(5), 121.4, 31.2, 1200));
  });

  it('gives a compound known only by its point a square of the asked size', () => {
    expect(hectares(squareOutline(121.47, 31.23, 2))).toBeCloseTo(2, 1);
  });
});
