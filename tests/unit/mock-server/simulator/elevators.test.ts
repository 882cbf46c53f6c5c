import { describe, expect, it } from 'vitest';
import { ELEVATOR_STATES } from '@/protocol/assets';
import type { ElevatorFleet } from '../../../../mock-server/city/placeElevators';
import { createElevatorModel, measureElevators } from '../../../../mock-server/simulator/elevators';

const N = 40_000;
const fleet = (use: number): ElevatorFleet => ({ count: N, lonLat: new Float32Array(N * 2), district: new Uint8Array(N), use: new Uint8Array(N).fill(use) });
const at = (local: string) => Date.parse(`${local}+08:00`);
const share = (states: Uint8Array, state: (typeof ELEVATOR_STATES)[number]) => states.filter((s) => s === ELEVATOR_STATES.indexOf(state)).length / states.length;

function statesAt(use: number, time: number, trapped: number[] = []): Uint8Array {
  const out = new Uint8Array(N);
  measureElevators(createElevatorModel(fleet(use), 11), time, trapped, out);
  return out;
}

describe('elevator states', () => {
  it('office cars run by day and rest at night', () => {
    const day = share(statesAt(1, at('2026-07-15T10:30:00')), 'running');
    const night = share(statesAt(1, at('2026-07-15T03:30:00')), 'running');
    expect(day).toBeGreaterThan(0.35);
    expect(night).toBeLessThan(0.1);
  });

  it('keeps faults and lost contact rare, and maintenance to working hours', () => {
    const noon = statesAt(0, at('2026-07-15T11:00:00'));
    expect(share(noon, 'fault')).toBeLessThan(0.003);
    expect(share(noon, 'offline')).toBeGreaterThan(0.001);
    expect(share(noon, 'offline')).toBeLessThan(0.01);
    // Each car once in 15 days for 1.5 of the 7 hours' start window: ~1 % of cars at any working hour.
    expect(share(noon, 'maintenance')).toBeGreaterThan(0.003);
    expect(share(statesAt(0, at('2026-07-15T02:00:00')), 'maintenance')).toBe(0);
  });

  it('marks the cars with an open entrapment as trapped', () => {
    const states = statesAt(0, at('2026-07-15T11:00:00'), [5, 17, N + 3]);
    expect(states[5]).toBe(ELEVATOR_STATES.indexOf('trapped'));
    expect(states[17]).toBe(ELEVATOR_STATES.indexOf('trapped'));
    expect(share(states, 'trapped')).toBe(2 / N);
  });

  it('is a function of time: the same moment reads the same, and a second later only some cars change', () => {
    const t = at('2026-07-15T08:15:00');
    expect(statesAt(0, t)).toEqual(statesAt(0, t));
    const a = statesAt(0, t);
    const b = statesAt(0, t + 1000);
    let changed = 0;
    for (let i = 0; i < N; i++) if (a[i] !== b[i]) changed++;
    // Trips of ~40 s: a few per cent of cars change state each second, never most of them.
    expect(changed / N).toBeGreaterThan(0.005);
    expect(changed / N).toBeLessThan(0.05);
  });
});

describe('entrapments in a city with an elevator feed', () => {
  it('happen in one of its elevators, which reads trapped until the incident ends', async () => {
    const { loadCityGeo } = await import('../../../../mock-server/city/cityGeo');
    const { createCityStages } = await import('../../../../mock-server/pipeline/cityStages');
    const { LiveCity } = await import('../../../../mock-server/pipeline/liveCity');
    const stages = createCityStages(loadCityGeo(), { seed: 5, startTime: at('2026-07-15T09:00:00'), scenario: 'calm', roadGridKm: 2, counts: { elevators: 5_000 } });
    const city = new LiveCity(stages, { tickMs: 1000, speed: 60 });
    for (let hour = 0; hour < 6; hour++) {
      const entrapment = city.advance(3600).events.find((e) => e.type === 'incident' && e.incident.category === 'elevatorEntrapment' && e.incident.status === 'new');
      if (!entrapment || entrapment.type !== 'incident') continue;
      const { incident } = entrapment;
      expect(incident.assetKind).toBe('elevator');
      const slot = incident.assetSlot!;
      expect([incident.lon, incident.lat]).toEqual([stages.assets.elevators.lonLat[slot * 2], stages.assets.elevators.lonLat[slot * 2 + 1]]);
      if (!stages.desk.get(incident.id)) continue; // already resolved within the hour
      // As the sensors report it and as the frame published it.
      expect(stages.source.read('elevator.state')[slot]).toBe(ELEVATOR_STATES.indexOf('trapped'));
      expect(city.feed.readings['elevator.state'][slot]).toBe(ELEVATOR_STATES.indexOf('trapped'));
      return;
    }
    throw new Error('no open entrapment in six simulated hours');
  }, 60_000);
});
