/**
 * The simulated city: assets placed from the seed, weather in fixed one-second steps, the slower
 * physics (water levels, drainage, sensor outages, teams on the roads, city life) every ten. It is
 * only the world: the rules, the duty desk and the warning office run downstream in the pipeline,
 * on what the simulator reports (simulatedCity.ts), and the desk acts on the world through its port
 * (simulatedWorld.ts). Same seed and start time → same readings and events, however the steps are
 * grouped into ticks and whatever the speed.
 */
import type { CityAssets } from '../city/assets';
import type { CityGeo } from '../city/cityGeo';
import { createDistrictLocator, type DistrictLocator } from '../city/districtLocator';
import { toKm } from '../city/localProjection';
import { placeAssets, type PlacementOptions } from '../city/placeAssets';
import { segmentMidpoint } from '../city/roadNetwork';
import { sampleLand } from '../city/siteSampling';
import type { CitySite } from '../incidents/deskWorld';
import type { WorldReport } from '../pipeline/citySource';
import { drawCityLife } from './cityLife';
import { createElevatorModel, type ElevatorModel } from './elevators';
import { createDrainageState, stepDrainage, type DrainageState, type LocalRain } from './drainage';
import { rainAtEach, spawnCell, stepRainCells, type RainCell } from './rainCells';
import { createRng, type Rng } from './rng';
import { routerFor, type Router } from './routing';
import { RAIN_SCENARIOS, type RainScenarioId } from './scenarios/rainScenarios';
import { stepOutages, type OutageSpec } from './sensorOutages';
import { SimulatedWorld } from './simulatedWorld';
import { createTeamsState, stepTeams, type TeamsState } from './teams';
import { createMuckTrucksState, stepMuckTrucks, type MuckTrucksState, type TruckWorld } from './muckTrucks';
import { createTrafficState, type TrafficState } from './traffic';
import { stepRunoffStore } from './waterLevels';
import { synopticAnomalyC, temperatureAt } from './weatherStations';

/** Simulated seconds per step. Fixed, so results do not depend on the tick rate. */
export const STEP_SECONDS = 1;
/** Water, drainage, outages, teams and city life move every this many steps (they change slowly). */
export const PHYSICS_EVERY = 10;

const OUTAGES: Record<'rain' | 'water' | 'underpass' | 'waterlog' | 'pump', OutageSpec> = {
  rain: { perSensorPerDay: 0.05, minutes: [10, 90] },
  water: { perSensorPerDay: 0.03, minutes: [10, 60] },
  underpass: { perSensorPerDay: 0.06, minutes: [10, 60] },
  waterlog: { perSensorPerDay: 0.06, minutes: [10, 60] },
  pump: { perSensorPerDay: 0.04, minutes: [10, 45] },
};

export interface SimulationOptions extends PlacementOptions {
  seed: number;
  /** Simulated epoch ms of step 0. */
  startTime: number;
  scenario: RainScenarioId;
  /** The city's assets as the registry holds them (assets/cityRegistry.ts); default: placed from the seed. */
  assets?: CityAssets;
}

/**
 * The city's random streams, forked from the seed in this fixed order (assets, weather, city life,
 * the desk's response times), so a seed is always the same city.
 */
export interface CityRngs {
  assets: Rng;
  weather: Rng;
  city: Rng;
  desk: Rng;
}

export function forkCityRngs(seed: number): CityRngs {
  const root = createRng(seed);
  const assets = root.fork();
  const weather = root.fork();
  const city = root.fork();
  const desk = root.fork();
  return { assets, weather, city, desk };
}

