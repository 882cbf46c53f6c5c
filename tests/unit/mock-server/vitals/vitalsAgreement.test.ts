/**
 * The vital signs agree with the simulated state they are computed from: a storm runs over the live
 * feed while this test rebuilds the city from the wire, as a client does (the snapshot, then each
 * delta's channels and events), and recomputes the key indicators on its own, without the server's
 * helpers: closed underpasses from the underpass.depth channel, faulty pumps from pump.state, open
 * incidents from the incident events, the peak rain from the rain channel, the traffic index from
 * road.index and the segment lengths, and so on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { createCityStages } from '../../../../mock-server/pipeline/cityStages';
import { LiveCity } from '../../../../mock-server/pipeline/liveCity';
import { airQuality, hotlineCallsPerHour, powerLoadGw, railLoadPct, type CityConditions } from '../../../../mock-server/simulator/cityServices';
import { PUMP_STATES } from '@/protocol/assets';
import { toCatalogView } from '@/protocol/catalogView';
import { applyChannel } from '@/protocol/channelCodec';
import { unpackChannels } from '@/protocol/channelFrame';
import type { BinaryChunk } from '@/protocol/binary';
import { allocateChannel, CHANNEL_IDS, CHANNELS, type ChannelArray, type ChannelId } from '@/protocol/channels';
import type { Alarm, CityEvent, CityEventState, Incident } from '@/protocol/cityEvents';
import type { VitalsFrame } from '@/protocol/vitals';
import { DIMENSIONS, dimensionStatus } from '@/protocol/vitals';
import { WARNING_LEVELS, type WeatherWarning } from '@/protocol/weatherWarnings';

let geo: CityGeo;
beforeAll(() => {
  geo = loadCityGeo();
});

/** What a client holds: channels and the active sets, kept by applying each frame. */
class ClientCity {
  channels: Record<ChannelId, ChannelArray>;
  alarms = new Map<string, Alarm>();
  incidents = new Map<string, Incident>();
  warnings = new Map<string, WeatherWarning>();
  /** Every incident id seen with its creation time. */
  created = new Map<string, number>();

  constructor(counts: (id: ChannelId) => number) {
    this.channels = Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, counts(id))])) as Record<ChannelId, ChannelArray>;
  }

  applyFrame(channels: BinaryChunk | null, events: CityEvent[] | CityEventState): void {
    if (channels) for (const [id, chunk] of Object.entries(unpackChannels(channels))) applyChannel(this.channels[id as ChannelId], chunk);
    if (!Array.isArray(events)) {
      events.alarms.forEach((a) => this.alarms.set(a.id, a));
      events.incidents.forEach((i) => this.incident(i));
      events.warnings.forEach((w) => this.warnings.set(w.id, w));
      return;
    }
    for (const e of events) {
      if (e.type === 'alarm') {
        if (e.alarm.state === 'cleared') this.alarms.delete(e.alarm.id);
        else this.alarms.set(e.alarm.id, e.alarm);
      } else if (e.type === 'incident') this.incident(e.incident);
      else if (e.type === 'warning') {
        if (e.warning.state === 'cancelled') this.warnings.delete(e.warning.id);
        else this.warnings.set(e.warning.id, e.warning);
      }
    }
  }

  private incident(i: Incident): void {
    this.created.set(i.id, i.createdAt);
    if (i.status === 'closed') this.incidents.delete(i.id);
    else this.incidents.set(i.id, i);
  }
}

const finite = (a: ArrayLike<number>) => Array.from(a).filter(Number.isFinite);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const notResolved = (i: Incident) => ['new', 'dispatched', 'accepted', 'onSite'].includes(i.status);

