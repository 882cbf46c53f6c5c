/**
 * The facts every vital-sign indicator is computed from, gathered from the city state in one pass
 * per source: the published readings, the active alarms and warnings, the desk's incidents, and the
 * city services (cityServices.ts) that the map does not draw. Plain numbers; each indicator's
 * formula (indicators/*.ts) reads them.
 */
import { PUMP_STATES } from '../../src/protocol/assets';
import { INCIDENT_CATEGORIES, OPEN_STATUSES, type Incident, type IncidentCategory } from '../../src/protocol/cityEvents';
import { WARNING_LEVELS } from '../../src/protocol/weatherWarnings';
import { cityCongestionIndexOf } from '../../src/domain/congestion';
import { UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from '../../src/domain/thresholds';
import { CATEGORY_SPECS } from '../incidents/categories';
import type { CityState } from '../pipeline/cityState';
import type { CityConditions } from '../simulator/cityServices';

/** Priority-1 categories: what "P1 awaiting dispatch" counts. */
export const P1_CATEGORIES: IncidentCategory[] = INCIDENT_CATEGORIES.filter((c) => CATEGORY_SPECS[c].priority === 1);

/** What stays the same from frame to frame: the seed behind the city services, and the road lengths. */
export interface VitalsContext {
  /**
   * The seed behind the simulated city services (hotline, power, water, gas, air, rail, markets);
   * null when no simulator plays them: their indicators then have no value, rather than made-up ones.
   */
  seed: number | null;
  /** Length of each road segment, km, in slot order. */
  roadLengthKm: ArrayLike<number>;
}

export interface VitalsFacts {
  /** Epoch ms of the facts. */
  timeMs: number;
  rainMax: number;
  rainMean: number;
  /** Largest 1-hour rain total at any gauge, mm. */
  rain1hMax: number;
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
  /** Incidents not yet resolved. */
  open: number;
  openByCategory: ReadonlyMap<IncidentCategory, number>;
  /** Incidents opened in the last hour, closed ones included. */
  newLastHour: number;
  p1Waiting: number;
  waterOverWarning: number;
  frozen: number;
  /** Highest active weather warning: 0 none, 1 blue … 4 red. */
  warningLevel: number;
  /** What the simulated city services respond to; null when no simulator plays them. */
  services: CityConditions | null;
}

/** An indicator read from the simulated city services: no value (NaN) when none plays them. */
export function fromServices(read: (services: CityConditions) => number): (facts: VitalsFacts) => number {
  return (facts) => (facts.services ? read(facts.services) : Number.NaN);
}

const RUNNING = PUMP_STATES.indexOf('running');
const FAULT = PUMP_STATES.indexOf('fault');
/** Segments at or above this index count as congested (moderate or severe). */
const CONGESTED_INDEX = 6;

/** Not yet resolved: what the map draws as an open incident. */
const isOpen = (i: Incident) => OPEN_STATUSES.includes(i.status);

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

/** Length-weighted road figures: mean speed of open roads, congested share, closed segments. */
function roadFacts(state: CityState, lengths: ArrayLike<number>) {
  const r = state.readings;
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
  return {
    trafficIndex: cityCongestionIndexOf(index, lengths),
    meanSpeed: openKm > 0 ? speedKm / openKm : NaN,
    congestedShare: totalKm > 0 ? (100 * congestedKm) / totalKm : NaN,
    closedSegments,
  };
}

export function vitalsFacts(state: CityState, context: VitalsContext): VitalsFacts {
  const r = state.readings;
  const rain = finiteStats(r.rain);
  const temp = finiteStats(r['weather.temp']);

  const pumps = r['pump.state'];
  let running = 0;
  let faulty = 0;
  for (let i = 0; i < pumps.length; i++) {
    if (pumps[i] === RUNNING) running++;
    else if (pumps[i] === FAULT) faulty++;
  }

  let open = 0;
  let p1Waiting = 0;
  const openByCategory = new Map<IncidentCategory, number>();
  for (const incident of state.events.incidents) {
    if (!isOpen(incident)) continue;
    open++;
    openByCategory.set(incident.category, (openByCategory.get(incident.category) ?? 0) + 1);
    if (incident.status === 'new' && P1_CATEGORIES.includes(incident.category)) p1Waiting++;
  }

  let waterOverWarning = 0;
  let frozen = 0;
  for (const alarm of state.events.alarms) {
    if (alarm.state !== 'active') continue;
    if (alarm.trigger === 'frozen') frozen++;
    else if (alarm.ruleId === 'water.level') waterOverWarning++;
  }

  let warningLevel = 0;
  for (const w of state.events.warnings) if (w.state === 'active') warningLevel = Math.max(warningLevel, WARNING_LEVELS.indexOf(w.level) + 1);

  return {
    timeMs: state.timeMs,
    rainMax: rain.max,
    rainMean: rain.mean,
    rain1hMax: state.maxRain1hMm,
    tempMax: temp.max,
    tempMean: temp.mean,
    ...roadFacts(state, context.roadLengthKm),
    pumpsRunningPct: pumps.length > 0 ? (100 * running) / pumps.length : NaN,
    pumpsFaulty: faulty,
    underpassesOver: countAtLeast(r['underpass.depth'], UNDERPASS_THRESHOLDS_CM.closed),
    waterlogOver: countAtLeast(r['waterlog.depth'], WATERLOGGING_THRESHOLDS_CM.major),
    open,
    openByCategory,
    newLastHour: state.incidentsLastHour,
    p1Waiting,
    waterOverWarning,
    frozen,
    warningLevel,
    services: context.seed === null ? null : {
      timeMs: state.timeMs,
      seed: context.seed,
      meanRainMmH: Number.isFinite(rain.mean) ? rain.mean : 0,
      // With no station reporting the services assume a mild day rather than stop.
      meanTempC: Number.isFinite(temp.mean) ? temp.mean : 20,
      warningLevel,
      openIncidents: open,
      openOutages: openByCategory.get('powerOutage') ?? 0,
    },
  };
}
