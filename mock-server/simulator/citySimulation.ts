/**
 * The simulated city: assets placed from the seed, weather that evolves in fixed one-second steps,
 * and measurements taken from the current state. Same seed and start time → same readings, however
 * the steps are grouped into ticks and whatever the speed.
 */
import type { CityAssets } from '../city/assets';
import type { CityGeo } from '../city/cityGeo';
import { toKm } from '../city/localProjection';
import { placeAssets, type PlacementCounts } from '../city/placeAssets';
import { rainAt, spawnCell, stepRainCells, type RainCell } from './rainCells';
import { createRng, hashNoise, type Rng } from './rng';
import { RAIN_SCENARIOS, type RainScenarioId } from './scenarios/rainScenarios';
import { stepRunoffStore, tideAt } from './waterLevels';

/** Simulated seconds per step. Fixed, so results do not depend on the tick rate. */
export const STEP_SECONDS = 1;

export interface SimulationOptions {
  seed: number;
  /** Simulated epoch ms of step 0. */
  startTime: number;
  scenario: RainScenarioId;
  counts?: PlacementCounts;
}

export interface CitySimulation {
  readonly seed: number;
  readonly startTime: number;
  readonly assets: CityAssets;
  scenario: RainScenarioId;
  /** Steps taken since startTime. */
  step: number;
  cells: RainCell[];
  /** Runoff store per water gauge, metres. */
  runoff: Float64Array;
  weatherRng: Rng;
  /** Local-grid km positions, x,y per slot. */
  rainXY: Float64Array;
  waterXY: Float64Array;
}

/** Live values per channel, in catalogue slot order. */
export interface Readings {
  rain: Float32Array;
  water: Float32Array;
}

function gridPositions(sites: { lon: number; lat: number }[]): Float64Array {
  const xy = new Float64Array(sites.length * 2);
  sites.forEach((s, i) => xy.set(toKm(s.lon, s.lat), i * 2));
  return xy;
}

export function createCitySimulation(geo: CityGeo, options: SimulationOptions): CitySimulation {
  const root = createRng(options.seed);
  const assetRng = root.fork();
  const weatherRng = root.fork();
  const assets = placeAssets(geo, assetRng, options.counts);
  const scenario = RAIN_SCENARIOS[options.scenario];
  const cells = Array.from({ length: scenario.initialCells }, () => spawnCell(weatherRng, scenario, 'anywhere'));
  return {
    seed: options.seed,
    startTime: options.startTime,
    assets,
    scenario: options.scenario,
    step: 0,
    cells,
    runoff: new Float64Array(assets.waterGauges.length),
    weatherRng,
    rainXY: gridPositions(assets.rainGauges),
    waterXY: gridPositions(assets.waterGauges),
  };
}

export function simTime(sim: CitySimulation): number {
  return sim.startTime + sim.step * STEP_SECONDS * 1000;
}

/** Advances the city by whole steps. */
export function advance(sim: CitySimulation, steps: number): void {
  const scenario = RAIN_SCENARIOS[sim.scenario];
  for (let s = 0; s < steps; s++) {
    stepRainCells(sim.cells, STEP_SECONDS, sim.weatherRng, scenario);
    for (let i = 0; i < sim.runoff.length; i++) {
      const rain = rainAt(sim.cells, sim.waterXY[i * 2], sim.waterXY[i * 2 + 1]);
      sim.runoff[i] = stepRunoffStore(sim.runoff[i], rain, STEP_SECONDS);
    }
    sim.step++;
  }
}

/** Tipping-bucket resolution: 0.1 mm/h; anything below reads as dry. */
const quantiseRain = (v: number) => (v < 0.1 ? 0 : Math.round(v * 10) / 10);
/** Level sensors report whole centimetres. */
const quantiseLevel = (v: number) => Math.round(v * 100) / 100;

/** Reads every gauge into `out` (allocated by {@link allocateReadings}). */
export function measure(sim: CitySimulation, out: Readings): void {
  const { rainGauges, waterGauges } = sim.assets;
  for (let i = 0; i < rainGauges.length; i++) {
    const field = rainAt(sim.cells, sim.rainXY[i * 2], sim.rainXY[i * 2 + 1]);
    // ±8% gauge noise, fixed per (gauge, step) so re-reading the same state gives the same value.
    out.rain[i] = quantiseRain(field * (1 + 0.08 * hashNoise(sim.seed, i, sim.step)));
  }
  const now = simTime(sim);
  for (let i = 0; i < waterGauges.length; i++) {
    const g = waterGauges[i];
    out.water[i] = quantiseLevel(g.meanLevel + tideAt(g, now) + sim.runoff[i]);
  }
}

export function allocateReadings(assets: CityAssets): Readings {
  return { rain: new Float32Array(assets.rainGauges.length), water: new Float32Array(assets.waterGauges.length) };
}
