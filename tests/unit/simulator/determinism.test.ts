import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../mock-server/city/cityGeo';
import { catalogToWire } from '../../../mock-server/feed/catalogToWire';
import { LiveFeed } from '../../../mock-server/feed/liveFeed';
import { advance, allocateReadings, createCitySimulation, measure, simTime } from '../../../mock-server/simulator/citySimulation';

const START = Date.parse('2026-07-15T14:00:00+08:00');
let geo: CityGeo;
beforeAll(() => {
  geo = loadCityGeo();
});

function readingsAfter(seed: number, chunks: number[]) {
  const sim = createCitySimulation(geo, { seed, startTime: START, scenario: 'showers' });
  for (const steps of chunks) advance(sim, steps);
  const out = allocateReadings(sim.assets);
  measure(sim, out);
  return { sim, out };
}

describe('simulator determinism', () => {
  it('gives the same city and the same readings for the same seed', () => {
    const a = readingsAfter(7, [900]);
    const b = readingsAfter(7, [900]);
    expect(catalogToWire(a.sim.assets, 'v')).toEqual(catalogToWire(b.sim.assets, 'v'));
    expect(a.out.rain).toEqual(b.out.rain);
    expect(a.out.water).toEqual(b.out.water);
    expect(a.out.rain.some((v) => v > 0)).toBe(true);
  });

  it('gives a different city and weather for another seed', () => {
    const a = readingsAfter(7, [900]);
    const b = readingsAfter(8, [900]);
    expect(a.sim.assets.rainGauges[0].lon).not.toBe(b.sim.assets.rainGauges[0].lon);
    expect(a.out.rain).not.toEqual(b.out.rain);
  });

  it('does not depend on how steps are grouped into ticks', () => {
    const whole = readingsAfter(11, [1800]);
    const pieces = readingsAfter(11, Array.from({ length: 30 }, () => 60));
    expect(simTime(whole.sim)).toBe(simTime(pieces.sim));
    expect(pieces.out.rain).toEqual(whole.out.rain);
    expect(pieces.out.water).toEqual(whole.out.water);
  });

  it('publishes the same readings at the same simulated time whatever the speed', () => {
    const fast = new LiveFeed(createCitySimulation(geo, { seed: 3, startTime: START, scenario: 'showers' }), { tickMs: 1000, speed: 600 });
    const slow = new LiveFeed(createCitySimulation(geo, { seed: 3, startTime: START, scenario: 'showers' }), { tickMs: 500, speed: 60 });
    fast.tick();
    for (let i = 0; i < 20; i++) slow.tick();
    expect(fast.status().simTime).toBe(slow.status().simTime);
    expect(fast.current().rain).toEqual(slow.current().rain);
    expect(fast.current().water).toEqual(slow.current().water);
  });

  it('keeps every reading in a physical range over a simulated day', () => {
    const { sim, out } = readingsAfter(5, []);
    for (let h = 0; h < 24; h++) {
      advance(sim, 3600);
      measure(sim, out);
      for (const v of out.rain) expect(v).toBeGreaterThanOrEqual(0);
      for (const v of out.rain) expect(v).toBeLessThan(300);
      for (const v of out.water) expect(v).toBeGreaterThan(-1);
      for (const v of out.water) expect(v).toBeLessThan(7);
    }
  });
});
