/**
 * Places every monitored asset of the simulated city, deterministically from the rng: gauges, weather
 * stations, the road network, drainage (pumps, underpasses, waterlogging points) and teams.
 */
import type { Rng } from '../simulator/rng';
import { routerFor } from '../simulator/routing';
import { SHANGHAI_COUNTS, type AssetCounts, type CityAssets } from './assets';
import type { CityGeo } from './cityGeo';
import { createDistrictLocator } from './districtLocator';
import { placePondingSites, placePumpStations } from './placeDrainage';
import { placeRainGauges, placeWaterGauges } from './placeGauges';
import { placeTeams, placeWeatherStations } from './placeStationsAndTeams';
import { placeElevators } from './placeElevators';
import { buildRoadNetwork } from './roadNetwork';
import { SCALE_PROFILES, type ScaleName } from './scaleProfiles';
import { placeStaticSites, type StaticCounts } from './placeStaticSites';
import { placeMuckTrucks } from './placeMuckTrucks';

export interface PlacementOptions {
  /** The scale profile (default `shanghai`); roadGridKm and counts.elevators override its figures. */
  scale?: ScaleName;
  counts?: Partial<AssetCounts & { elevators: number; muckTrucks: number } & StaticCounts>;
  /** Road grid spacing, km: 1 gives a few thousand segments, 0.26 about 50,000 (load tests). */
  roadGridKm?: number;
}

export function placeAssets(geo: CityGeo, rng: Rng, options: PlacementOptions = {}): CityAssets {
  const counts = { ...SHANGHAI_COUNTS, ...options.counts };
  const locator = createDistrictLocator(geo.districts);
  const districts = geo.districts.map((f) => ({ code: f.properties.code, name: f.properties.name, nameEn: f.properties.nameEn }));
  // Each kind draws from its own stream, so changing one kind's count leaves the others in place.
  const rainGauges = placeRainGauges(rng.fork(), locator, districts, counts.rainGauges);
  const waterGauges = placeWaterGauges(geo, rng.fork(), locator, districts, counts.waterGauges);
  const weatherStations = placeWeatherStations(geo, rng.fork(), locator, districts, counts.weatherStations);
  const profile = SCALE_PROFILES[options.scale ?? 'shanghai'];
  const roads = buildRoadNetwork(geo, rng.fork(), { gridKm: options.roadGridKm ?? profile.roadGridKm });
  const pumpStations = placePumpStations(rng.fork(), locator, districts, counts.pumpStations);
  const { underpasses, waterloggingPoints } = placePondingSites(rng.fork(), roads, districts, pumpStations, counts);
  const router = routerFor(roads);
  const teams = placeTeams(rng.fork(), locator, districts, counts.teams, (lon, lat) => router.nearestNode(lon, lat), roads.nodeLonLat);
  // Forked last, so adding elevators leaves every other kind where it was.
  const elevators = placeElevators(rng.fork(), roads, options.counts?.elevators ?? profile.elevators);
  // After the elevators, so adding the static kinds (issue 15) left every other kind where it was.
  const statics = placeStaticSites(rng.fork(), locator, districts, options.counts);
  // Forked last, so adding the muck trucks left every other kind where it was.
  const muckTrucks = placeMuckTrucks(rng.fork(), locator, districts, roads, router, options.counts?.muckTrucks ?? profile.muckTrucks);
  return { districts, rainGauges, waterGauges, weatherStations, pumpStations, underpasses, waterloggingPoints, teams, roads, elevators, statics, muckTrucks };
}
