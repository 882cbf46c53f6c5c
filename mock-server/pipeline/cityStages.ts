/**
 * The stages of the city's pipeline, built once: the source, the alarm rules and the warning office,
 * the duty desk, and the events that commands produced between ticks. Each stage keeps its own
 * state; cityTick.ts runs them in order. `createPipelineStages` builds them for any source;
 * `createCityStages` for the simulated city, whose desk draws its response times from a stream forked
 * with the simulator's, in the same order as ever, so a seed is always the same city.
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { CityEvent } from '../../src/protocol/cityEvents';
import { CapWarnings } from '../cap/capWarnings';
import { datumConverter, type Datum } from '../assets/datum';
import { officeDistrictsOf, officeKeysInForce, OfficeCapWriter, type OfficeDistrict } from '../cap/officeCap';
import type { CityGeo } from '../city/cityGeo';
import { gridPlaceAt, unitGridOf } from '../grid/gridPlaceAt';
import { ExternalReadings } from '../ingest/externalReadings';
import { FedSource } from '../ingest/fedSource';
import { staleAfterByChannel } from '../ingest/readingStaleness';
import { ReportedCity } from '../ingest/reportedCity';
import { placeAssets } from '../city/placeAssets';
import { createDistrictLocator } from '../city/districtLocator';
import { toKm } from '../city/localProjection';
import { IncidentDesk, type IncidentDeskDeps } from '../incidents/incidentDesk';
import { AlarmEngine, ruleChannels, type AssetRef } from '../rules/alarmEngine';
import { compileRules } from '../rules/compileRules';
import { defaultRules } from '../rules/defaultRules';
import type { RuleBook } from '../rules/ruleBook';
import { ruleSitesOf } from '../rules/ruleSites';
import { GeofenceEngine } from '../rules/geofenceEngine';
import { isGeofenceRule } from '../rules/ruleTypes';
import { WeatherOffice } from '../rules/weatherOffice';
import { forkCityRngs, type SimulationOptions } from '../simulator/citySimulation';
import type { Rng } from '../simulator/rng';
import { SimulatedCity, type SimulationStatus } from '../simulator/simulatedCity';
import { Cadence } from './cadence';
import type { CitySource } from './citySource';
import type { PipelineStages } from './cityTick';

/** Alarm rules sample every simulated minute. */
export const RULES_EVERY_MS = 60_000;

export interface CityOptions extends SimulationOptions {
  /** The simulated desk dispatches and closes what no officer touched (default on). */
  autopilot?: boolean;
  /** The alarm rules (default: the built-in rule book). */
  rules?: RuleBook;
  /**
   * The simulator plays the city (default). Off, the city is only what comes in from outside: the same
   * assets, silent until readings arrive, on the wall clock (ingest/reportedCity.ts).
   */
  simulator?: boolean;
  /** The warning office issues CAP alerts for the server's CAP ingest (cap/officeCap.ts) instead of putting its warnings on the wall itself. */
  officeCap?: boolean;
  /** The datum the map is drawn in (PipelineOptions.basemapDatum). */
  basemapDatum?: Datum;
}

/** The simulated city's stages: the pipeline's, over the simulator, with what the work orders and the feed ask of them. */
export interface CityStages extends PipelineStages {
  /** The simulator under the source (readings from outside are laid over it); null when it is off. */
  readonly simulation: SimulatedCity | null;
  /** Source time now, epoch ms. */
  simTime(): number;
  /** The district a point lies in (-1 off land). */
  districtAt(lon: number, lat: number): number;
  /** Queues an event made outside the tick (a command's incident change) for the next frame. */
  announce(event: CityEvent): void;
  sourceStatus(): SimulationStatus;
}

function grid(sites: { lon: number; lat: number }[]): Float64Array {
  const xy = new Float64Array(sites.length * 2);
  sites.forEach((s, i) => xy.set(toKm(s.lon, s.lat), i * 2));
  return xy;
}

/** What a source's pipeline is built with, beside the source itself. */
export interface PipelineOptions {
  /** The seed behind the simulated city services the vitals report. */
  seed: number;
  /** A simulator plays the city services (default true). */
  simulatedServices?: boolean;
  /** The desk's response times (teams accepting, travelling, working). */
  deskRng: Rng;
  autopilot?: boolean;
  /** The alarm rules (default: the built-in rule book); an asset id the source lacks is a RulesFileError. */
  rules?: RuleBook;
  /** The district a point lies in (−1 off land): where a muck truck's geofence alarm stands. */
  districtAt?: (lon: number, lat: number) => number;
  /** The unit-grid place of a point, stamped on new incidents (GB/T 30428). */
  gridPlaceAt?: IncidentDeskDeps['gridPlaceAt'];
  /** The districts the office's CAP alerts name and outline: set, the office speaks CAP (PipelineStages.officeCap). */
  officeDistricts?: readonly OfficeDistrict[];
  /** The datum the map is drawn in: CAP areas (WGS 84) are moved into it for the wall (default: left as they are). */
  basemapDatum?: Datum;
}

