import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../mock-server/city/cityGeo';
import { LiveFeed } from '../../../mock-server/feed/liveFeed';
import { createCitySimulation } from '../../../mock-server/simulator/citySimulation';
import { applyChannel, decodeChannel } from '../../../src/protocol/channelCodec';
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
    const client = {
      rain: new Float32Array(catalog.groups.rainGauge.count),
      water: new Float32Array(catalog.groups.waterGauge.count),
    };
    applyChannel(client.rain, snap.channels.rain);
    applyChannel(client.water, snap.channels.water);
    let sparse = 0;
    for (let i = 0; i < 30; i++) {
      const delta = feed.tick();
      for (const id of ['rain', 'water'] as const) {
        const chunk = delta.channels[id];
        if (!chunk) continue;
        if (decodeChannel(chunk).mode === 'sparse') sparse++;
        applyChannel(client[id], chunk);
      }
    }
    expect(client.rain).toEqual(feed.current().rain);
    expect(client.water).toEqual(feed.current().water);
    expect(sparse).toBeGreaterThan(0);
  });

  it('sends a heartbeat with no channels when nothing changed', () => {
    // At 1/1000 speed a 1 s tick advances no whole simulation step.
    const feed = feedAt(0.001);
    expect(feed.tick().channels).toEqual({});
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
