import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { catalogToWire } from '../../../../mock-server/feed/catalogToWire';
import { createCityStages } from '../../../../mock-server/pipeline/cityStages';
import { LiveCity } from '../../../../mock-server/pipeline/liveCity';
import { allocateReadings } from '../../../../mock-server/pipeline/readings';
import type { RainScenarioId } from '../../../../mock-server/simulator/scenarios/rainScenarios';
import type { CityEvent } from '@/protocol/cityEvents';

const START = Date.parse('2026-07-15T14:00:00+08:00');
let geo: CityGeo;
beforeAll(() => {
  geo = loadCityGeo();
});

/** Runs the whole pipeline, one frame per chunk of steps; `out` is what the sensors read at the end (before wire rounding). */
function runFor(seed: number, chunks: number[], scenario: RainScenarioId = 'showers') {
  const stages = createCityStages(geo, { seed, startTime: START, scenario });
  const city = new LiveCity(stages, { tickMs: 1000, speed: 60 });
  const events: CityEvent[] = [];
  for (const steps of chunks) events.push(...city.advance(steps).events);
  const out = allocateReadings(stages.assets);
  stages.source.readAll(out);
  return { sim: stages, city, out, events };
}

describe('simulator determinism at full Shanghai counts', () => {
  it('places the real counts of every asset kind', () => {
    const { sim } = runFor(7, []);
    const a = sim.assets;
    expect([a.rainGauges.length, a.waterGauges.length, a.weatherStations.length, a.pumpStations.length, a.underpasses.length, a.waterloggingPoints.length]).toEqual([
      550, 157, 26, 1418, 500, 64,
    ]);
    expect(a.teams.length).toBeGreaterThanOrEqual(100);
    expect(a.roads.segmentCount).toBeGreaterThan(2000);
  });

  it('gives the same city, readings and events for the same seed', () => {
    const a = runFor(7, [1800], 'storm');
    const b = runFor(7, [1800], 'storm');
    expect(catalogToWire(a.sim.assets, 'v')).toEqual(catalogToWire(b.sim.assets, 'v'));
    expect(a.out).toEqual(b.out);
    expect(a.events).toEqual(b.events);
    expect(a.events.length).toBeGreaterThan(0);
    // The warning office is part of the simulation: its warnings are as repeatable as the rest.
    expect(a.events.some((e) => e.type === 'warning')).toBe(true);
  });

  it('gives a different city and weather for another seed', () => {
    const a = runFor(7, [600]);
    const b = runFor(8, [600]);
    expect(a.sim.assets.rainGauges[0].lon).not.toBe(b.sim.assets.rainGauges[0].lon);
    expect(a.out.rain).not.toEqual(b.out.rain);
  });

  it('does not depend on how steps are grouped into ticks', () => {
    const whole = runFor(11, [1800], 'storm');
    const pieces = runFor(11, Array.from({ length: 30 }, () => 60), 'storm');
    expect(whole.sim.simTime()).toBe(pieces.sim.simTime());
    expect(pieces.city.feed.currentVitals()).toEqual(whole.city.feed.currentVitals());
    expect(pieces.out).toEqual(whole.out);
    expect(pieces.events).toEqual(whole.events);
  });

  it('publishes the same readings at the same simulated time whatever the speed', () => {
    const stages = () => createCityStages(geo, { seed: 3, startTime: START, scenario: 'showers' });
    const fastCity = new LiveCity(stages(), { tickMs: 1000, speed: 600 });
    const slowCity = new LiveCity(stages(), { tickMs: 500, speed: 60 });
    fastCity.tick();
    for (let i = 0; i < 20; i++) slowCity.tick();
    const [fast, slow] = [fastCity.feed, slowCity.feed];
    expect(fast.status().simTime).toBe(slow.status().simTime);
    expect(fast.current()).toEqual(slow.current());
    expect(fast.currentVitals()).toEqual(slow.currentVitals());
    expect(fast.eventState()).toEqual(slow.eventState());
  });

  it('keeps every reading in a physical range over a simulated storm', () => {
    const { sim, city } = runFor(5, [], 'storm');
    const out = allocateReadings(sim.assets);
    for (let h = 0; h < 4; h++) {
      city.advance(3600);
      sim.source.readAll(out);
      const finite = (a: ArrayLike<number>) => Array.from(a).filter(Number.isFinite);
      expect(Math.min(...finite(out.rain))).toBeGreaterThanOrEqual(0);
      expect(Math.max(...finite(out.rain))).toBeLessThan(300);
      expect(Math.max(...finite(out['underpass.depth']))).toBeLessThan(200);
      expect(Math.min(...finite(out['road.speed']))).toBeGreaterThanOrEqual(0);
      expect(Math.max(...finite(out['road.index']))).toBeLessThanOrEqual(10);
      for (const v of finite(out.water)) expect(v).toBeGreaterThan(-1);
    }
  });
});
