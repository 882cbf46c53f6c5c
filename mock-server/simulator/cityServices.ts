/**
 * The city services the map does not draw but the vital signs report: the 12345 hotline, crowds at
 * the hotspots, air quality, power, water and gas supply, vegetable arrivals and the metro. Each is a
 * pure, stateless function of simulated time, the weather and the city state (plus stateless hash
 * noise), so a value at a simulated time does not depend on how often it was computed.
 *
 * The figures are plausible orders of magnitude for Shanghai, not data: where a constant is an
 * assumption, its comment says so.
 */
import { hashNoise } from './rng';

/** What the services respond to, summarised from the simulated city by the caller. */
export interface CityConditions {
  /** Simulated epoch ms. */
  timeMs: number;
  seed: number;
  /** Mean rain over the rain gauges, mm/h. */
  meanRainMmH: number;
  /** Mean air temperature over the weather stations, °C. */
  meanTempC: number;
  /** Highest active weather warning: 0 none, 1 blue … 4 red. */
  warningLevel: number;
  /** Incidents not yet resolved. */
  openIncidents: number;
  /** Power-outage incidents not yet resolved. */
  openOutages: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Shanghai local time: fractional hour, day number since the epoch, weekday (0 = Sunday), month (0–11). */
export function localClock(timeMs: number): { hour: number; day: number; weekday: number; month: number } {
  const local = timeMs + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const hour = (local - day * DAY_MS) / 3_600_000;
  const date = new Date(local);
  return { hour, day, weekday: date.getUTCDay(), month: date.getUTCMonth() };
}

const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

/** Piecewise-linear daily profile: [hour, value] knots from 0 to 24. */
export type DailyProfile = readonly (readonly [number, number])[];

export function profileAt(knots: DailyProfile, hour: number): number {
  for (let i = 1; i < knots.length; i++) {
    const [h1, v1] = knots[i];
    if (hour <= h1) {
      const [h0, v0] = knots[i - 1];
      return h1 === h0 ? v1 : v0 + ((hour - h0) / (h1 - h0)) * (v1 - v0);
    }
  }
  return knots[knots.length - 1][1];
}

/**
 * Noise in [-1, 1) that drifts smoothly from one Shanghai day to the next (an eased blend of one hash
 * per day): the "kind of day" a market, a grid or the air is having.
 */
export function dayNoise(seed: number, stream: number, timeMs: number): number {
  const days = (timeMs + SHANGHAI_OFFSET_MS) / DAY_MS;
  const day = Math.floor(days);
  const u = days - day;
  const ease = u * u * (3 - 2 * u);
  const a = hashNoise(seed, stream, day);
  const b = hashNoise(seed, stream, day + 1);
  return a + (b - a) * ease;
}

/** Noise in [-1, 1) redrawn every `bucketMs`: the minute-to-minute wobble of a live figure. */
const bucketNoise = (seed: number, stream: number, timeMs: number, bucketMs: number) => hashNoise(seed, stream, Math.floor(timeMs / bucketMs));

// Noise streams, so each service varies on its own.
const STREAM = { hotline: 8101, hotlineDay: 8102, crowd: 8201, pm: 8301, o3: 8302, power: 8401, water: 8501, gas: 8601, veg: 8701, rail: 8801 } as const;
const FIVE_MIN = 5 * 60_000;

// ─── 12345 hotline ────────────────────────────────────────────────────────────────────────────────

/**
 * Calls per hour at the busiest hour of an ordinary weekday. Assumption: Shanghai's 12345 takes on the
 * order of 30,000 calls a day; with the profile below that puts the mid-morning peak near 2,400/h.
 */
export const HOTLINE_PEAK_PER_HOUR = 2400;
/** Share of the peak by local hour: quiet nights, a mid-morning peak, a dip at lunch, a long afternoon. */
const HOTLINE_PROFILE: DailyProfile = [
  [0, 0.14], [6, 0.1], [8, 0.55], [9.5, 1], [11.5, 0.95], [12.5, 0.7], [14, 0.95], [16.5, 0.85], [18, 0.6], [21, 0.42], [24, 0.14],
];
/** Extra calls per mm/h of city-mean rain (leaks, flooded streets), capped at +60 %. */
const HOTLINE_RAIN_SHARE = 0.04;
/** People call about what they see: calls per hour per open incident, and per open power outage. */
const HOTLINE_PER_INCIDENT = 4;
const HOTLINE_PER_OUTAGE = 60;

/** 12345 hotline calls per hour. */
export function hotlineCallsPerHour(c: CityConditions): number {
  const { hour, weekday } = localClock(c.timeMs);
  const base = HOTLINE_PEAK_PER_HOUR * profileAt(HOTLINE_PROFILE, hour) * (isWeekend(weekday) ? 0.8 : 1);
  const weather = 1 + Math.min(0.6, HOTLINE_RAIN_SHARE * c.meanRainMmH) + 0.05 * c.warningLevel;
  const noise = 1 + 0.08 * dayNoise(c.seed, STREAM.hotlineDay, c.timeMs) + 0.05 * bucketNoise(c.seed, STREAM.hotline, c.timeMs, FIVE_MIN);
  return Math.max(0, base * weather * noise + HOTLINE_PER_INCIDENT * c.openIncidents + HOTLINE_PER_OUTAGE * c.openOutages);
}

// ─── Crowds at the hotspots ──────────────────────────────────────────────────────────────────────

export interface Hotspot {
  id: string;
  name: string;
  nameEn: string;
  /** Occupancy as a share of the safe capacity by local hour, on an ordinary weekday. */
  profile: DailyProfile;
  /** Weekend and holiday multiplier. */
  weekend: number;
  /** Share of the crowd kept in heavy rain (outdoor places empty, indoor ones barely change). */
  keptInRain: number;
}

/**
 * A handful of the places the city watches for crowding. The profiles are assumptions shaped on how
 * these places are used: the Bund and Lujiazui peak with the evening lights, Nanjing Road through the
 * shopping afternoon and evening, the Hongqiao hub with the commuter and flight peaks, Disney in the
 * early afternoon (closed at night).
 */
export const HOTSPOTS: readonly Hotspot[] = [
  { id: 'bund', name: '外滩', nameEn: 'The Bund', profile: [[0, 0.08], [6, 0.04], [10, 0.3], [14, 0.38], [18, 0.45], [20.5, 0.68], [22.5, 0.35], [24, 0.08]], weekend: 1.35, keptInRain: 0.35 },
  { id: 'nanjingRoad', name: '南京路步行街', nameEn: 'Nanjing Road', profile: [[0, 0.05], [7, 0.03], [10, 0.25], [14, 0.5], [16, 0.55], [20, 0.62], [22.5, 0.25], [24, 0.05]], weekend: 1.3, keptInRain: 0.55 },
  { id: 'lujiazui', name: '陆家嘴', nameEn: 'Lujiazui', profile: [[0, 0.05], [7, 0.12], [9, 0.45], [12.5, 0.55], [15, 0.4], [19.5, 0.6], [22.5, 0.2], [24, 0.05]], weekend: 1.15, keptInRain: 0.5 },
  { id: 'xujiahui', name: '徐家汇', nameEn: 'Xujiahui', profile: [[0, 0.04], [8, 0.15], [12, 0.42], [15, 0.5], [19, 0.56], [22, 0.2], [24, 0.04]], weekend: 1.25, keptInRain: 0.8 },
  { id: 'yuyuan', name: '豫园', nameEn: 'Yuyuan Garden', profile: [[0, 0.02], [8, 0.1], [11, 0.5], [14.5, 0.6], [18, 0.4], [21, 0.3], [22.5, 0.05], [24, 0.02]], weekend: 1.4, keptInRain: 0.4 },
  { id: 'hongqiaoHub', name: '虹桥枢纽', nameEn: 'Hongqiao hub', profile: [[0, 0.08], [6, 0.2], [8.5, 0.62], [11, 0.45], [14, 0.45], [17.5, 0.66], [20, 0.45], [23, 0.15], [24, 0.08]], weekend: 1.1, keptInRain: 1.05 },
  { id: 'disney', name: '上海迪士尼度假区', nameEn: 'Shanghai Disney Resort', profile: [[0, 0], [7.5, 0], [9, 0.3], [13.5, 0.62], [17, 0.55], [20.5, 0.4], [21.5, 0.05], [22, 0], [24, 0]], weekend: 1.3, keptInRain: 0.45 },
];

/** Mean rain (mm/h) at which a hotspot keeps only its `keptInRain` share of people. */
const CROWD_RAIN_FULL_EFFECT_MM_H = 10;

/** Occupancy of each hotspot, % of its safe capacity, in {@link HOTSPOTS} order. */
export function hotspotOccupancy(c: CityConditions): number[] {
  const { hour, weekday } = localClock(c.timeMs);
  const rain = Math.min(1, Math.max(0, c.meanRainMmH) / CROWD_RAIN_FULL_EFFECT_MM_H);
  return HOTSPOTS.map((h, k) => {
    const share = profileAt(h.profile, hour) * (isWeekend(weekday) ? h.weekend : 1);
    const weather = 1 + (h.keptInRain - 1) * rain;
    const noise = 1 + 0.06 * bucketNoise(c.seed, STREAM.crowd + k * 17, c.timeMs, FIVE_MIN);
    return Math.max(0, 100 * share * weather * noise);
  });
}

// ─── Air quality (HJ 633-2012) ──────────────────────────────────────────────────────────────────

/** Shanghai's monthly mean PM2.5, µg/m³ (recent years, rounded): winter haze, clean summers. */
const MONTHLY_PM25 = [46, 42, 36, 32, 28, 24, 18, 19, 20, 25, 32, 40];
/** Below-cloud scavenging: PM2.5 falls to 1/(1 + rain/this) in rain of that many mm/h. */
const PM_WASHOUT_MM_H = 6;
/**
 * Ozone, 1-hour µg/m³: a background plus photochemistry that grows with temperature above
 * {@link O3_BASE_C} and with sunshine (peaking mid-afternoon, as ozone lags the sun), cut by cloud and
 * rain. Tuned so a 33 °C summer afternoon reads ~180 µg/m³ (AQI ~75) and a 37–38 °C one passes 200
 * (AQI > 100), as Shanghai summers do.
 */
const O3_BACKGROUND = 40;
const O3_BASE_C = 18;
const O3_PER_DEGREE = 9.5;
const O3_CLOUD_MM_H = 4;

/** IAQI breakpoints (HJ 633-2012): concentration → sub-index, linear between. */
const IAQI = [0, 50, 100, 150, 200, 300, 400, 500];
const PM25_BREAKS = [0, 35, 75, 115, 150, 250, 350, 500];
const O3_1H_BREAKS = [0, 160, 200, 300, 400, 800, 1000, 1200];

export function iaqi(concentration: number, breaks: readonly number[]): number {
  if (!(concentration > 0)) return 0;
  for (let k = 1; k < breaks.length; k++) {
    if (concentration <= breaks[k]) return IAQI[k - 1] + ((IAQI[k] - IAQI[k - 1]) * (concentration - breaks[k - 1])) / (breaks[k] - breaks[k - 1]);
  }
  return 500;
}

export interface AirQuality {
  /** PM2.5, µg/m³. */
  pm25: number;
  /** Ozone, 1-hour, µg/m³. */
  o3: number;
  /** The AQI: the larger of the two sub-indices, as the real-time AQI takes the worst pollutant. */
  aqi: number;
  primary: 'pm25' | 'o3';
}

/** City-mean air quality now. */
export function airQuality(c: CityConditions): AirQuality {
  const { hour, month } = localClock(c.timeMs);
  const rain = Math.max(0, c.meanRainMmH);
  // Two bumps a day: the morning rush and the shallow night-time boundary layer.
  const diurnal = 1 + 0.15 * Math.cos((2 * Math.PI * (hour - 9)) / 12);
  // Some days are stagnant, some windy: a day factor of about ×0.6 to ×1.7.
  const episode = Math.exp(0.5 * dayNoise(c.seed, STREAM.pm, c.timeMs));
  const pm25 = (MONTHLY_PM25[month] * diurnal * episode) / (1 + rain / PM_WASHOUT_MM_H);
  const sun = hour > 8 && hour < 21 ? Math.sin((Math.PI * (hour - 8)) / 13) ** 1.5 : 0;
  const o3 = O3_BACKGROUND + (O3_PER_DEGREE * Math.max(0, c.meanTempC - O3_BASE_C) * sun * (1 + 0.1 * dayNoise(c.seed, STREAM.o3, c.timeMs))) / (1 + rain / O3_CLOUD_MM_H);
  const pmIndex = iaqi(pm25, PM25_BREAKS);
  const o3Index = iaqi(o3, O3_1H_BREAKS);
  return { pm25, o3, aqi: Math.max(pmIndex, o3Index), primary: pmIndex >= o3Index ? 'pm25' : 'o3' };
}

// ─── Power ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Power the grid can supply (local generation plus imports), GW. Assumption: Shanghai's summer
 * peak load has reached about 40 GW, so the summer supply is planned a little above that.
 */
export const POWER_CAPACITY_GW = 42;
/** Load without heating or cooling at the busiest hour, GW, and its daily shape. */
const POWER_BASE_GW = 27;
const POWER_PROFILE: DailyProfile = [[0, 0.72], [4, 0.64], [7, 0.78], [9, 0.95], [11, 1], [12.5, 0.93], [14.5, 1], [17, 0.97], [20, 0.98], [22, 0.88], [24, 0.72]];
/** Air conditioning: GW per °C of city-mean temperature above {@link COOLING_FROM_C}. */
const COOLING_GW_PER_C = 0.9;
const COOLING_FROM_C = 26;
/** Heating: GW per °C below {@link HEATING_FROM_C}. */
const HEATING_GW_PER_C = 0.5;
const HEATING_FROM_C = 10;

/** Grid load, GW. */
export function powerLoadGw(c: CityConditions): number {
  const { hour, weekday } = localClock(c.timeMs);
  const base = POWER_BASE_GW * profileAt(POWER_PROFILE, hour) * (isWeekend(weekday) ? 0.9 : 1);
  const t = c.meanTempC;
  const climate = COOLING_GW_PER_C * Math.max(0, t - COOLING_FROM_C) + HEATING_GW_PER_C * Math.max(0, HEATING_FROM_C - t);
  return Math.max(0, (base + climate) * (1 + 0.015 * bucketNoise(c.seed, STREAM.power, c.timeMs, FIVE_MIN)));
}

// ─── Water ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Mean service pressure in the distribution network, MPa. It sits near the night value and sags as
 * demand rises: the morning wash (07–08) and the evening cooking and bathing peak (19–21) pull it
 * down. Shanghai's network is run to stay above about 0.16 MPa at the customer (the alarm band).
 */
const WATER_NIGHT_MPA = 0.28;
const WATER_PEAK_DROP_MPA = 0.07;
const WATER_DEMAND: DailyProfile = [[0, 0.35], [4, 0.2], [6, 0.55], [7.5, 1], [9, 0.7], [11.5, 0.75], [14, 0.6], [17, 0.7], [20, 0.95], [22, 0.6], [24, 0.35]];
/** Hot weather drinks and showers more: MPa lost per °C of city-mean temperature above 30 °C. */
const WATER_HEAT_DROP_MPA_PER_C = 0.004;

export function waterSupplyPressureMpa(c: CityConditions): number {
  const { hour } = localClock(c.timeMs);
  const demand = profileAt(WATER_DEMAND, hour);
  const heat = WATER_HEAT_DROP_MPA_PER_C * Math.max(0, c.meanTempC - 30);
  return WATER_NIGHT_MPA - WATER_PEAK_DROP_MPA * demand - heat + 0.004 * bucketNoise(c.seed, STREAM.water, c.timeMs, FIVE_MIN);
}

// ─── Gas ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Pressure in the city's medium-pressure gas network, MPa (the A-grade network runs at 0.2–0.4).
 * It dips at the cooking peaks (11–12, 17–19) and, in winter, with heating demand.
 */
const GAS_NOMINAL_MPA = 0.34;
const GAS_PEAK_DROP_MPA = 0.05;
const GAS_DEMAND: DailyProfile = [[0, 0.2], [5, 0.15], [7, 0.55], [8, 0.45], [11, 0.9], [12, 0.8], [14, 0.4], [17.5, 1], [19, 0.85], [21, 0.45], [24, 0.2]];
const GAS_HEATING_DROP_MPA_PER_C = 0.004;
const GAS_HEATING_FROM_C = 12;

export function gasPressureMpa(c: CityConditions): number {
  const { hour } = localClock(c.timeMs);
  const heating = GAS_HEATING_DROP_MPA_PER_C * Math.max(0, GAS_HEATING_FROM_C - c.meanTempC);
  return GAS_NOMINAL_MPA - GAS_PEAK_DROP_MPA * profileAt(GAS_DEMAND, hour) - heating + 0.003 * bucketNoise(c.seed, STREAM.gas, c.timeMs, FIVE_MIN);
}

// ─── Vegetables ─────────────────────────────────────────────────────────────────────────────────

/**
 * Vegetables arriving at the main wholesale markets (Jiangqiao, Xijiao, Shanghai Agricultural
 * Products Centre) on an ordinary day, tonnes. Assumption: the order of 20,000 t a day.
 */
export const VEGETABLES_TYPICAL_T = 20_000;
/** Share of arrivals lost while a weather warning of each level (none, blue … red) disrupts the roads. */
const VEGETABLE_WARNING_LOSS = [0, 0.02, 0.06, 0.15, 0.25];

/** Arrivals over the last 24 hours, tonnes (the markets report daily; warnings delay the lorries). */
export function vegetableArrivalsT(c: CityConditions): number {
  const level = Math.max(0, Math.min(4, Math.round(c.warningLevel)));
  return VEGETABLES_TYPICAL_T * (1 + 0.07 * dayNoise(c.seed, STREAM.veg, c.timeMs)) * (1 - VEGETABLE_WARNING_LOSS[level]);
}

// ─── Metro ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Load factor of the busiest line sections, % of rated capacity (6 standing per m²), by local hour
 * on a weekday: the metro closes around 23:30 and opens at 05:30; the morning peak is the sharpest.
 */
const RAIL_PROFILE: DailyProfile = [
  [0, 0], [5.4, 0], [5.5, 0.1], [7, 0.72], [8.25, 0.95], [9.5, 0.58], [12, 0.38], [16.5, 0.48], [17.75, 0.88], [19, 0.55], [21, 0.3], [23.4, 0.12], [23.5, 0], [24, 0],
];
const RAIL_PEAK_PCT = 100;
/** Rain moves people from bikes, scooters and cars onto the metro: +1.5 % per mm/h, up to +15 %. */
const RAIL_RAIN_SHARE = 0.015;

export function railLoadPct(c: CityConditions): number {
  const { hour, weekday } = localClock(c.timeMs);
  const share = profileAt(RAIL_PROFILE, hour);
  if (share === 0) return 0;
  const weekend = isWeekend(weekday) ? 0.7 : 1;
  const rain = 1 + Math.min(0.15, RAIL_RAIN_SHARE * Math.max(0, c.meanRainMmH));
  return RAIL_PEAK_PCT * share * weekend * rain * (1 + 0.03 * bucketNoise(c.seed, STREAM.rail, c.timeMs, FIVE_MIN));
}