/** Local-grid km positions, x,y per slot, of everything the rain falls on. */
interface GridPositions {
  rain: Float64Array;
  water: Float64Array;
  weather: Float64Array;
  pumps: Float64Array;
  underpasses: Float64Array;
  waterlog: Float64Array;
  segments: Float64Array;
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
  cityRng: Rng;
  grid: GridPositions;
  localRain: LocalRain & { water: Float64Array };
  drainage: DrainageState;
  outages: Record<keyof typeof OUTAGES, Float64Array>;
  teams: TeamsState;
  /** Muck trucks on their rounds, and what they drive on. */
  trucks: MuckTrucksState;
  truckWorld: TruckWorld;
  traffic: TrafficState;
  elevators: ElevatorModel;
  router: Router;
  /** What the desk's decisions did to the city: teams, pump trucks, closures, accidents, entrapments. */
  world: SimulatedWorld;
  locator: DistrictLocator;
  /** The step the traffic state was computed for (it is computed on demand, see measure.ts). */
  trafficStep: number;
  /** Rain at each road segment's midpoint, for the traffic model. */
  trafficRain?: Float32Array;
}

function grid(sites: { lon: number; lat: number }[]): Float64Array {
  const xy = new Float64Array(sites.length * 2);
  sites.forEach((s, i) => xy.set(toKm(s.lon, s.lat), i * 2));
  return xy;
}

export function createCitySimulation(geo: CityGeo, options: SimulationOptions, rngs: CityRngs): CitySimulation {
  const assets = options.assets ?? placeAssets(geo, rngs.assets, options);
  const scenario = RAIN_SCENARIOS[options.scenario];
  const cells = Array.from({ length: scenario.initialCells }, () => spawnCell(rngs.weather, scenario, 'anywhere'));
  const roads = assets.roads;
  const segmentSites = Array.from({ length: roads.segmentCount }, (_, s) => {
    const [lon, lat] = segmentMidpoint(roads, s);
    return { lon, lat };
  });
  const drainage = createDrainageState(assets);
  const teams = createTeamsState(assets);
  const router = routerFor(roads);
  const truckWorld: TruckWorld = { trucks: assets.muckTrucks, net: roads, router, seed: options.seed };
  return {
    seed: options.seed,
    startTime: options.startTime,
    assets,
    scenario: options.scenario,
    step: 0,
    cells,
    runoff: new Float64Array(assets.waterGauges.length),
    weatherRng: rngs.weather,
    cityRng: rngs.city,
    grid: {
      rain: grid(assets.rainGauges),
      water: grid(assets.waterGauges),
      weather: grid(assets.weatherStations),
      pumps: grid(assets.pumpStations),
      underpasses: grid(assets.underpasses),
      waterlog: grid(assets.waterloggingPoints),
      segments: grid(segmentSites),
    },
    localRain: {
      pumps: new Float64Array(assets.pumpStations.length),
      underpasses: new Float64Array(assets.underpasses.length),
      waterlog: new Float64Array(assets.waterloggingPoints.length),
      water: new Float64Array(assets.waterGauges.length),
    },
    drainage,
    outages: {
      rain: new Float64Array(assets.rainGauges.length),
      water: new Float64Array(assets.waterGauges.length),
      underpass: new Float64Array(assets.underpasses.length),
      waterlog: new Float64Array(assets.waterloggingPoints.length),
      pump: new Float64Array(assets.pumpStations.length),
    },
    teams,
    trucks: createMuckTrucksState(truckWorld, options.startTime),
    truckWorld,
    traffic: createTrafficState(roads),
    elevators: createElevatorModel(assets.elevators, options.seed),
    router,
    world: new SimulatedWorld(assets, teams, drainage, router),
    locator: createDistrictLocator(geo.districts),
    trafficStep: -1,
  };
}

export function simTime(sim: CitySimulation): number {
  return sim.startTime + sim.step * STEP_SECONDS * 1000;
}

/** Samples the rain field at every slot of a km-grid position list. */
export function sampleRain(cells: readonly RainCell[], xy: Float64Array, out: Float64Array | Float32Array): void {
  rainAtEach(cells, xy, out);
}

/** Advances the city by one step; on every {@link PHYSICS_EVERY}-th, returns what the slow physics did. */
export function stepCity(sim: CitySimulation): WorldReport | null {
  stepRainCells(sim.cells, STEP_SECONDS, sim.weatherRng, RAIN_SCENARIOS[sim.scenario]);
  sim.step++;
  return sim.step % PHYSICS_EVERY === 0 ? physics(sim, PHYSICS_EVERY * STEP_SECONDS) : null;
}