/**
 * The stages downstream of a source, for any source: readings from outside laid over it (ingest/),
 * rules, warning office, desk and the command inbox.
 */
export function createPipelineStages(base: CitySource, options: PipelineOptions): PipelineStages & { announce(event: CityEvent): void } {
  const { assets } = base;
  const rules = options.rules ? compileRules(options.rules, assets) : defaultRules(assets);
  const source = new FedSource(base, new ExternalReadings(), staleAfterByChannel(rules));
  const sites: Partial<Record<AssetKind, readonly AssetRef[]>> = ruleSitesOf(assets);
  const alarms = new AlarmEngine({
    rules,
    count: (kind) => sites[kind]?.length ?? 0,
    locate: (kind, slot) => sites[kind]![slot],
    sampleIntervalS: RULES_EVERY_MS / 1000,
    // A city fed from outside judges a sensor's silence from its first reading on (see AlarmEngineDeps).
    unheardIsSilent: !base.wallClock,
    geofence: new GeofenceEngine({ rules: rules.filter(isGeofenceRule), trucks: assets.muckTrucks, districtAt: options.districtAt }),
  });
  const office = new WeatherOffice({
    districts: assets.districts,
    gaugeDistrict: assets.rainGauges.map((g) => g.district),
    gaugeXY: grid(assets.rainGauges),
    stationDistrict: assets.weatherStations.map((s) => s.district),
    stationXY: grid(assets.weatherStations),
  });
  const desk = new IncidentDesk({ assets, rules, world: source.world, rng: options.deskRng, autopilot: options.autopilot, gridPlaceAt: options.gridPlaceAt });
  const inbox: CityEvent[] = [];
  const capWarnings = new CapWarnings(() => source.timeMs, (event) => inbox.push(event), options.basemapDatum ? datumConverter('wgs84', options.basemapDatum) : null);
  const officeCap = options.officeDistricts ? { writer: new OfficeCapWriter(options.officeDistricts, (event) => officeKeysInForce(capWarnings, event)), outbox: [] } : null;
  return {
    seed: options.seed,
    simulatedServices: options.simulatedServices ?? true,
    assets,
    source,
    external: source.external,
    staleAfterMs: source.staleAfterMs,
    incoming: [],
    incomingPositions: [],
    alarms,
    ruleChannels: ruleChannels(rules),
    ruleCadence: new Cadence(RULES_EVERY_MS, source.startTime),
    office,
    capWarnings,
    officeCap,
    desk,
    inbox,
    announce: (event) => inbox.push(event),
    eventState: () => ({ alarms: alarms.active(), incidents: desk.openIncidents(), closures: desk.activeClosures(), warnings: officeCap ? capWarnings.active() : [...office.active(), ...capWarnings.active()] }),
  };
}

/** The city: the simulator (or, with it off, what is reported from outside) as the source, and the stages downstream of it. */
export function createCityStages(geo: CityGeo, options: CityOptions): CityStages {
  // Forked before anything else draws, in the order that makes a seed the same city.
  const rngs = forkCityRngs(options.seed);
  const simulation = options.simulator === false ? null : new SimulatedCity(geo, options, rngs);
  const source = simulation ?? new ReportedCity(options.assets ?? placeAssets(geo, rngs.assets, options), options.startTime);
  const locator = createDistrictLocator(geo.districts);
  const districtAt = (lon: number, lat: number) => locator.indexAt(lon, lat);
  const stages = createPipelineStages(source, { seed: options.seed, deskRng: rngs.desk, autopilot: options.autopilot, rules: options.rules, simulatedServices: simulation !== null, districtAt, gridPlaceAt: gridPlaceAt(unitGridOf(geo.districts)), officeDistricts: options.officeCap ? officeDistrictsOf(geo, source.assets.districts) : undefined, basemapDatum: options.basemapDatum });
  return {
    ...stages,
    simulation,
    simTime: () => source.timeMs,
    districtAt,
    sourceStatus: () => simulation?.status() ?? { scenario: null, seed: options.seed, rainCells: 0 },
  };
}
