import { describe, expect, it } from 'vitest';
import {
  airQuality,
  gasPressureMpa,
  HOTSPOTS,
  hotlineCallsPerHour,
  hotspotOccupancy,
  iaqi,
  localClock,
  POWER_CAPACITY_GW,
  powerLoadGw,
  railLoadPct,
  vegetableArrivalsT,
  VEGETABLES_TYPICAL_T,
  waterSupplyPressureMpa,
  type CityConditions,
} from '../../../../mock-server/simulator/cityServices';

/** Wednesday 15 July 2026, Shanghai time. */
const at = (hhmm: string, date = '2026-07-15') => Date.parse(`${date}T${hhmm}:00+08:00`);
const cond = (timeMs: number, over: Partial<CityConditions> = {}): CityConditions => ({
  timeMs,
  seed: 20260701,
  meanRainMmH: 0,
  meanTempC: 30,
  warningLevel: 0,
  openIncidents: 0,
  openOutages: 0,
  ...over,
});
const hotspot = (id: string, values: number[]) => values[HOTSPOTS.findIndex((h) => h.id === id)];

describe('city services', () => {
  it('reads Shanghai local time', () => {
    expect(localClock(at('08:30'))).toMatchObject({ hour: 8.5, weekday: 3, month: 6 });
    expect(localClock(at('23:59', '2026-07-18')).weekday).toBe(6);
  });

  it('is a pure function of its inputs', () => {
    const c = cond(at('10:00'), { meanRainMmH: 3 });
    expect(hotlineCallsPerHour(c)).toBe(hotlineCallsPerHour({ ...c }));
    expect(airQuality(c)).toEqual(airQuality({ ...c }));
    expect(hotspotOccupancy(c)).toEqual(hotspotOccupancy({ ...c }));
    // Another seed, another day's noise.
    expect(vegetableArrivalsT(c)).not.toBe(vegetableArrivalsT({ ...c, seed: 7 }));
  });

  it('rings the 12345 hotline most in the morning, more in rain and with incidents and outages open', () => {
    const morning = hotlineCallsPerHour(cond(at('10:00')));
    const night = hotlineCallsPerHour(cond(at('03:00')));
    expect(morning).toBeGreaterThan(1800);
    expect(morning).toBeLessThan(3000);
    expect(night).toBeLessThan(morning / 4);
    expect(hotlineCallsPerHour(cond(at('10:00'), { meanRainMmH: 10 }))).toBeGreaterThan(morning * 1.25);
    expect(hotlineCallsPerHour(cond(at('10:00'), { openIncidents: 50, openOutages: 5 }))).toBeCloseTo(morning + 4 * 50 + 60 * 5, 6);
    expect(hotlineCallsPerHour(cond(at('10:00', '2026-07-18')))).toBeLessThan(morning);
  });

  it('fills the hotspots by their hours, more at weekends, and empties outdoor ones in rain', () => {
    const evening = hotspotOccupancy(cond(at('20:30')));
    expect(hotspot('bund', evening)).toBeGreaterThan(55);
    expect(hotspot('disney', hotspotOccupancy(cond(at('02:00'))))).toBe(0);
    const weekend = hotspotOccupancy(cond(at('20:30', '2026-07-18')));
    expect(hotspot('bund', weekend)).toBeGreaterThan(hotspot('bund', evening) * 1.2);
    const wet = hotspotOccupancy(cond(at('20:30'), { meanRainMmH: 12 }));
    expect(hotspot('bund', wet)).toBeLessThan(hotspot('bund', evening) * 0.5);
    expect(hotspot('hongqiaoHub', wet)).toBeGreaterThanOrEqual(hotspot('hongqiaoHub', evening) * 0.95);
    for (const v of [...evening, ...weekend, ...wet]) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('computes sub-indices on the HJ 633 breakpoints', () => {
    expect(iaqi(0, [0, 35, 75, 115, 150, 250, 350, 500])).toBe(0);
    expect(iaqi(35, [0, 35, 75, 115, 150, 250, 350, 500])).toBe(50);
    expect(iaqi(55, [0, 35, 75, 115, 150, 250, 350, 500])).toBe(75);
    expect(iaqi(75, [0, 35, 75, 115, 150, 250, 350, 500])).toBe(100);
    expect(iaqi(900, [0, 35, 75, 115, 150, 250, 350, 500])).toBe(500);
  });

  it('has ozone-driven summer afternoons, PM2.5-driven winter mornings, and rain that cleans the air', () => {
    const hot = airQuality(cond(at('14:30'), { meanTempC: 38 }));
    expect(hot.primary).toBe('o3');
    expect(hot.aqi).toBeGreaterThan(100);
    expect(airQuality(cond(at('14:30'), { meanTempC: 38, meanRainMmH: 10 })).aqi).toBeLessThan(hot.aqi * 0.6);
    const winter = airQuality(cond(at('09:00', '2026-01-14'), { meanTempC: 4 }));
    expect(winter.primary).toBe('pm25');
    expect(winter.pm25).toBeGreaterThan(airQuality(cond(at('09:00'))).pm25);
    const dry = airQuality(cond(at('09:00', '2026-01-14'), { meanTempC: 4 }));
    const wet = airQuality(cond(at('09:00', '2026-01-14'), { meanTempC: 4, meanRainMmH: 6 }));
    expect(wet.pm25).toBeCloseTo(dry.pm25 / 2, 6);
  });

  it('loads the grid with the heat and the hour, within the supply capacity of an ordinary summer day', () => {
    const afternoon = powerLoadGw(cond(at('14:30'), { meanTempC: 34 }));
    expect(afternoon).toBeGreaterThan(30);
    expect(afternoon).toBeLessThan(POWER_CAPACITY_GW * 0.9);
    expect(powerLoadGw(cond(at('14:30'), { meanTempC: 37 }))).toBeGreaterThan(afternoon + 2);
    expect(powerLoadGw(cond(at('04:00'), { meanTempC: 27 }))).toBeLessThan(afternoon * 0.7);
    expect(powerLoadGw(cond(at('09:00', '2026-01-14'), { meanTempC: 2 }))).toBeGreaterThan(powerLoadGw(cond(at('09:00', '2026-01-14'), { meanTempC: 10 })));
  });

  it('lets water pressure sag at the morning and evening peaks and in the heat, above the 0.16 MPa floor', () => {
    const night = waterSupplyPressureMpa(cond(at('03:00')));
    const morning = waterSupplyPressureMpa(cond(at('07:30')));
    const evening = waterSupplyPressureMpa(cond(at('20:00')));
    expect(morning).toBeLessThan(night - 0.04);
    expect(evening).toBeLessThan(night - 0.04);
    expect(Math.min(morning, evening)).toBeGreaterThan(0.19);
    expect(waterSupplyPressureMpa(cond(at('20:00'), { meanTempC: 36 }))).toBeLessThan(evening - 0.015);
  });

  it('lets gas pressure dip at mealtimes and in the winter cold', () => {
    const night = gasPressureMpa(cond(at('03:00')));
    expect(gasPressureMpa(cond(at('17:30')))).toBeLessThan(night - 0.03);
    expect(gasPressureMpa(cond(at('17:30'), { meanTempC: 0 }))).toBeLessThan(gasPressureMpa(cond(at('17:30'))) - 0.03);
    expect(night).toBeLessThanOrEqual(0.4);
  });

  it('brings vegetables near the typical daily volume, fewer under severe warnings', () => {
    const normal = vegetableArrivalsT(cond(at('06:00')));
    expect(Math.abs(normal / VEGETABLES_TYPICAL_T - 1)).toBeLessThanOrEqual(0.07);
    expect(vegetableArrivalsT(cond(at('06:00'), { warningLevel: 4 }))).toBeCloseTo(normal * 0.75, 6);
    expect(vegetableArrivalsT(cond(at('06:00'), { warningLevel: 1 }))).toBeLessThan(normal);
  });

  it('loads the metro at the rush hours, more in rain, less at weekends, and not at all at night', () => {
    expect(railLoadPct(cond(at('02:00')))).toBe(0);
    const rush = railLoadPct(cond(at('08:15')));
    expect(rush).toBeGreaterThan(88);
    expect(rush).toBeLessThan(100);
    expect(railLoadPct(cond(at('13:00')))).toBeLessThan(rush / 2);
    expect(railLoadPct(cond(at('08:15'), { meanRainMmH: 15 }))).toBeGreaterThan(100);
    expect(railLoadPct(cond(at('08:15', '2026-07-18')))).toBeLessThan(rush * 0.75);
  });
});
