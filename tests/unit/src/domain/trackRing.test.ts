import { describe, expect, it } from 'vitest';
import { TrackRing } from '@/domain/trackRing';

describe('TrackRing', () => {
  it('keeps a point only once the vehicle has moved the spacing, and drops the oldest past capacity', () => {
    const ring = new TrackRing(2, 3, 150);
    expect(ring.add(0, 121.4, 31.2)).toBe(true);
    // ~11 m: GPS jitter, not a move.
    expect(ring.add(0, 121.4, 31.2001)).toBe(false);
    for (let k = 1; k <= 4; k++) expect(ring.add(0, 121.4, 31.2 + k * 0.002)).toBe(true);
    expect(ring.add(1, NaN, 31.2)).toBe(false);
    const { starts, coords } = ring.paths();
    expect(Array.from(starts)).toEqual([0, 3, 3]);
    expect(Array.from(coords.filter((_, i) => i % 2 === 1)).map((v) => Math.round((v - 31.2) / 0.002))).toEqual([2, 3, 4]);
  });

  it('takes a server’s tracks as they are, then grows from there', () => {
    const server = new TrackRing(1, 64, 150);
    for (let k = 0; k < 5; k++) server.addAll([121.4 + k * 0.003, 31.2]);
    const client = new TrackRing(1, 64, 150);
    client.seed(server.paths());
    client.addAll([121.4 + 5 * 0.003, 31.2]);
    expect(client.paths().starts[1]).toBe(6);
    expect(client.version).toBeGreaterThan(0);
  });
});
