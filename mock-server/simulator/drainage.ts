/**
 * Drainage: pump stations whose forebays fill with local rain and empty when the pumps run (start and
 * stop levels give hysteresis), that fail now and then; and ponding sites (underpasses,
 * waterlogging-prone points) whose water depth rises with local rain beyond what the drains take, and
 * rises faster when their pump station is down. Units: forebay m, depth cm, rain mm/h.
 */
import { PUMP_STATES } from '../../src/protocol/assets';
import type { CityAssets, PondingSite } from '../city/assets';
import type { Rng } from './rng';

const STANDBY = PUMP_STATES.indexOf('standby');
const RUNNING = PUMP_STATES.indexOf('running');
const FAULT = PUMP_STATES.indexOf('fault');

/** Forebay rise per hour per mm/h of local rain, m; plus dry-weather (sewage) inflow. */
const FOREBAY_GAIN = 0.05;
const DRY_WEATHER_INFLOW_M_H = 0.15;
/** What running pumps draw the forebay down by, m/h. */
const PUMP_DRAWDOWN_M_H = 2.0;
const FOREBAY_MAX_M = 5;

/** Ponding: cm/min of rise per mm/h of rain, and what the drains take away (cm/min). */
const PONDING_GAIN = 1.5 / 60;
/** ≈ 36 mm/h of drainage: the design capacity of older districts. */
const DRAIN_OK_CM_MIN = 0.9;
const DRAIN_PUMP_DOWN_CM_MIN = 0.25;
/**
 * Water deeper than the dip of the road spreads over the approach roads and into every gully nearby:
 * above SPILL_ABOVE_CM it leaves faster the deeper it stands (per minute, a share of the excess), so
 * depths level off around a metre in the worst downpours instead of rising without bound.
 */
const SPILL_ABOVE_CM = 40;
const SPILL_PER_MIN = 0.05;
/** A mobile pump truck on site adds this much drainage. */
export const PUMP_TRUCK_CM_MIN = 1.5;

/** Running pumps fail this often (per running hour); a fault lasts until repaired or this long. */
const FAULTS_PER_RUNNING_HOUR = 0.004;
const FAULT_MINUTES: [number, number] = [60, 180];

export interface DrainageState {
  /** Physical pump state (standby, running or fault); "offline" is a telemetry matter, see outages. */
  pumpState: Uint8Array;
  pumpLevel: Float64Array;
  faultUntil: Float64Array;
  underpassDepth: Float64Array;
  waterlogDepth: Float64Array;
  /** Extra drainage at a ponding site while a pump truck works there, cm/min. */
  underpassAssist: Float64Array;
  waterlogAssist: Float64Array;
}

export function createDrainageState(assets: CityAssets): DrainageState {
  const pumps = assets.pumpStations.length;
  return {
    pumpState: new Uint8Array(pumps).fill(STANDBY),
    // Start part-full so the city's pumps are not all in step.
    pumpLevel: Float64Array.from(assets.pumpStations, (p, i) => p.stopLevel + ((i * 0.618) % 1) * (p.startLevel - p.stopLevel)),
    faultUntil: new Float64Array(pumps),
    underpassDepth: new Float64Array(assets.underpasses.length),
    waterlogDepth: new Float64Array(assets.waterloggingPoints.length),
    underpassAssist: new Float64Array(assets.underpasses.length),
    waterlogAssist: new Float64Array(assets.waterloggingPoints.length),
  };
}

export interface LocalRain {
  pumps: Float64Array;
  underpasses: Float64Array;
  waterlog: Float64Array;
}

/** Pumps that failed during this step (slots), for the incident desk. */
export function stepDrainage(state: DrainageState, assets: CityAssets, rain: LocalRain, timeMs: number, dtS: number, rng: Rng): number[] {
  const dtH = dtS / 3600;
  const failed: number[] = [];
  assets.pumpStations.forEach((p, i) => {
    const u = rng.next();
    if (state.pumpState[i] === FAULT) {
      if (timeMs >= state.faultUntil[i]) state.pumpState[i] = STANDBY;
    } else if (state.pumpState[i] === RUNNING && u < FAULTS_PER_RUNNING_HOUR * dtH) {
      state.pumpState[i] = FAULT;
      state.faultUntil[i] = timeMs + rng.range(FAULT_MINUTES[0], FAULT_MINUTES[1]) * 60_000;
      failed.push(i);
    }
    const running = state.pumpState[i] === RUNNING;
    const level = state.pumpLevel[i] + (FOREBAY_GAIN * rain.pumps[i] + DRY_WEATHER_INFLOW_M_H - (running ? PUMP_DRAWDOWN_M_H : 0)) * dtH;
    state.pumpLevel[i] = Math.min(FOREBAY_MAX_M, Math.max(0, level));
    if (state.pumpState[i] === STANDBY && state.pumpLevel[i] >= p.startLevel) state.pumpState[i] = RUNNING;
    else if (running && state.pumpLevel[i] <= p.stopLevel) state.pumpState[i] = STANDBY;
  });
  stepPonding(state.underpassDepth, state.underpassAssist, assets.underpasses, rain.underpasses, state.pumpState, dtS);
  stepPonding(state.waterlogDepth, state.waterlogAssist, assets.waterloggingPoints, rain.waterlog, state.pumpState, dtS, 0.7);
  return failed;
}

function stepPonding(depth: Float64Array, assist: Float64Array, sites: PondingSite[], rain: Float64Array, pumpState: Uint8Array, dtS: number, gain = 1): void {
  const dtMin = dtS / 60;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i];
    const drain = (pumpState[site.pump] === FAULT ? DRAIN_PUMP_DOWN_CM_MIN : DRAIN_OK_CM_MIN) + assist[i] + SPILL_PER_MIN * Math.max(0, depth[i] - SPILL_ABOVE_CM);
    const inflow = PONDING_GAIN * gain * site.susceptibility * rain[i];
    depth[i] = Math.max(0, depth[i] + (inflow - drain) * dtMin);
  }
}

/** Current flow of a pump station, m³/s (zero unless running). */
export function pumpFlow(state: DrainageState, assets: CityAssets, i: number): number {
  return state.pumpState[i] === RUNNING ? assets.pumpStations[i].capacityM3s : 0;
}

/** A repair crew fixes a faulty pump: it is back on standby at once. */
export function repairPump(state: DrainageState, i: number): void {
  if (state.pumpState[i] === FAULT) {
    state.pumpState[i] = STANDBY;
    state.faultUntil[i] = 0;
  }
}
