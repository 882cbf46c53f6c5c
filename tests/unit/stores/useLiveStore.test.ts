import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WireCatalog } from '../../../src/protocol/assets';
import { encodeDelta, encodeFull } from '../../../src/protocol/channelCodec';
import { useLiveStore } from '../../../src/stores/useLiveStore';

const positions = (n: number) => new Uint8Array(new Float32Array(n * 2).buffer);
const catalog: WireCatalog = {
  version: 'v1',
  districts: [],
  groups: [
    { kind: 'rainGauge', ids: ['a', 'b', 'c'], names: ['a', 'b', 'c'], namesEn: ['a', 'b', 'c'], districts: [0, 0, 0], positions: positions(3), thresholds: {} },
    { kind: 'waterGauge', ids: ['w'], names: ['w'], namesEn: ['w'], districts: [0], positions: positions(1), thresholds: { warning: [4], danger: [5] } },
  ],
};
const rain0 = Float32Array.from([0, 1, 2]);
const snapshot = (version = 'v1') => ({
  seq: 5, simTime: 1000, sentAt: 1000, catalogVersion: version, tickMs: 1000, simSpeed: 1,
  channels: { rain: encodeFull(rain0), water: encodeFull(Float32Array.from([3.2])) },
});

describe('live store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('holds readings in typed arrays and bumps its version once per batch', () => {
    const live = useLiveStore();
    live.setCatalog(catalog);
    expect(live.applySnapshot(snapshot(), 1)).toBe(true);
    expect(live.channels!.rain).toBeInstanceOf(Float32Array);
    const v = live.version;
    const rain1 = Float32Array.from([0, 5, 2]);
    const rain2 = Float32Array.from([9, 5, 2]);
    live.applyDeltas(
      [
        { seq: 6, simTime: 2000, sentAt: 2000, channels: { rain: encodeDelta(rain0, rain1)! } },
        { seq: 7, simTime: 3000, sentAt: 3000, channels: { rain: encodeDelta(rain1, rain2)! } },
      ],
      2,
    );
    expect(Array.from(live.channels!.rain)).toEqual([9, 5, 2]);
    expect(live.version).toBe(v + 1);
    expect(live.frame).toMatchObject({ seq: 7, simTime: 3000, receivedAt: 2 });
  });

  it('refuses a snapshot from another catalogue version', () => {
    const live = useLiveStore();
    live.setCatalog(catalog);
    expect(live.applySnapshot(snapshot('v2'), 1)).toBe(false);
    expect(live.channels).toBeNull();
  });
});
