import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { createCityStages } from '../../../../mock-server/pipeline/cityStages';
import { LiveCity } from '../../../../mock-server/pipeline/liveCity';
import { applyChannel, decodeChannel } from '@/protocol/channelCodec';
import { unpackChannels } from '@/protocol/channelFrame';
import { allocateChannel, CHANNEL_IDS, CHANNELS } from '@/protocol/channels';
import { toCatalogView } from '@/protocol/catalogView';
import { applyReadingTimes } from '@/protocol/readingTimesCodec';

let geo: CityGeo;
beforeAll(() => {
  geo = loadCityGeo();
});

/** A city ticking at `speed`: each tick runs its pipeline, which publishes through its feed. */
const cityAt = (speed = 60) =>
  new LiveCity(createCityStages(geo, { seed: 1, startTime: Date.UTC(2026, 6, 1), scenario: 'showers' }), { tickMs: 1000, speed, now: () => 1234 });

describe('live feed', () => {
  it('numbers frames consecutively and stamps them', () => {
    const city = cityAt();
    const { feed } = city;
    const snap = feed.snapshot();
    const a = city.tick();
    const b = city.tick();
    expect([a.seq, b.seq]).toEqual([snap.seq + 1, snap.seq + 2]);
    expect(b.simTime - a.simTime).toBe(60_000);
    expect(b.sentAt).toBe(1234);
  });

  it('lets a client rebuild the exact server state from a snapshot and the deltas after it', () => {
    const city = cityAt();
    const { feed } = city;
    const catalog = toCatalogView(feed.catalog);
    const snap = feed.snapshot();
    const client = Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, catalog.groups[CHANNELS[id].kind].count)]));
    const snapFrames = unpackChannels(snap.channels);
    for (const id of CHANNEL_IDS) applyChannel(client[id], snapFrames[id]!);
    let sparse = 0;
    for (let i = 0; i < 30; i++) {
      const delta = city.tick();
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
    const city = cityAt(0.001);
    expect(city.tick().channels).toBeNull();
  });

  it('carries every vital sign in the snapshot and in each delta, stamped with the frame time', () => {
    const city = cityAt();
    const { feed } = city;
    const n = feed.catalog.indicators.length;
    expect(n).toBeGreaterThanOrEqual(20);
    const snap = feed.snapshot();
    expect(snap.vitals.t).toBe(snap.simTime);
    expect(snap.vitals.values).toHaveLength(n);
    for (let i = 0; i < 3; i++) {
      const delta = city.tick();
      expect(delta.vitals.t).toBe(delta.simTime);
      expect(delta.vitals.values).toHaveLength(n);
      expect(delta.vitals.values.every((v) => v === null || Number.isFinite(v))).toBe(true);
    }
    // Even a heartbeat frame carries them.
    const idle = cityAt(0.001);
    expect(idle.tick().vitals.values).toHaveLength(n);
  });

  it('hands the active weather warnings to a snapshot and each change to the deltas', () => {
    const city = new LiveCity(createCityStages(geo, { seed: 5, startTime: Date.parse('2026-07-15T06:00:00+08:00'), scenario: 'storm' }), {
      tickMs: 1000,
      speed: 600,
    });
    const { feed } = city;
    const warnings = [];
    for (let i = 0; i < 12; i++) warnings.push(...city.tick().events.filter((e) => e.type === 'warning'));
    expect(warnings.length).toBeGreaterThan(0);
    const active = feed.snapshot().events.warnings;
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((w) => w.state === 'active' && w.expiresAt > w.issuedAt)).toBe(true);
  });

  it('sends the catalogue with positions that match the assets', () => {
    const city = cityAt();
    const { feed } = city;
    const catalog = toCatalogView(feed.catalog);
    const g = city.stages.assets.rainGauges[10];
    expect(catalog.groups.rainGauge.ids[10]).toBe(g.id);
    expect(catalog.groups.rainGauge.positions[20]).toBeCloseTo(g.lon, 4);
    expect(catalog.groups.rainGauge.positions[21]).toBeCloseTo(g.lat, 4);
    expect(catalog.groups.waterGauge.thresholds.warning).toHaveLength(157);
    expect(catalog.indicators.map((i) => i.id)).toContain('infra.underpassesClosed');
    // The version changes with the indicator list, whose order gives the values their meaning.
    expect(catalog.version).toMatch(/-vi[0-9a-z]+-/);
  });

  it('carries when the slots fed from outside were measured: changed ones in a delta, all in a snapshot', () => {
    const city = cityAt(1);
    const { feed, stages } = city;
    const times = () => ({ water: new Float64Array(157).fill(NaN), rain: new Float64Array(stages.assets.rainGauges.length).fill(NaN) });
    const reading = (channel: 'water' | 'rain', slot: number, ageS: number) =>
      stages.incoming.push({ kind: channel === 'water' ? 'waterGauge' : 'rainGauge', channel, slot, v: 1.5, tMs: stages.source.timeMs - ageS * 1000, late: false });
    // A simulated city with nothing from outside sends no times at all: its frames are as before.
    expect(city.tick().readingTimes).toBeUndefined();
    expect(feed.snapshot().readingTimes).toBeUndefined();

    reading('water', 3, 120);
    reading('rain', 9, 30);
    const first = city.tick();
    const got = times();
    expect(applyReadingTimes(first.readingTimes!, first.simTime, got)).toEqual(['rain', 'water']);
    expect(got.water[3]).toBe(first.simTime - 121_000); // measured 120 s before the tick began; the tick took 1 s
    expect(got.rain[9]).toBe(first.simTime - 31_000);

    reading('water', 4, 10);
    const second = city.tick();
    const changed = times();
    expect(applyReadingTimes(second.readingTimes!, second.simTime, changed)).toEqual(['water']);
    expect([Number.isNaN(changed.water[3]), changed.water[4]]).toEqual([true, second.simTime - 11_000]);
    // Nothing new from outside: nothing to carry.
    expect(city.tick().readingTimes).toBeUndefined();

    const snap = feed.snapshot();
    const all = times();
    applyReadingTimes(snap.readingTimes!, snap.simTime, all);
    expect([all.water[3], all.water[4], all.rain[9]]).toEqual([got.water[3], changed.water[4], got.rain[9]]);
    // A client of only some channels gets only their times.
    const rainOnly = times();
    expect(applyReadingTimes(feed.snapshot(new Set(['rain'])).readingTimes!, snap.simTime, rainOnly)).toEqual(['rain']);
    expect(feed.readingTimesFor(new Set(['pump.state']), true)).toBeUndefined();
  });
});
