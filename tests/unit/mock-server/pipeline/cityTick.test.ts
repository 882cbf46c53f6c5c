/**
 * The pipeline over a scripted source (tests/support/scriptedSource.ts): source → city state →
 * rules → desk → vitals → feed, with plain readings in and a published frame out.
 */
import { describe, expect, it } from 'vitest';
import { catalogToWire } from '../../../../mock-server/feed/catalogToWire';
import { LiveFeed } from '../../../../mock-server/feed/liveFeed';
import { createPipelineStages } from '../../../../mock-server/pipeline/cityStages';
import { publishedReadings } from '../../../../mock-server/pipeline/cityState';
import { cityStateOf, cityTick, ruleStep, vitalsOf, worldStep } from '../../../../mock-server/pipeline/cityTick';
import type { AcceptedReading } from '../../../../mock-server/ingest/ingestGate';
import { allocateReadings } from '../../../../mock-server/pipeline/readings';
import { createRng } from '../../../../mock-server/simulator/rng';
import { INDICATORS } from '../../../../mock-server/vitals/indicatorCatalogue';
import { PUMP_STATES } from '@/protocol/assets';
import type { CityEvent } from '@/protocol/cityEvents';
import { makeIncident } from '../../../support/incidentFixture';
import { ScriptedSource, smallCity } from '../../../support/scriptedSource';

const T0 = Date.parse('2026-07-15T09:00:00+08:00');
const MIN = 60_000;

function pipeline() {
  const source = new ScriptedSource(smallCity(), T0);
  const stages = createPipelineStages(source, { seed: 1, deskRng: createRng(2), autopilot: false });
  const subject = { assets: source.assets, eventState: stages.eventState, sourceStatus: () => ({ scenario: 'calm' as const, seed: 1, rainCells: 0 }) };
  const readings = publishedReadings(source, allocateReadings(source.assets));
  const feed = new LiveFeed(catalogToWire(source.assets, 'v'), subject, { timeMs: T0, readings, vitals: vitalsOf(stages, cityStateOf(stages, readings)) }, { tickMs: 1000, speed: 60 });
  return { source, stages, feed };
}

const value = (vitals: { values: (number | null)[] }, id: string) => vitals.values[INDICATORS.findIndex((i) => i.id === id)];
const kinds = (events: CityEvent[]) => events.map((e) => (e.type === 'alarm' ? `alarm:${e.alarm.ruleId}:${e.alarm.trigger}` : e.type === 'incident' ? `incident:${e.incident.category}` : e.type));