function physics(sim: CitySimulation, dtS: number): WorldReport {
  const now = simTime(sim);
  const { localRain, grid: g, cells } = sim;
  sampleRain(cells, g.water, localRain.water);
  sampleRain(cells, g.pumps, localRain.pumps);
  sampleRain(cells, g.underpasses, localRain.underpasses);
  sampleRain(cells, g.waterlog, localRain.waterlog);
  for (let i = 0; i < sim.runoff.length; i++) sim.runoff[i] = stepRunoffStore(sim.runoff[i], localRain.water[i], dtS);
  stepDrainage(sim.drainage, sim.assets, localRain, now, dtS, sim.cityRng);
  stepOutages(sim.outages.rain, OUTAGES.rain, now, dtS, sim.cityRng);
  stepOutages(sim.outages.water, OUTAGES.water, now, dtS, sim.cityRng);
  stepOutages(sim.outages.underpass, OUTAGES.underpass, now, dtS, sim.cityRng);
  stepOutages(sim.outages.waterlog, OUTAGES.waterlog, now, dtS, sim.cityRng);
  stepOutages(sim.outages.pump, OUTAGES.pump, now, dtS, sim.cityRng);
  const arrivedTeams = stepTeams(sim.teams, sim.assets.roads, dtS);
  stepMuckTrucks(sim.truckWorld, sim.trucks, now, dtS);
  let meanRain = 0;
  for (const r of localRain.pumps) meanRain += r;
  meanRain /= Math.max(1, localRain.pumps.length);
  const cityLife = drawCityLife(sim.cityRng, now, dtS, meanRain).map((category) => ({
    category,
    site: category === 'elevatorEntrapment' && sim.assets.elevators.count > 0 ? elevatorSite(sim) : randomSite(sim, category === 'trafficAccident'),
  }));
  return { dtS, arrivedTeams, cityLife, weather: { radar: cells, forecastMaxC: forecastMaxC(sim, now) } };
}

/** Today's highest temperature as the office forecasts it: the model at 14:00 local, dry, at the warmest station. */
function forecastMaxC(sim: CitySimulation, now: number): number {
  const day = Math.floor((now + 8 * 3_600_000) / 86_400_000);
  const at = day * 86_400_000 + 6 * 3_600_000; // 14:00 in Shanghai (UTC+8)
  const anomaly = synopticAnomalyC(sim.seed, at);
  let max = -Infinity;
  for (const station of sim.assets.weatherStations) max = Math.max(max, temperatureAt(station, at, 0, anomaly));
  return max;
}

/** A random place for a city-life incident: on a road for accidents, anywhere on land otherwise. */
function randomSite(sim: CitySimulation, onRoad: boolean): CitySite {
  const rng = sim.cityRng;
  const roads = sim.assets.roads;
  if (onRoad) {
    // Accidents happen on busy roads: expressways and arterials twice as often as local streets.
    let segment = rng.int(0, roads.segmentCount - 1);
    if (roads.roadClass[segment] === 2 && rng.next() < 0.5) segment = rng.int(0, roads.segmentCount - 1);
    const [lon, lat] = segmentMidpoint(roads, segment);
    return { lon, lat, district: roads.district[segment], segment };
  }
  const [lon, lat, district] = sampleLand(rng, sim.locator, 0.6);
  return { lon, lat, district, segment: null };
}

/** Where the city has an elevator feed, an entrapment happens in one of its elevators. */
function elevatorSite(sim: CitySimulation): CitySite {
  const fleet = sim.assets.elevators;
  const slot = sim.cityRng.int(0, fleet.count - 1);
  return { lon: fleet.lonLat[slot * 2], lat: fleet.lonLat[slot * 2 + 1], district: fleet.district[slot], segment: null, asset: { kind: 'elevator', slot } };
}

export function setScenario(sim: CitySimulation, scenario: RainScenarioId): void {
  sim.scenario = scenario;
}
