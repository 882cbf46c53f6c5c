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
});
