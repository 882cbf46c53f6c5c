/**
 * Computes every vital-sign indicator from the state the map shows: the readings the live feed last
 * published, the alarm engine's active alarms, the desk's incidents, the warning office's warnings and
 * rain totals, and the city services (cityServices.ts) that the map does not draw. One pass over each
 * channel per call; values are rounded to the indicator's display digits, so the wall screen, the API
 * and the bands all see the same number.
 */
import { PUMP_STATES } from '../../src/protocol/assets';
import { OPEN_STATUSES, type Alarm, type Incident } from '../../src/protocol/cityEvents';
import type { IndicatorSpec, VitalsFrame } from '../../src/protocol/vitals';
import { WARNING_LEVELS, type WeatherWarning } from '../../src/protocol/weatherWarnings';
import { cityCongestionIndexOf } from '../../src/domain/congestion';
import { UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from '../../src/domain/thresholds';
import {
  airQuality,
  gasPressureMpa,
  hotlineCallsPerHour,
  hotspotOccupancy,
  powerLoadGw,
  railLoadPct,
  vegetableArrivalsT,
  waterSupplyPressureMpa,
  type CityConditions,
} from '../simulator/cityServices';
import type { Readings } from '../simulator/measure';
import { P1_CATEGORIES } from './indicatorCatalogue';

export interface VitalsInputs {
  /** Simulated epoch ms of the readings. */
  timeMs: number;
  seed: number;
  /** The readings as published (feed.current()). */
  readings: Readonly<Readings>;
  /** Length of each road segment, km, in slot order. */
  roadLengthKm: ArrayLike<number>;
  /** Active alarms (frozen-sensor alarms included). */
  alarms: readonly Alarm[];
  /** The desk's incidents not yet closed. */
  incidents: readonly Incident[];
  /** Active weather warnings. */
  warnings: readonly WeatherWarning[];
  /** Largest 1-hour rain total at any gauge, mm (the warning office's totals). */
  maxRain1hMm: number;
  /** Incidents opened in the last hour. */
  incidentsLastHour: number;
}

const RUNNING = PUMP_STATES.indexOf('running');
const FAULT = PUMP_STATES.indexOf('fault');
/** Segments at or above this index count as congested (moderate or severe). */
const CONGESTED_INDEX = 6;

/** Not yet resolved: what the map draws as an open incident. */
export const isOpen = (i: Incident) => OPEN_STATUSES.includes(i.status);

/** Everything the indicators need, gathered in one pass per source. */
interface Summary {
  rainMax: number;
  rainMean: number;
  tempMax: number;
  tempMean: number;
  trafficIndex: number;
  meanSpeed: number;
  congestedShare: number;
  closedSegments: number;
  pumpsRunningPct: number;
  pumpsFaulty: number;
  underpassesOver: number;
  waterlogOver: number;
  open: number;
  openByCategory: Map<Incident['category'], number>;
  p1Waiting: number;
  waterOverWarning: number;
  frozen: number;
  warningLevel: number;
  services: CityConditions;
}

function finiteStats(values: ArrayLike<number>): { max: number; mean: number } {
  let max = -Infinity;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v > max) max = v;
    sum += v;
    n++;
  }
  return n === 0 ? { max: NaN, mean: NaN } : { max, mean: sum / n };
}

function countAtLeast(values: ArrayLike<number>, threshold: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] >= threshold) n++;
  return n;
}

