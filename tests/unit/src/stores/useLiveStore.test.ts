import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeDelta } from '@/protocol/channelCodec';
import { packChannels } from '@/protocol/channelFrame';
import { encodeChannelTimes, packReadingTimes } from '@/protocol/readingTimesCodec';
import { useLiveStore } from '@/stores/useLiveStore';
import { miniCatalog, miniSnapshot } from '../../../support/miniCity';

const catalog = miniCatalog({ rainGauge: 3, waterGauge: 1, team: 2 });
const rain0 = Float32Array.from([0, 1, 2]);

describe('live store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('holds readings in typed arrays and bumps its version once per batch', () => {
    const live = useLiveStore();
    live.setCatalog(catalog);
    expect(live.applySnapshot(miniSnapshot(catalog, 5, { rain: rain0 }), 1)).toBe(true);
    expect(live.channels!.rain).toBeInstanceOf(Float32Array);
    expect(live.channels!['team.pos']).toHaveLength(4); // two values per team
    const v = live.version;
    const rain1 = Float32Array.from([0, 5, 2]);
    const rain2 = Float32Array.from([9, 5, 2]);
    live.applyDeltas(
      [
        { seq: 6, simTime: 2000, sentAt: 2000, channels: packChannels({ rain: encodeDelta(rain0, rain1)! }), events: [], vitals: { t: 0, values: [] } },
        { seq: 7, simTime: 3000, sentAt: 3000, channels: packChannels({ rain: encodeDelta(rain1, rain2)! }), events: [], vitals: { t: 0, values: [] } },
      ],
      2,
    );
    expect(Array.from(live.channels!.rain)).toEqual([9, 5, 2]);
    expect(live.version).toBe(v + 1);
    expect(live.frame).toMatchObject({ seq: 7, simTime: 3000, receivedAt: 2 });
  });

  it('works the city traffic index out from the road channel, again only when it changes', () => {
    const roads = miniCatalog({ roadSegment: 3, rainGauge: 1 });
    roads.groups.find((g) => g.kind === 'roadSegment')!.attributes.lengthKm = [1, 1, 2];
    const live = useLiveStore();
    live.setCatalog(roads);
    const index0 = Float32Array.from([2, 4, 6]);
    live.applySnapshot(miniSnapshot(roads, 1, { 'road.index': index0 }), 1);
    // Weighted by length: (2 + 4 + 2 × 6) / 4.
    expect(live.cityTrafficIndex).toBe(4.5);
    const delta = (seq: number, channels: Parameters<typeof packChannels>[0]) => ({ seq, simTime: seq, sentAt: seq, channels: packChannels(channels), events: [], vitals: { t: 0, values: [] } });
    live.applyDeltas([delta(2, { rain: encodeDelta(Float32Array.from([0]), Float32Array.from([3]))! })], 2);
    expect(live.cityTrafficIndex).toBe(4.5);
    live.applyDeltas([delta(3, { 'road.index': encodeDelta(index0, Float32Array.from([2, 4, 10]))! })], 3);
    expect(live.cityTrafficIndex).toBe(6.5);
  });

  it('leaves the road segments whose readings are stale out of the city traffic index, and has none when all are', () => {
    const MIN = 60_000;
    const roads = miniCatalog({ roadSegment: 3, rainGauge: 1 });
    roads.groups.find((g) => g.kind === 'roadSegment')!.attributes.lengthKm = [1, 1, 2];
    const live = useLiveStore();
    live.setCatalog({ ...roads, staleAfterMs: { ...roads.staleAfterMs, 'road.index': 10 * MIN } });
    const snap = miniSnapshot(roads, 1, { 'road.index': Float32Array.from([2, 4, 6]) });
    // Segments 1 and 2 were measured outside 8 min before the snapshot; segment 0 is the simulator's.
    snap.readingTimes = packReadingTimes({ 'road.index': encodeChannelTimes([1, 2], () => snap.simTime - 8 * MIN, snap.simTime) });
    const arrived = 1_000_000;
    live.applySnapshot(snap, arrived);
    expect(live.cityTrafficIndex).toBe(4.5);
    // 3 min on with no frame, segments 1 and 2 are stale as the frame marks them: segment 0 alone counts.
    // As the store's clock does once a second: the marks stamp the channel, the version moves on.
    const tick = (now: number) => live.markStale(now, live.version + 1) && live.version++;
    tick(arrived + 3 * MIN);
    expect([...live.stale!['road.index']!]).toEqual([0, 1, 1]);
    expect(live.cityTrafficIndex).toBe(2);
    // Past the interval with no frame at all, every reading is stale: no index (the chip shows —), not 0.
    tick(arrived + 11 * MIN);
    expect([...live.stale!['road.index']!]).toEqual([1, 1, 1]);
    expect(live.cityTrafficIndex).toBeNaN();
  });

  it('refuses a snapshot from another catalogue version', () => {
    const live = useLiveStore();
    live.setCatalog(catalog);
    expect(live.applySnapshot(miniSnapshot(miniCatalog({ rainGauge: 3, waterGauge: 1 }, 'v2'), 5), 1)).toBe(false);
    expect(live.channels).toBeNull();
  });

  it('keeps when each slot fed from outside was measured, and marks readings stale as they age', () => {
    const MIN = 60_000;
    const live = useLiveStore();
    // The catalogue says how long each channel's readings stand: rain 15 min (the default rules').
    live.setCatalog({ ...catalog, staleAfterMs: { ...catalog.staleAfterMs, rain: 15 * MIN } });
    const snap = miniSnapshot(catalog, 5, { rain: rain0 });
    // Gauge 1 was measured outside 12 min before the snapshot (rain gauges go stale after 15).
    snap.readingTimes = packReadingTimes({ rain: encodeChannelTimes([1], () => snap.simTime - 12 * MIN, snap.simTime) });
    const arrived = 1_000_000;
    live.applySnapshot(snap, arrived);
    expect(Number.isNaN(live.readingTimes!.rain[0])).toBe(true); // the simulator's: measured at the frame's time
    expect(live.readingTimes!.rain[1]).toBe(snap.simTime - 12 * MIN);
    expect([...live.stale!.rain!]).toEqual([0, 0, 0]);
    expect(live.stale!['team.state']).toBeUndefined(); // the desk's own channels do not age one by one

    // A frame 1 min later brings gauge 2's reading, measured 20 min ago: stale at once, and its layer told.
    const simTime = snap.simTime + MIN;
    const delta = { seq: 6, simTime, sentAt: 0, channels: null, events: [], vitals: { t: 0, values: [] } };
    live.applyDeltas([{ ...delta, readingTimes: packReadingTimes({ rain: encodeChannelTimes([2], () => simTime - 20 * MIN, simTime) }) }], arrived + MIN);
    expect([...live.stale!.rain!]).toEqual([0, 0, 1]);
    expect(live.changedAt.rain).toBe(live.version);
    expect(live.changedAt.water).toBeLessThan(live.version);

    // No frame for 2 min more: gauge 1's reading is 15 min 1 s old, and the clock marks it.
    const v = live.version;
    expect(live.markStale(arrived + 3 * MIN + 1000, v + 1)).toBe(true);
    expect([...live.stale!.rain!]).toEqual([0, 1, 1]);
    expect(live.markStale(arrived + 3 * MIN + 2000, v + 2)).toBe(false);
  });
});
