import { describe, expect, it } from 'vitest';
import { AssetHistory, HISTORY_CHANNELS, shortestFloat32 } from '../../../../mock-server/feed/assetHistory';
import type { Readings } from '../../../../mock-server/pipeline/readings';
import { ASSET_KINDS, type AssetKind } from '@/protocol/assets';
import { allocateChannel, CHANNEL_IDS, CHANNELS } from '@/protocol/channels';

const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 15, 6, 0);
const SLOTS = Object.fromEntries(ASSET_KINDS.map((k, i) => [k, i + 2])) as Record<AssetKind, number>;

function readings(fill: (channel: string, slot: number) => number): Readings {
  return Object.fromEntries(
    CHANNEL_IDS.map((id) => {
      const a = allocateChannel(id, SLOTS[CHANNELS[id].kind]);
      for (let i = 0; i < a.length; i++) a[i] = fill(id, i);
      return [id, a];
    }),
  ) as Readings;
}

describe('asset history', () => {
  it('returns a slot’s samples oldest first with their times', () => {
    const h = new AssetHistory(SLOTS, 5);
    for (let m = 0; m < 3; m++) h.record(T0 + m * MIN, readings((_, slot) => m * 10 + slot));
    expect(h.length).toBe(3);
    expect(h.series('water', 1)).toEqual({ t: [T0, T0 + MIN, T0 + 2 * MIN], v: [1, 11, 21] });
    expect(h.latestTime).toBe(T0 + 2 * MIN);
  });

  it('keeps only the newest `capacity` samples once the ring wraps', () => {
    const h = new AssetHistory(SLOTS, 4);
    for (let m = 0; m < 11; m++) h.record(T0 + m * MIN, readings(() => m));
    expect(h.length).toBe(4);
    expect(h.series('rain', 0, 60)).toEqual({ t: [7, 8, 9, 10].map((m) => T0 + m * MIN), v: [7, 8, 9, 10] });
    expect(h.series('pump.state', 2).v).toEqual([7, 8, 9, 10]);
  });

  it('reports silent sensors (NaN) as null', () => {
    const h = new AssetHistory(SLOTS, 3);
    h.record(T0, readings(() => 1.5));
    h.record(T0 + MIN, readings(() => NaN));
    expect(h.series('underpass.depth', 0).v).toEqual([1.5, null]);
  });

  it('gives back quantised values without float32 noise', () => {
    const h = new AssetHistory(SLOTS, 3);
    h.record(T0, readings(() => 4.55));
    expect(h.series('water', 0).v).toEqual([4.55]);
  });

  it('writes float32 values as the shortest decimal that reads back the same', () => {
    for (const v of [4.55, 0.1, 121.46341, 31.23457, 0, -3.2, 1e-5]) expect(shortestFloat32(Math.fround(v))).toBe(v);
    expect(shortestFloat32(NaN)).toBeNaN();
  });

  it('limits a series to the last N minutes of simulated time', () => {
    const h = new AssetHistory(SLOTS, 60);
    for (let m = 0; m < 30; m++) h.record(T0 + m * MIN, readings(() => m));
    expect(h.series('water', 0, 5).v).toEqual([25, 26, 27, 28, 29]);
    expect(h.series('water', 0, 1).t).toEqual([T0 + 29 * MIN]);
  });

  it('replaces a sample recorded twice at one time and starts afresh when time steps back', () => {
    const h = new AssetHistory(SLOTS, 5);
    h.record(T0, readings(() => 1));
    h.record(T0 + MIN, readings(() => 2));
    h.record(T0 + MIN, readings(() => 3));
    expect(h.series('water', 0).v).toEqual([1, 3]);
    h.record(T0 - MIN, readings(() => 9));
    expect(h.series('water', 0)).toEqual({ t: [T0 - MIN], v: [9] });
  });

  it('keeps no history for strided channels or slots that do not exist', () => {
    const h = new AssetHistory(SLOTS, 3);
    h.record(T0, readings(() => 1));
    expect(HISTORY_CHANNELS).not.toContain('team.pos');
    expect(h.series('team.pos', 0)).toEqual({ t: [], v: [] });
    expect(h.series('water', SLOTS.waterGauge)).toEqual({ t: [], v: [] });
    expect(h.series('water', -1)).toEqual({ t: [], v: [] });
  });

  it('preallocates everything up front: the footprint is fixed by slots × capacity', () => {
    const h = new AssetHistory(SLOTS, 60);
    const before = h.byteLength;
    for (let m = 0; m < 200; m++) h.record(T0 + m * MIN, readings(() => m));
    expect(h.byteLength).toBe(before);
    const perMinute = HISTORY_CHANNELS.reduce((sum, id) => sum + SLOTS[CHANNELS[id].kind] * (CHANNELS[id].dtype === 'u8' ? 1 : 4), 0);
    expect(before).toBe(60 * perMinute + 60 * 8);
  });

  it('refuses readings that do not match its slots', () => {
    const h = new AssetHistory({ ...SLOTS, waterGauge: 99 }, 3);
    expect(() => h.record(T0, readings(() => 1))).toThrow(/water/);
    expect(h.length).toBe(0);
  });
});
