/** Weather stations (one per district plus extra ones) and flood teams based at road-network nodes. */
import { TEAM_TYPES, type TeamType } from '../../src/protocol/assets';
import type { Rng } from '../simulator/rng';
import type { CityAssets, Team, WeatherStation } from './assets';
import type { CityGeo } from './cityGeo';
import type { DistrictLocator } from './districtLocator';
import { toKm } from './localProjection';
import { nameByDistrict, round5, sampleLand } from './siteSampling';

export function placeWeatherStations(
  geo: CityGeo,
  rng: Rng,
  locator: DistrictLocator,
  districts: CityAssets['districts'],
  count: number,
): WeatherStation[] {
  const sites: Omit<WeatherStation, 'id' | 'name' | 'nameEn'>[] = [];
  // One at each district's label point first (the district observatories), then extra ones.
  for (const [i, d] of geo.districts.entries()) {
    if (sites.length >= count) break;
    const [lon, lat] = d.properties.centre;
    sites.push({ lon, lat, district: i, tempOffsetC: 0 });
  }
  while (sites.length < count) {
    const [lon, lat, district] = sampleLand(rng, locator, 0.4);
    sites.push({ lon, lat, district, tempOffsetC: 0 });
  }
  for (const s of sites) {
    const [x, y] = toKm(s.lon, s.lat);
    // The urban heat island: the centre runs up to ~1.5 °C warmer than the outskirts.
    s.tempOffsetC = Math.round((1.5 * Math.exp(-(x * x + y * y) / (2 * 20 * 20)) + rng.range(-0.3, 0.3)) * 10) / 10;
  }
  return nameByDistrict<WeatherStation>(sites, districts, 'WS', { zh: '气象站', en: 'weather station' });
}

const TEAM_LABELS: Record<TeamType, { prefix: string; zh: string; en: string; share: number }> = {
  floodTeam: { prefix: 'FT', zh: '防汛抢险队', en: 'flood team', share: 0.5 },
  pumpTruck: { prefix: 'PT', zh: '移动泵车', en: 'pump truck', share: 0.33 },
  repairCrew: { prefix: 'RC', zh: '抢修队', en: 'repair crew', share: 0.17 },
};

export function placeTeams(
  rng: Rng,
  locator: DistrictLocator,
  districts: CityAssets['districts'],
  count: number,
  nearestNode: (lon: number, lat: number) => number,
  nodeLonLat: Float64Array,
): Team[] {
  const teams: Team[] = [];
  let left = count;
  TEAM_TYPES.forEach((type, k) => {
    const label = TEAM_LABELS[type];
    const n = k === TEAM_TYPES.length - 1 ? left : Math.round(count * label.share);
    left -= n;
    const sites = Array.from({ length: n }, () => {
      const [lon, lat] = sampleLand(rng, locator, 0.5);
      const baseNode = nearestNode(lon, lat);
      const baseLon = round5(nodeLonLat[baseNode * 2]);
      const baseLat = round5(nodeLonLat[baseNode * 2 + 1]);
      return { lon: baseLon, lat: baseLat, district: locator.indexOrNearest(baseLon, baseLat), type, baseNode };
    });
    teams.push(...nameByDistrict<Team>(sites, districts, label.prefix, { zh: label.zh, en: label.en }));
  });
  return teams;
}