function summarise(input: VitalsInputs): Summary {
  const r = input.readings;
  const rain = finiteStats(r.rain);
  const temp = finiteStats(r['weather.temp']);

  const lengths = input.roadLengthKm;
  const speed = r['road.speed'];
  const index = r['road.index'];
  const closed = r['road.closed'];
  let openKm = 0;
  let speedKm = 0;
  let totalKm = 0;
  let congestedKm = 0;
  let closedSegments = 0;
  for (let s = 0; s < lengths.length; s++) {
    const km = lengths[s];
    totalKm += km;
    if (index[s] >= CONGESTED_INDEX) congestedKm += km;
    if (closed[s]) closedSegments++;
    else if (Number.isFinite(speed[s])) {
      openKm += km;
      speedKm += speed[s] * km;
    }
  }

  const pumps = r['pump.state'];
  let running = 0;
  let faulty = 0;
  for (let i = 0; i < pumps.length; i++) {
    if (pumps[i] === RUNNING) running++;
    else if (pumps[i] === FAULT) faulty++;
  }

  let open = 0;
  let p1Waiting = 0;
  const openByCategory = new Map<Incident['category'], number>();
  for (const incident of input.incidents) {
    if (!isOpen(incident)) continue;
    open++;
    openByCategory.set(incident.category, (openByCategory.get(incident.category) ?? 0) + 1);
    if (incident.status === 'new' && P1_CATEGORIES.includes(incident.category)) p1Waiting++;
  }

  let waterOverWarning = 0;
  let frozen = 0;
  for (const alarm of input.alarms) {
    if (alarm.state !== 'active') continue;
    if (alarm.trigger === 'frozen') frozen++;
    else if (alarm.ruleId === 'water.level') waterOverWarning++;
  }

  let warningLevel = 0;
  for (const w of input.warnings) if (w.state === 'active') warningLevel = Math.max(warningLevel, WARNING_LEVELS.indexOf(w.level) + 1);

  return {
    rainMax: rain.max,
    rainMean: rain.mean,
    tempMax: temp.max,
    tempMean: temp.mean,
    trafficIndex: cityCongestionIndexOf(index, lengths),
    meanSpeed: openKm > 0 ? speedKm / openKm : NaN,
    congestedShare: totalKm > 0 ? (100 * congestedKm) / totalKm : NaN,
    closedSegments,
    pumpsRunningPct: pumps.length > 0 ? (100 * running) / pumps.length : NaN,
    pumpsFaulty: faulty,
    underpassesOver: countAtLeast(r['underpass.depth'], UNDERPASS_THRESHOLDS_CM.closed),
    waterlogOver: countAtLeast(r['waterlog.depth'], WATERLOGGING_THRESHOLDS_CM.major),
    open,
    openByCategory,
    p1Waiting,
    waterOverWarning,
    frozen,
    warningLevel,
    services: {
      timeMs: input.timeMs,
      seed: input.seed,
      meanRainMmH: Number.isFinite(rain.mean) ? rain.mean : 0,
      // With no station reporting the services assume a mild day rather than stop.
      meanTempC: Number.isFinite(temp.mean) ? temp.mean : 20,
      warningLevel,
      openIncidents: open,
      openOutages: openByCategory.get('powerOutage') ?? 0,
    },
  };
}

type Compute = (s: Summary, input: VitalsInputs) => number;

/** How each indicator of the catalogue is computed, by id. */
const COMPUTE: Record<string, Compute> = {
  'city.openIncidents': (s) => s.open,
  'city.newIncidents': (_, input) => input.incidentsLastHour,
  'city.hotline': (s) => hotlineCallsPerHour(s.services),
  'city.hotspotCrowd': (s) => Math.max(...hotspotOccupancy(s.services)),
  'city.p1Waiting': (s) => s.p1Waiting,
  'env.rainMax': (s) => s.rainMax,
  'env.rainMean': (s) => s.rainMean,
  'env.rain1h': (_, input) => input.maxRain1hMm,
  'env.aqi': (s) => airQuality(s.services).aqi,
  'env.pm25': (s) => airQuality(s.services).pm25,
  'env.warningLevel': (s) => s.warningLevel,
  'env.waterOverWarning': (s) => s.waterOverWarning,
  'env.tempMax': (s) => s.tempMax,
  'traffic.index': (s) => s.trafficIndex,
  'traffic.meanSpeed': (s) => s.meanSpeed,
  'traffic.congestedShare': (s) => s.congestedShare,
  'traffic.closedSegments': (s) => s.closedSegments,
  'traffic.accidents': (s) => s.openByCategory.get('trafficAccident') ?? 0,
  'traffic.railLoad': (s) => railLoadPct(s.services),
  'supply.powerLoad': (s) => powerLoadGw(s.services),
  'supply.powerOutages': (s) => s.openByCategory.get('powerOutage') ?? 0,
  'supply.waterPressure': (s) => waterSupplyPressureMpa(s.services),
  'supply.gasPressure': (s) => gasPressureMpa(s.services),
  'supply.vegetables': (s) => vegetableArrivalsT(s.services),
  'infra.pumpsRunning': (s) => s.pumpsRunningPct,
  'infra.pumpsFaulty': (s) => s.pumpsFaulty,
  'infra.underpassesClosed': (s) => s.underpassesOver,
  'infra.waterlogPoints': (s) => s.waterlogOver,
  'infra.elevatorTrapped': (s) => s.openByCategory.get('elevatorEntrapment') ?? 0,
  'infra.sensorsFrozen': (s) => s.frozen,
};

/** Whether every indicator of a catalogue has a computation (a catalogue entry without one is a bug). */
export function missingComputations(specs: readonly IndicatorSpec[]): string[] {
  return specs.filter((spec) => !COMPUTE[spec.id]).map((spec) => spec.id);
}

/** Rounds to `digits` decimals; NaN and ±Infinity become null (no value). */
export function roundTo(value: number, digits: number): number | null {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  // +0 rather than −0 after rounding a small negative.
  return Math.round(value * f) / f + 0;
}

/** Every indicator of `specs` at `input.timeMs`, in catalogue order. */
export function computeVitals(specs: readonly IndicatorSpec[], input: VitalsInputs): VitalsFrame {
  const summary = summarise(input);
  return {
    t: input.timeMs,
    values: specs.map((spec) => {
      const compute = COMPUTE[spec.id];
      return compute ? roundTo(compute(summary, input), spec.digits) : null;
    }),
  };
}