describe('city tick', () => {
  it('samples the rules once a source minute, and the desk answers in the same frame', () => {
    const { source, stages, feed } = pipeline();
    source.set('underpass.depth', [40, 0, 0, 0]);
    expect(cityTick(stages, feed, T0 + 59_000).events).toEqual([]);
    const delta = cityTick(stages, feed, T0 + MIN);
    expect(kinds(delta.events)).toEqual(['alarm:underpass.depth:threshold', 'incident:underpassFlooding', 'closure']);
    expect(source.calls).toEqual([`closed ${stages.desk.activeClosures()[0].segments.length} true`]);
    // Vitals from the published state: the underpass reads 40 cm, the incident is open and waiting.
    expect(delta.simTime).toBe(T0 + MIN);
    expect(value(delta.vitals, 'infra.underpassesClosed')).toBe(1);
    expect(value(delta.vitals, 'city.openIncidents')).toBe(1);
    expect(value(delta.vitals, 'city.p1Waiting')).toBe(1);
  });

  it('publishes a command’s events first, then what the tick did', () => {
    const { source, stages, feed } = pipeline();
    source.cityLife.push({ category: 'trafficAccident', site: { lon: 121.45, lat: 31.22, district: 0, segment: 2 } });
    const command: CityEvent = { type: 'incident', incident: makeIncident({ id: 'INC-X' }) };
    stages.announce(command);
    const delta = cityTick(stages, feed, T0 + 10_000);
    expect(delta.events[0]).toBe(command);
    expect(kinds(delta.events.slice(1))).toEqual(['incident:trafficAccident']);
    expect(source.calls).toEqual(['accident 2 true']);
    expect(stages.inbox).toEqual([]);
  });

  it('gives the same events however the moments are grouped into ticks', () => {
    const run = (ticks: number[]) => {
      const { source, stages, feed } = pipeline();
      source.set('underpass.depth', [40, 30, 0, 0]);
      source.set('water', [9, 0, 0, 0]);
      return ticks.flatMap((t) => cityTick(stages, feed, T0 + t).events);
    };
    const whole = run([5 * MIN]);
    expect(whole.length).toBeGreaterThan(3);
    expect(run([30_000, MIN, 61_000, 4 * MIN, 5 * MIN])).toEqual(whole);
  });

  it('runs each stage on plain data: a world step and a rule step return the events they made', () => {
    const { source, stages } = pipeline();
    const world = { dtS: 10, arrivedTeams: [], cityLife: [{ category: 'litter' as const, site: { lon: 121.45, lat: 31.22, district: 0, segment: null } }], weather: { radar: [], forecastMaxC: NaN } };
    expect(kinds(worldStep(stages, T0 + 10_000, world))).toEqual(['incident:litter']);
    source.set('pump.state', [PUMP_STATES.indexOf('fault'), 0, 0, 0, 0, 0, 0, 0]);
    expect(kinds(ruleStep(stages, T0 + MIN))).toEqual(['alarm:pump.state:state', 'incident:pumpFault']);
  });

  describe('readings from outside', () => {
    const depth = (slot: number, tMs: number, v: number, late = false): AcceptedReading => ({ kind: 'underpass', channel: 'underpass.depth', slot, tMs, v, late });

    it('run the rules at the time each was measured, in time order, and the frame shows the newest', () => {
      const { stages, feed } = pipeline();
      // Out of order as they arrived. The window is two minutes: a mean of 20 at T0+1 (warning), 40 at T0+2.
      stages.incoming.push(depth(1, T0 + 2 * MIN, 40), depth(1, T0 + MIN, 40), depth(1, T0, 0));
      const delta = cityTick(stages, feed, T0 + 1000);
      const alarms = delta.events.flatMap((e) => (e.type === 'alarm' ? [e.alarm] : []));
      expect(alarms.map((a) => [a.slot, a.severity, a.updatedAt])).toEqual([
        [1, 'warning', T0 + MIN],
        [1, 'critical', T0 + 2 * MIN],
      ]);
      expect(kinds(delta.events)).toEqual(['alarm:underpass.depth:threshold', 'alarm:underpass.depth:threshold', 'incident:underpassFlooding', 'closure']);
      expect(stages.incoming).toEqual([]);
      // The published reading is the newest from outside; the scripted source reads 0 there.
      expect(cityStateOf(stages, publishedReadings(stages.source, allocateReadings(stages.assets))).readings['underpass.depth'][1]).toBe(40);
    });

    it('keep an older reading out of the alarms and out of the frame', () => {
      const { stages, feed } = pipeline();
      stages.incoming.push(depth(0, T0, 1));
      cityTick(stages, feed, T0 + 1000);
      stages.incoming.push(depth(0, T0 - MIN, 50), depth(0, T0 - 2 * MIN, 50));
      expect(cityTick(stages, feed, T0 + 2000).events).toEqual([]);
      expect(stages.external.timeOf('underpass.depth', 0)).toBe(T0);
      expect(stages.source.read('underpass.depth')[0]).toBe(1);
    });

    it('put a late flood that is already over on the record without opening an incident', () => {
      const { stages, feed } = pipeline();
      const flood = [0, 40, 40, 40, 0, 0, 0].map((v, m) => depth(2, T0 - 60 * MIN + m * MIN, v, true));
      stages.incoming.push(...flood);
      const delta = cityTick(stages, feed, T0 + 1000);
      const alarms = delta.events.flatMap((e) => (e.type === 'alarm' && e.alarm.trigger !== 'frozen' ? [e.alarm] : []));
      expect(alarms.map((a) => `${a.state}:${a.severity}:${a.late}`)).toEqual(['active:warning:true', 'active:critical:true', 'cleared:critical:true']);
      expect(delta.events.filter((e) => (e.type === 'incident' && e.incident.category !== 'sensorFault') || e.type === 'closure')).toEqual([]);
      // The newest reading is 54 minutes old at the city's clock: the gauge's feed is behind, and that is a job.
      expect(delta.events.filter((e) => e.type === 'incident').map((e) => e.type === 'incident' && e.incident.category)).toEqual(['sensorFault']);
    });

    it('take a slot out of the periodic samples: the source’s own reading there raises nothing', () => {
      const { source, stages, feed } = pipeline();
      stages.incoming.push(depth(3, T0, 0));
      cityTick(stages, feed, T0 + 1000);
      source.set('underpass.depth', [0, 0, 0, 40]);
      expect(kinds(cityTick(stages, feed, T0 + 2 * MIN).events)).toEqual([]);
    });
  });
});
