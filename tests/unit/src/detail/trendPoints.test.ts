import { describe, expect, it } from 'vitest';
import type { AssetFacts } from '@/detail/assetReadout';
import { LiveSamples, mergeTrend, trendEta } from '@/detail/trendPoints';

const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 15, 6, 0);

describe('live samples', () => {
  it('keeps one reading per simulated minute plus the newest', () => {
    const s = new LiveSamples();
    s.push(T0, 1);
    s.push(T0 + 20_000, 2);
    s.push(T0 + 40_000, 3);
    expect(s.points()).toEqual([
      [T0, 1],
      [T0 + 40_000, 3],
    ]);
    s.push(T0 + 40_000, 4); // restated at the same instant (a resync)
    expect(s.points().at(-1)).toEqual([T0 + 40_000, 4]);
    s.push(T0 + MIN + 5_000, NaN);
    expect(s.points()).toEqual([
      [T0, 1],
      [T0 + MIN + 5_000, null],
    ]);
  });

  it('stays bounded and starts afresh when time steps back', () => {
    const s = new LiveSamples(3);
    for (let m = 0; m < 10; m++) s.push(T0 + m * MIN, m);
    expect(s.points().map((p) => p[1])).toEqual([7, 8, 9]);
    s.push(T0, 42);
    expect(s.points()).toEqual([[T0, 42]]);
  });
});

describe('merged trend', () => {
  it('appends live points newer than the history and trims to the hour', () => {
    const history = { t: [T0, T0 + MIN, T0 + 2 * MIN], v: [1, null, 3] };
    const merged = mergeTrend(history, [
      [T0 + MIN, 99],
      [T0 + 3 * MIN, 4],
    ]);
    expect(merged).toEqual([
      [T0, 1],
      [T0 + MIN, null],
      [T0 + 2 * MIN, 3],
      [T0 + 3 * MIN, 4],
    ]);
    expect(mergeTrend(history, [[T0 + 61 * MIN, 5]]).map((p) => p[0])).toEqual([T0 + 2 * MIN, T0 + 61 * MIN]);
    expect(mergeTrend(null, [])).toEqual([]);
    expect(mergeTrend(history, [[T0 + 2 * MIN, 3.5]]).at(-1)).toEqual([T0 + 2 * MIN, 3.5]);
  });
});

describe('trend ETA', () => {
  const gauge: AssetFacts = {
    kind: 'waterGauge',
    slot: 0,
    id: 'WL-001',
    name: '黄浦公园',
    nameEn: 'Huangpu Park',
    district: null,
    thresholds: [
      { name: 'warning', value: 4.55 },
      { name: 'danger', value: 5.05 },
    ],
  };
  const rising = (from: number, perMin: number, n = 6) => Array.from({ length: n }, (_, i): [number, number] => [T0 + i * MIN, from + i * perMin]);

  it('heads for the next threshold above the latest reading', () => {
    // Latest 4.10, 2 cm/min: 22.5 min to warning.
    expect(trendEta(gauge, rising(4.0, 0.02))).toEqual({ threshold: { name: 'warning', value: 4.55 }, minutes: expect.closeTo(22.5, 6) });
    // Latest 4.85, over warning: 10 min to danger.
    expect(trendEta(gauge, rising(4.6, 0.05))?.threshold.name).toBe('danger');
  });

  it('looks past a silent latest sample to the last reading', () => {
    const points = [...rising(4.0, 0.02), [T0 + 6 * MIN, null] as [number, null]];
    expect(trendEta(gauge, points)?.threshold.name).toBe('warning');
  });

  it('has nothing to say for kinds without rising thresholds, or over the top one', () => {
    expect(trendEta({ ...gauge, kind: 'rainGauge', thresholds: [] }, rising(1, 1))).toBeNull();
    expect(trendEta(gauge, rising(5.1, 0.01))).toBeNull();
  });

  it('ignores a pump station’s stop level: a rising sump heads for the start level', () => {
    const pump: AssetFacts = { ...gauge, kind: 'pumpStation', thresholds: [{ name: 'stop', value: 1.0 }, { name: 'start', value: 2.0 }] };
    expect(trendEta(pump, rising(0.5, 0.1))?.threshold.name).toBe('start');
  });
});
