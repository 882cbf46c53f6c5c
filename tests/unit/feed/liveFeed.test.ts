import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../mock-server/city/cityGeo';
import { LiveFeed } from '../../../mock-server/feed/liveFeed';
import { createCitySimulation } from '../../../mock-server/simulator/citySimulation';
import { applyChannel, decodeChannel } from '../../../src/protocol/channelCodec';
import { unpackChannels } from '../../../src/protocol/channelFrame';
import { allocateChannel, CHANNEL_IDS, CHANNELS } from '../../../src/protocol/channels';
import { toCatalogView } from '../../../src/protocol/catalogView';

let geo: CityGeo;
beforeAll(() => {
  geo = loadCityGeo();
});

const feedAt = (speed = 60) =>
  new LiveFeed(createCitySimulation(geo, { seed: 1, startTime: Date.UTC(2026, 6, 1), scenario: 'showers' }), { tickMs: 1000, speed, now: () => 1234 });

describe('live feed', () => {
  it('numbers frames consecutively and stamps them', () => {
    const feed = feedAt();
    const snap = feed.snapshot();
    const a = feed.tick();
    const b = feed.tick();
    expect([a.seq, b.seq]).toEqual([snap.seq + 1, snap.seq + 2]);
    expect(b.simTime - a.simTime).toBe(60_000);
    expect(b.sentAt).toBe(1234);
  });

  it('lets a client rebuild the exact server state from a snapshot and the deltas after it', () => {
    const feed = feedAt();
    const catalog = toCatalogView(feed.catalog);
    const snap = feed.snapshot();
    const client = Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, catalog.groups[CHANNELS[id].kind].count)]));
    const snapFrames = unpackChannels(snap.channels);
    for (const id of CHANNEL_IDS) applyChannel(client[id], snapFrames[id]!);
    let sparse = 0;
    for (let i = 0; i < 30; i++) {
      const delta = feed.tick();
      if (!delta.channels) continue;
      for (const [id, chunk] of Object.entries(unpackChannels(delta.channels))) {
        if (decodeChannel(chunk).mode === 'sparse') sparse++;
        applyChannel(client[id], chunk);
      }
    }
    for (const id of CHANNEL_IDS) expect(client[id]).toEqual(feed.current()[id]);
    expect(sparse).toBeGreaterThan(0);
  });

  it('sends a heartbeat with no channels when nothing changed', () => {
    // At 1/1000 speed a 1 s tick advances no whole simulation step.
    const feed = feedAt(0.001);
    expect(feed.tick().channels).toBeNull();
  });

  it('sends the catalogue with positions that match the assets', () => {
    const feed = feedAt();
    const catalog = toCatalogView(feed.catalog);
    const g = feed.sim.assets.rainGauges[10];
    expect(catalog.groups.rainGauge.ids[10]).toBe(g.id);
    expect(catalog.groups.rainGauge.positions[20]).toBeCloseTo(g.lon, 4);
    expect(catalog.groups.rainGauge.positions[21]).toBeCloseTo(g.lat, 4);
    expect(catalog.groups.waterGauge.thresholds.warning).toHaveLength(157);
  });
});
