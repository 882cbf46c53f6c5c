import { describe, expect, it } from 'vitest';
import { TRAIL_BUCKET_MS, TRAIL_WINDOW_MS, VitalsTrail } from '../../../../mock-server/vitals/vitalsTrail';

const frame = (t: number, ...values: (number | null)[]) => ({ t, values });

describe('VitalsTrail', () => {
  it('keeps one point per 30 s bucket, the latest frame in the bucket winning', () => {
    const trail = new VitalsTrail(2);
    trail.record(frame(0, 1, 2));
    trail.record(frame(10_000, 3, 4));
    trail.record(frame(TRAIL_BUCKET_MS, 5, null));
    expect(trail.points()).toEqual([frame(10_000, 3, 4), frame(TRAIL_BUCKET_MS, 5, null)]);
  });

  it('drops points older than the hour, with fixed memory however long it runs', () => {
    const trail = new VitalsTrail(1);
    for (let t = 0; t <= 3 * TRAIL_WINDOW_MS; t += 1000) trail.record(frame(t, t));
    const points = trail.points();
    expect(points.at(-1)!.t).toBe(3 * TRAIL_WINDOW_MS);
    expect(points[0].t).toBeGreaterThanOrEqual(2 * TRAIL_WINDOW_MS);
    expect(trail.length).toBeLessThanOrEqual(TRAIL_WINDOW_MS / TRAIL_BUCKET_MS + 1);
  });

  it('answers only the points since a time, and forgets the hour when simulated time goes back', () => {
    const trail = new VitalsTrail(1);
    for (let t = 0; t <= 10 * 60_000; t += 60_000) trail.record(frame(t, t));
    expect(trail.points(8 * 60_000).map((p) => p.t)).toEqual([8 * 60_000, 9 * 60_000, 10 * 60_000]);
    trail.record(frame(5_000, 7));
    expect(trail.points()).toEqual([frame(5_000, 7)]);
  });

  it('stores a non-finite value as no value', () => {
    const trail = new VitalsTrail(2);
    trail.record(frame(0, NaN, Infinity));
    expect(trail.points()[0].values).toEqual([null, null]);
  });
});
