/** The city with no simulator: silent until readings come in, on the wall clock. */
import { describe, expect, it } from 'vitest';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { createCityStages } from '../../../../mock-server/pipeline/cityStages';
import { LiveCity } from '../../../../mock-server/pipeline/liveCity';
import { PUMP_STATES } from '@/protocol/assets';
import { INDICATORS } from '../../../../mock-server/vitals/indicatorCatalogue';

const T0 = Date.parse('2026-07-15T09:00:00+08:00');
const MIN = 60_000;

function reportedCity(clock: { now: number }) {
  const stages = createCityStages(loadCityGeo(), {
    seed: 7,
    startTime: T0,
    scenario: 'storm',
    simulator: false,
    roadGridKm: 4,
    counts: { pumpStations: 30, underpasses: 10, elevators: 20 },
  });
  return { stages, city: new LiveCity(stages, { tickMs: 1000, speed: 60, now: () => clock.now }) };
}

describe('the city with the simulator off', () => {
  it('has the same assets the simulator would place, and reads nothing until readings come in', () => {
    const clock = { now: T0 };
    const { stages } = reportedCity(clock);
    const simulated = createCityStages(loadCityGeo(), { seed: 7, startTime: T0, scenario: 'storm', roadGridKm: 4, counts: { pumpStations: 30, underpasses: 10, elevators: 20 } });
    expect(stages.simulation).toBeNull();
    expect(stages.assets.underpasses.map((u) => u.id)).toEqual(simulated.assets.underpasses.map((u) => u.id));
    expect([...stages.source.read('underpass.depth')].every(Number.isNaN)).toBe(true);
    expect([...stages.source.read('rain')].every(Number.isNaN)).toBe(true);
    expect([...stages.source.read('pump.state')].every((s) => s === PUMP_STATES.indexOf('offline'))).toBe(true);
    expect(stages.sourceStatus()).toEqual({ scenario: null, seed: 7, rainCells: 0 });
  });

  it('keeps to the wall clock whatever the speed, and opens no incident of its own', () => {
    const clock = { now: T0 };
    const { stages, city } = reportedCity(clock);
    clock.now = T0 + 30 * MIN + 400;
    const delta = city.tick();
    expect(delta.simTime).toBe(T0 + 30 * MIN);
    // No city life, no weather of its own, and no alarm for sensors that have never reported: a
    // registry's asset that has not reported yet is not yet a fault.
    expect(delta.events).toEqual([]);
    expect(stages.desk.openIncidents()).toEqual([]);
  });

  it('shows a reading from outside and runs the rules on it', () => {
    const clock = { now: T0 };
    const { stages, city } = reportedCity(clock);
    stages.incoming.push({ kind: 'underpass', channel: 'underpass.depth', slot: 3, tMs: T0, v: 32, late: false });
    clock.now = T0 + 1000;
    const delta = city.tick();
    expect(stages.source.read('underpass.depth')[3]).toBe(32);
    expect(delta.events.some((e) => e.type === 'alarm' && e.alarm.slot === 3 && e.alarm.severity === 'critical')).toBe(true);
    expect(delta.events.some((e) => e.type === 'closure')).toBe(true);
  });

  it('holds a reading from outside for its channel’s no-data interval, then reads no data rather than the last value', () => {
    const clock = { now: T0 };
    const { stages, city } = reportedCity(clock);
    stages.incoming.push({ kind: 'underpass', channel: 'underpass.depth', slot: 2, tMs: T0, v: 12, late: false });
    stages.incoming.push({ kind: 'pumpStation', channel: 'pump.state', slot: 4, tMs: T0, v: PUMP_STATES.indexOf('running'), late: false });
    clock.now = T0 + 9 * MIN;
    city.tick();
    expect(stages.source.read('underpass.depth')[2]).toBe(12);
    expect(stages.source.read('pump.state')[4]).toBe(PUMP_STATES.indexOf('running'));
    // The default rules' no-data interval for both is 10 minutes.
    clock.now = T0 + 10 * MIN + 1000;
    city.tick();
    expect(stages.source.read('underpass.depth')[2]).toBeNaN();
    expect(stages.source.read('pump.state')[4]).toBe(PUMP_STATES.indexOf('offline'));
  });

  it('raises a no-data alarm when a sensor that reported falls silent, and clears it when data resumes', () => {
    const clock = { now: T0 };
    const { stages, city } = reportedCity(clock);
    stages.incoming.push({ kind: 'underpass', channel: 'underpass.depth', slot: 1, tMs: T0, v: 0, late: false });
    clock.now = T0 + 10 * MIN;
    const silent = city.tick().events.flatMap((e) => (e.type === 'alarm' ? [e.alarm] : []));
    expect(silent.map((a) => `${a.trigger}:${a.slot}:${a.state}`)).toEqual(['frozen:1:active']);
    stages.incoming.push({ kind: 'underpass', channel: 'underpass.depth', slot: 1, tMs: T0 + 10 * MIN + 500, v: 0, late: false });
    clock.now = T0 + 10 * MIN + 1000;
    const resumed = city.tick().events.flatMap((e) => (e.type === 'alarm' ? [e.alarm] : []));
    expect(resumed.map((a) => `${a.trigger}:${a.slot}:${a.state}`)).toEqual(['frozen:1:cleared']);
  });

  it('reports no value for the city services only a simulator plays, rather than made-up figures', () => {
    const clock = { now: T0 };
    const { city } = reportedCity(clock);
    clock.now = T0 + 1000;
    const { vitals } = city.tick();
    const value = (id: string) => vitals.values[INDICATORS.findIndex((i) => i.id === id)];
    const services = ['city.hotline', 'city.hotspotCrowd', 'env.aqi', 'env.pm25', 'supply.powerLoad', 'supply.waterPressure', 'supply.gasPressure', 'supply.vegetables', 'traffic.railLoad'];
    for (const id of services) expect([id, value(id)]).toEqual([id, null]);
    // What the desk itself knows stays: no incidents open.
    expect(value('city.openIncidents')).toBe(0);
  });
});
