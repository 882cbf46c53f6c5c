/**
 * Random city life that becomes incidents: traffic accidents, power outages, elevator entrapments,
 * litter spotted by the AI patrol, muck-truck dumping. Rates follow the hour and the weather.
 */
import type { IncidentCategory } from '../../src/protocol/cityEvents';
import type { Rng } from './rng';

interface LifeRate {
  category: IncidentCategory;
  /** City-wide incidents per hour at the base rate. */
  perHour: number;
  /** Multiplier by Shanghai local hour (0–23). */
  byHour: (hour: number) => number;
  /** Extra multiplier per mm/h of city-mean rain. */
  perRainMmH: number;
}

const rush = (h: number) => (h >= 7 && h < 10) || (h >= 17 && h < 20);
const daytime = (h: number) => h >= 7 && h < 22;

export const CITY_LIFE_RATES: LifeRate[] = [
  { category: 'trafficAccident', perHour: 4, byHour: (h) => (rush(h) ? 2 : daytime(h) ? 1 : 0.4), perRainMmH: 0.15 },
  { category: 'powerOutage', perHour: 0.4, byHour: () => 1, perRainMmH: 0.25 },
  { category: 'elevatorEntrapment', perHour: 1.5, byHour: (h) => (daytime(h) ? 1.3 : 0.4), perRainMmH: 0 },
  // The AI patrol finds far more than this; the screen shows a city-wide sample.
  { category: 'litter', perHour: 6, byHour: (h) => (daytime(h) ? 1.4 : 0.2), perRainMmH: 0 },
  { category: 'muckDumping', perHour: 0.3, byHour: (h) => (h >= 22 || h < 5 ? 3 : 0.3), perRainMmH: 0 },
];

/** Categories that happen during this step; one draw per category per step. */
export function drawCityLife(rng: Rng, timeMs: number, dtS: number, cityMeanRainMmH: number): IncidentCategory[] {
  const hour = new Date(timeMs + 8 * 3_600_000).getUTCHours();
  const out: IncidentCategory[] = [];
  for (const rate of CITY_LIFE_RATES) {
    const perHour = rate.perHour * rate.byHour(hour) * (1 + rate.perRainMmH * cityMeanRainMmH);
    if (rng.next() < (perHour * dtS) / 3600) out.push(rate.category);
  }
  return out;
}