describe('vital signs agree with the simulated city', () => {
  it('recomputes the indicators from the published readings and events of a storm', () => {
    const start = Date.parse('2026-07-15T06:00:00+08:00');
    const stages = createCityStages(geo, { seed: 20260701, startTime: start, scenario: 'storm' });
    // Ten simulated minutes per tick: three hours of a storm through the morning rush.
    const city = new LiveCity(stages, { tickMs: 1000, speed: 600 });
    const { feed } = city;
    const catalog = toCatalogView(feed.catalog);
    const specs = catalog.indicators;
    const at = (id: string) => specs.findIndex((s) => s.id === id);
    const lengths = stages.assets.roads.lengthKm;
    const client = new ClientCity((id) => catalog.groups[CHANNELS[id].kind].count);
    const snapshot = feed.snapshot();
    client.applyFrame(snapshot.channels, snapshot.events);
    expect(snapshot.vitals.values).toHaveLength(specs.length);

    const seen = { underpasses: 0, incidents: 0, warnings: 0, closed: 0, alarmDimension: 0 };
    for (let tick = 0; tick < 18; tick++) {
      const delta = city.tick();
      client.applyFrame(delta.channels, delta.events);
      const v: VitalsFrame = delta.vitals;
      const value = (id: string) => v.values[at(id)];
      expect(v.t).toBe(delta.simTime);
      expect(v.values).toHaveLength(specs.length);
      expect(v.values.every((x) => x !== null && Number.isFinite(x))).toBe(true);

      const ch = client.channels;
      // Readings.
      const rain = finite(ch.rain);
      expect(value('env.rainMax')).toBe(round(Math.max(...rain), 1));
      expect(value('env.rainMean')).toBe(round(rain.reduce((a, b) => a + b, 0) / rain.length, 1));
      expect(value('env.tempMax')).toBe(round(Math.max(...finite(ch['weather.temp'])), 1));
      const underpasses = Array.from(ch['underpass.depth']).filter((d) => d >= 25).length;
      expect(value('infra.underpassesClosed')).toBe(underpasses);
      expect(value('infra.waterlogPoints')).toBe(Array.from(ch['waterlog.depth']).filter((d) => d >= 15).length);
      const states = Array.from(ch['pump.state']);
      expect(value('infra.pumpsFaulty')).toBe(states.filter((s) => s === PUMP_STATES.indexOf('fault')).length);
      expect(value('infra.pumpsRunning')).toBe(round((100 * states.filter((s) => s === PUMP_STATES.indexOf('running')).length) / states.length, 1));
      const closedSegments = Array.from(ch['road.closed']).filter((c) => c === 1).length;
      expect(value('traffic.closedSegments')).toBe(closedSegments);
      // Traffic from road.index, road.speed and the segment lengths, summed here.
      let km = 0;
      let weighted = 0;
      let congested = 0;
      let openKm = 0;
      let speedKm = 0;
      for (let s = 0; s < lengths.length; s++) {
        km += lengths[s];
        weighted += ch['road.index'][s] * lengths[s];
        if (ch['road.index'][s] >= 6) congested += lengths[s];
        if (!ch['road.closed'][s]) {
          openKm += lengths[s];
          speedKm += ch['road.speed'][s] * lengths[s];
        }
      }
      expect(value('traffic.index')).toBe(round(weighted / km, 1));
      expect(value('traffic.congestedShare')).toBe(round((100 * congested) / km, 1));
      expect(value('traffic.meanSpeed')).toBe(round(speedKm / openKm, 1));

      // Events.
      const open = [...client.incidents.values()].filter(notResolved);
      expect(value('city.openIncidents')).toBe(open.length);
      expect(value('city.p1Waiting')).toBe(open.filter((i) => i.status === 'new' && i.priority === 1).length);
      expect(value('traffic.accidents')).toBe(open.filter((i) => i.category === 'trafficAccident').length);
      expect(value('supply.powerOutages')).toBe(open.filter((i) => i.category === 'powerOutage').length);
      expect(value('infra.elevatorTrapped')).toBe(open.filter((i) => i.category === 'elevatorEntrapment').length);
      expect(value('city.newIncidents')).toBe([...client.created.values()].filter((t) => t >= v.t - 3_600_000).length);
      const alarms = [...client.alarms.values()];
      // Water-level alarms over the warning line: a silent gauge's frozen alarm (same rule) is not one.
      expect(value('env.waterOverWarning')).toBe(alarms.filter((a) => a.ruleId === 'water.level' && a.trigger !== 'frozen').length);
      expect(value('infra.sensorsFrozen')).toBe(alarms.filter((a) => a.trigger === 'frozen').length);
      const level = Math.max(0, ...[...client.warnings.values()].map((w) => WARNING_LEVELS.indexOf(w.level) + 1));
      expect(value('env.warningLevel')).toBe(level);

      // City services, fed with conditions summarised here from the same frame.
      const conditions: CityConditions = {
        timeMs: v.t,
        seed: stages.seed,
        meanRainMmH: rain.reduce((a, b) => a + b, 0) / rain.length,
        meanTempC: finite(ch['weather.temp']).reduce((a, b) => a + b, 0) / finite(ch['weather.temp']).length,
        warningLevel: level,
        openIncidents: open.length,
        openOutages: open.filter((i) => i.category === 'powerOutage').length,
      };
      expect(value('city.hotline')).toBe(Math.round(hotlineCallsPerHour(conditions)));
      expect(value('env.aqi')).toBe(Math.round(airQuality(conditions).aqi));
      expect(value('supply.powerLoad')).toBe(round(powerLoadGw(conditions), 1));
      expect(value('traffic.railLoad')).toBe(Math.round(railLoadPct(conditions)));

      seen.underpasses = Math.max(seen.underpasses, underpasses);
      seen.incidents = Math.max(seen.incidents, open.length);
      seen.warnings = Math.max(seen.warnings, level);
      seen.closed = Math.max(seen.closed, closedSegments);
      if (DIMENSIONS.some((d) => dimensionStatus(specs, v.values, d) === 'alarm')) seen.alarmDimension++;
    }
    // The storm did what storms do, so the comparisons above were not of zeros.
    expect(seen.underpasses).toBeGreaterThan(0);
    expect(seen.closed).toBeGreaterThan(0);
    expect(seen.incidents).toBeGreaterThan(10);
    expect(seen.warnings).toBeGreaterThanOrEqual(3);
    expect(seen.alarmDimension).toBeGreaterThan(0);
    // A late joiner's snapshot carries the same vitals as the last delta.
    expect(feed.snapshot().vitals).toEqual(feed.currentVitals());
  });
});
