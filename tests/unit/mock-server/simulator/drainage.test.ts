import { describe, expect, it } from 'vitest';
import type { CityAssets, PondingSite, PumpStation } from '../../../../mock-server/city/assets';
import { createDrainageState, stepDrainage } from '../../../../mock-server/simulator/drainage';
import { createRng } from '../../../../mock-server/simulator/rng';
import { PUMP_STATES } from '@/protocol/assets';

const pump: PumpStation = { id: 'PS', name: '泵站', nameEn: 'pump', district: 0, lon: 0, lat: 0, capacityM3s: 2, startLevel: 2, stopLevel: 0.8 };
const site = (s: number): PondingSite => ({ id: `UP${s}`, name: '', nameEn: '', district: 0, lon: 0, lat: 0, segment: 0, pump: 0, susceptibility: s });
const city = { pumpStations: [pump], underpasses: [site(1)], waterloggingPoints: [] } as unknown as CityAssets;
const rain = (mmH: number) => ({ pumps: Float64Array.of(mmH), underpasses: Float64Array.of(mmH), waterlog: new Float64Array(0) });
const RUNNING = PUMP_STATES.indexOf('running');
const STANDBY = PUMP_STATES.indexOf('standby');
const FAULT = PUMP_STATES.indexOf('fault');

describe('drainage', () => {
  it('starts the pumps at the start level and stops them at the stop level', () => {
    const s = createDrainageState(city);
    s.pumpLevel[0] = 1.9;
    const states: number[] = [];
    for (let t = 0; t < 3 * 360; t++) {
      stepDrainage(s, city, rain(t < 360 ? 30 : 0), t * 10_000, 10, createRng(t));
      if (s.pumpState[0] !== FAULT) states.push(s.pumpState[0]);
    }
    expect(states).toContain(RUNNING);
    expect(states.at(-1)).toBe(STANDBY);
    const firstRun = states.indexOf(RUNNING);
    expect(states.slice(firstRun).indexOf(STANDBY)).toBeGreaterThan(0);
  });

  it('keeps an underpass dry in light rain and floods it in a downpour', () => {
    const s = createDrainageState(city);
    for (let t = 0; t < 360; t++) stepDrainage(s, city, rain(20), t * 10_000, 10, createRng(1));
    expect(s.underpassDepth[0]).toBe(0);
    for (let t = 0; t < 180; t++) stepDrainage(s, city, rain(80), t * 10_000, 10, createRng(1));
    expect(s.underpassDepth[0]).toBeGreaterThan(25);
  });

  it('floods faster when the pump station is down, and levels off in the worst rain', () => {
    const ok = createDrainageState(city);
    const down = createDrainageState(city);
    down.pumpState[0] = FAULT;
    down.faultUntil[0] = Infinity;
    for (let t = 0; t < 60; t++) {
      stepDrainage(ok, city, rain(40), t * 10_000, 10, createRng(1));
      stepDrainage(down, city, rain(40), t * 10_000, 10, createRng(1));
    }
    expect(down.underpassDepth[0]).toBeGreaterThan(ok.underpassDepth[0]);
    const worst = createDrainageState(city);
    for (let t = 0; t < 6 * 360; t++) stepDrainage(worst, city, rain(150), t * 10_000, 10, createRng(1));
    expect(worst.underpassDepth[0]).toBeGreaterThan(50);
    expect(worst.underpassDepth[0]).toBeLessThan(150);
  });
});
