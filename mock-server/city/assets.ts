/** The server's model of the city's monitored assets: read from the asset registry, or placed from the seed and the geometry. */
import type { DistrictRef, StaticKind, TeamType } from '../../src/protocol/assets';
import type { ElevatorFleet } from './placeElevators';
import type { RoadNetwork } from './roadNetwork';

export interface Site {
  id: string;
  name: string;
  nameEn: string;
  /** Index into {@link CityAssets.districts}. */
  district: number;
  lon: number;
  lat: number;
}

export type RainGauge = Site;

/**
 * Huangpu gauges follow the tide; Suzhou Creek is gated, so it sees a damped tide; inland river
 * gauges respond to local rain only.
 */
export type WaterRegime = 'tidal' | 'creek' | 'inland';

export interface WaterGauge extends Site {
  regime: WaterRegime;
  /** Dry-weather mean level, metres (Wusong datum). */
  meanLevel: number;
  /** Semi-diurnal tide amplitude, metres (0 inland). */
  tideAmplitude: number;
  /** Hours the tide peaks after Wusongkou. */
  tideLagHours: number;
  warning: number;
  danger: number;
}

export interface WeatherStation extends Site {
  /** Offset from the city's mean temperature, °C (the urban heat island). */
  tempOffsetC: number;
}

export interface PumpStation extends Site {
  /** Design flow, m³/s. */
  capacityM3s: number;
  /** Forebay levels (m) at which the pumps start and stop: the gap is the hysteresis. */
  startLevel: number;
  stopLevel: number;
}

/** A point where water gathers on a road: an underpass, or a known waterlogging-prone spot. */
export interface PondingSite extends Site {
  /** The road segment the water stands on. */
  segment: number;
  /** The pump station that drains it. */
  pump: number;
  /** How quickly it floods relative to a typical site (0.6 – 1.6). */
  susceptibility: number;
}

export interface Team extends Site {
  type: TeamType;
  /** Road-network node of the team's base. */
  baseNode: number;
}

/**
 * A muck truck (渣土车, seed 003): it loads at a construction site, hauls along its permitted route and
 * may unload only at its disposal site (消纳场). Its Site position is the construction site.
 */
export interface MuckTruck extends Site {
  /** The construction site it loads at (where a dump is traced back to), and the disposal site it may unload at. */
  site: string;
  disposal: string;
  /** The permitted route, lon, lat pairs from the construction site to the disposal site (at least two vertices). */
  route: Float64Array;
  /** The registry's own geofence sizes, metres, where it gives them (else the rules file's). */
  corridorM?: number;
  dumpRadiusM?: number;
}

/** A site of a static kind (src/protocol/kindSpecs.ts): its number and text columns as its kind spec lists them. */
export interface StaticSite extends Site {
  /** Number columns by name (codes index the field's `codes`). */
  attributes: Record<string, number>;
  /** Text columns by name; absent where a site has none (a video point without a stream). */
  texts: Record<string, string>;
  /** An area kind's outline (a residential compound's): an open ring of lon, lat, the site's position inside it. */
  area?: [number, number][];
}

export type StaticSites = Record<StaticKind, StaticSite[]>;

export interface CityAssets {
  districts: DistrictRef[];
  rainGauges: RainGauge[];
  waterGauges: WaterGauge[];
  weatherStations: WeatherStation[];
  pumpStations: PumpStation[];
  underpasses: PondingSite[];
  waterloggingPoints: PondingSite[];
  teams: Team[];
  roads: RoadNetwork;
  /** Elevators with a live status feed (none in the `shanghai` profile, 240,000 in `stress`). */
  elevators: ElevatorFleet;
  /** Muck trucks with their permitted routes. */
  muckTrucks: MuckTruck[];
  /** The static kinds' sites (health sites, evacuation and video points, compounds); absent or missing a kind: none. */
  statics?: Partial<StaticSites>;
  /** A digest of the registry the assets were read from (part of the catalogue's version); absent when placed directly. */
  registryDigest?: string;
}

/**
 * Shanghai's real counts (../shared/BRIEF.md): 550 rainfall and 157 water-level monitoring points,
 * 26 weather stations, 1,418 drainage pump stations, about 500 monitored underpasses, 64
 * waterlogging-prone points, 100+ flood teams and vehicles.
 */
export const SHANGHAI_COUNTS = {
  rainGauges: 550,
  waterGauges: 157,
  weatherStations: 26,
  pumpStations: 1418,
  underpasses: 500,
  waterloggingPoints: 64,
  teams: 120,
} as const;

export type AssetCounts = { [K in keyof typeof SHANGHAI_COUNTS]: number };
