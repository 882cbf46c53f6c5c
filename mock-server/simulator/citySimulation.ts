/**
 * The simulated city: assets placed from the seed, weather in fixed one-second steps, the slower
 * physics (water levels, drainage, teams, incidents, the warning office) every ten, alarm rules every
 * minute, and measurements taken from the current state. Same seed and start time → same readings
 * and events, however the steps are grouped into ticks and whatever the speed.
 */
import type { ChannelId } from '../../src/protocol/channels';
import type { CityEvent } from '../../src/protocol/cityEvents';
import type { CityAssets } from '../city/assets';
import type { CityGeo } from '../city/cityGeo';
import { createDistrictLocator, type DistrictLocator } from '../city/districtLocator';
import { toKm } from '../city/localProjection';
import { placeAssets, type PlacementOptions } from '../city/placeAssets';
import { segmentMidpoint } from '../city/roadNetwork';
import { sampleLand } from '../city/siteSampling';
import { IncidentDesk, type CitySite } from '../incidents/incidentDesk';
import { AlarmEngine } from '../rules/alarmEngine';
import { defaultRules } from '../rules/defaultRules';
import { drawCityLife } from './cityLife';
import { createElevatorModel, type ElevatorModel } from './elevators';
import { createDrainageState, stepDrainage, type DrainageState, type LocalRain } from './drainage';
import { rainAtEach, spawnCell, stepRainCells, type RainCell } from './rainCells';
import { createRng, type Rng } from './rng';
import { routerFor, type Router } from './routing';
import { RAIN_SCENARIOS, type RainScenarioId } from './scenarios/rainScenarios';
import { stepOutages, type OutageSpec } from './sensorOutages';
import { createTeamsState, stepTeams, type TeamsState } from './teams';
import { createTrafficState, type TrafficState } from './traffic';
import { stepRunoffStore } from './waterLevels';
import { WeatherOffice } from './weatherOffice';
import { synopticAnomalyC, temperatureAt } from './weatherStations';

/** Simulated seconds per step. Fixed, so results do not depend on the tick rate. */
export const STEP_SECONDS = 1;
/** Water, drainage, teams and incidents move every this many steps (they change slowly). */
export const PHYSICS_EVERY = 10;
/** Alarm rules sample every simulated minute. */
export const RULES_EVERY = 60;

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
  /** The simulated desk dispatches and closes what no officer touched (default on). */
  autopilot?: boolean;
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
  traffic: TrafficState;
  elevators: ElevatorModel;
  router: Router;
  engine: AlarmEngine;
  desk: IncidentDesk;
  /** Issues the weather warnings from the gauges, stations and radar. */
  office: WeatherOffice;
  locator: DistrictLocator;
  /** Alarm, incident, closure and warning changes not yet published. */
  pendingEvents: CityEvent[];
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

