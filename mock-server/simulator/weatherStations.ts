/** Temperature and wind at the weather stations: season, time of day, the heat island, the weather of the day, and the rain. */
import type { WeatherStation } from '../city/assets';
import { hashNoise } from './rng';

/** Shanghai's monthly mean temperature, °C (1991–2020 normals, rounded). */
const MONTHLY_MEAN_C = [4.8, 6.5, 10.2, 15.7, 21.0, 24.9, 28.9, 28.6, 24.9, 19.6, 13.9, 7.4];
const DIURNAL_AMPLITUDE_C = 3.5;
const SHANGHAI_OFFSET_H = 8;

/**
 * Day-to-day swing of the whole city's temperature, °C: Shanghai's summer daily maxima scatter by
 * about 2 °C around the normal, so some days reach the 35 °C heat line and others stay well below.
 */
const SYNOPTIC_AMPLITUDE_C = 2.5;
const DAY_MS = 86_400_000;

/**
 * The weather of the day as a smooth temperature anomaly, °C in ±{@link SYNOPTIC_AMPLITUDE_C}: one
 * stateless value per Shanghai day (a hash of the seed and the day), eased from one day into the next.
 */
export function synopticAnomalyC(seed: number, timeMs: number): number {
  const days = (timeMs + SHANGHAI_OFFSET_H * 3_600_000) / DAY_MS;
  const day = Math.floor(days);
  const u = days - day;
  const ease = u * u * (3 - 2 * u);
  const a = hashNoise(seed, 9001, day);
  const b = hashNoise(seed, 9001, day + 1);
  return SYNOPTIC_AMPLITUDE_C * (a + (b - a) * ease);
}

/** Air temperature at a station, °C; `anomalyC` is the day's {@link synopticAnomalyC}. */
export function temperatureAt(station: WeatherStation, timeMs: number, localRainMmH: number, anomalyC = 0): number {
  const local = new Date(timeMs + SHANGHAI_OFFSET_H * 3_600_000);
  const month = local.getUTCMonth();
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  // Warmest around 14:00, coolest before dawn.
  const diurnal = DIURNAL_AMPLITUDE_C * Math.cos((2 * Math.PI * (hour - 14)) / 24);
  // Rain cools the air, up to about 5 °C in a downpour.
  const rainCooling = Math.min(5, 0.15 * localRainMmH);
  return MONTHLY_MEAN_C[month] + diurnal + anomalyC + station.tempOffsetC - rainCooling;
}

/** Mean wind, m/s: a light breeze that freshens under convective cells (gust fronts). */
export function windAt(timeMs: number, localRainMmH: number, noise: number): number {
  const hour = ((timeMs / 3_600_000 + SHANGHAI_OFFSET_H) % 24 + 24) % 24;
  const base = 2.5 + 1.2 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
  return Math.max(0, base + Math.min(15, 0.12 * localRainMmH) + 0.5 * noise);
}