export function createCitySimulation(geo: CityGeo, options: SimulationOptions): CitySimulation {
  const root = createRng(options.seed);
  const assetRng = root.fork();
  const weatherRng = root.fork();
  const cityRng = root.fork();
  const deskRng = root.fork();
  const assets = placeAssets(geo, assetRng, options);
  const scenario = RAIN_SCENARIOS[options.scenario];
  const cells = Array.from({ length: scenario.initialCells }, () => spawnCell(weatherRng, scenario, 'anywhere'));
  const roads = assets.roads;
  const segmentSites = Array.from({ length: roads.segmentCount }, (_, s) => {
    const [lon, lat] = segmentMidpoint(roads, s);
    return { lon, lat };
  });
  const drainage = createDrainageState(assets);
  const teams = createTeamsState(assets);
  const traffic = createTrafficState(roads);
  const router = routerFor(roads);
  const rules = defaultRules(assets);
  const sites: Record<string, { id: string; lon: number; lat: number; district: number }[]> = {
    rainGauge: assets.rainGauges,
    waterGauge: assets.waterGauges,
    underpass: assets.underpasses,
    waterloggingPoint: assets.waterloggingPoints,
    pumpStation: assets.pumpStations,
  };
  const engine = new AlarmEngine({
    rules,
    count: (kind) => sites[kind]?.length ?? 0,
    locate: (kind, slot) => sites[kind][slot],
    sampleIntervalS: RULES_EVERY * STEP_SECONDS,
  });
  const desk = new IncidentDesk({ assets, rules, router, teams, drainage, rng: deskRng, autopilot: options.autopilot });
  const weatherGrid = grid(assets.weatherStations);
  const rainGrid = grid(assets.rainGauges);
  const office = new WeatherOffice({
    districts: assets.districts,
    gaugeDistrict: assets.rainGauges.map((g) => g.district),
    gaugeXY: rainGrid,
    stationDistrict: assets.weatherStations.map((s) => s.district),
    stationXY: weatherGrid,
  });
  return {
    seed: options.seed,
    startTime: options.startTime,
    assets,
    scenario: options.scenario,
    step: 0,
    cells,
    runoff: new Float64Array(assets.waterGauges.length),
    weatherRng,
    cityRng,
    grid: {
      rain: rainGrid,
      water: grid(assets.waterGauges),
      weather: weatherGrid,
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
    traffic,
    elevators: createElevatorModel(assets.elevators, options.seed),
    router,
    engine,
    desk,
    office,
    locator: createDistrictLocator(geo.districts),
    pendingEvents: [],
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

/** Advances the city by whole steps. */
export function advance(sim: CitySimulation, steps: number, read: (sim: CitySimulation, channel: ChannelId) => ArrayLike<number>): void {
  for (let s = 0; s < steps; s++) {
    stepRainCells(sim.cells, STEP_SECONDS, sim.weatherRng, RAIN_SCENARIOS[sim.scenario]);
    sim.step++;
    if (sim.step % PHYSICS_EVERY === 0) physics(sim, PHYSICS_EVERY * STEP_SECONDS, read);
    if (sim.step % RULES_EVERY === 0) {
      const now = simTime(sim);
      const changes = sim.engine.evaluate(now, (channel) => read(sim, channel));
      sim.pendingEvents.push(...changes.map((alarm): CityEvent => ({ type: 'alarm', alarm })));
      sim.pendingEvents.push(...sim.desk.onAlarms(changes, now));
    }
  }
}

function physics(sim: CitySimulation, dtS: number, read: (sim: CitySimulation, channel: ChannelId) => ArrayLike<number>): void {
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
  const arrived = stepTeams(sim.teams, sim.assets.roads, dtS);
  sim.pendingEvents.push(...sim.desk.step(now, arrived));
  let meanRain = 0;
  for (const r of localRain.pumps) meanRain += r;
  meanRain /= Math.max(1, localRain.pumps.length);
  for (const category of drawCityLife(sim.cityRng, now, dtS, meanRain)) {
    sim.pendingEvents.push(sim.desk.addCityLife(category, category === 'elevatorEntrapment' && sim.assets.elevators.count > 0 ? elevatorSite(sim) : randomSite(sim, category === 'trafficAccident'), now));
  }
  // The office reads what the gauges and stations report, and the radar picture of the cells.
  const warnings = sim.office.step(now, dtS, {
    rain: read(sim, 'rain'),
    wind: read(sim, 'weather.wind'),
    temp: read(sim, 'weather.temp'),
    cells,
    forecastMaxC: forecastMaxC(sim, now),
  });
  for (const warning of warnings) sim.pendingEvents.push({ type: 'warning', warning });
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
function randomSite(sim: CitySimulation, onRoad: boolean) {
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

/** Takes the events recorded since the last call. */
export function takeEvents(sim: CitySimulation): CityEvent[] {
  const events = sim.pendingEvents;
  sim.pendingEvents = [];
  return events;
}

export function setScenario(sim: CitySimulation, scenario: RainScenarioId): void {
  sim.scenario = scenario;
}
