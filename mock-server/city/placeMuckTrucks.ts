/**
 * Muck trucks (渣土车, seed 003: "装、驶、运、卸分属不同部门、不同区域 … 乱倾倒能追溯到建筑工地"): construction
 * sites with earthworks under way, disposal sites (消纳场) out towards the edge of the city, and the
 * trucks that shuttle between them, each on its permitted route — the fastest road route from its
 * site to the disposal site nearest to it, as a transport permit names one. Deterministic from the rng.
 *
 * The count is reasoned, not sourced: the seeds give none. About 120 sites digging foundations at
 * once across the city, each served by three trucks in rotation (one loading, one on the road each
 * way), is 360 trucks on the wall; the registered fleet is larger, but most of it is parked at any
 * one time.
 */
import type { Rng } from '../simulator/rng';
import type { Router } from '../simulator/routing';
import type { CityAssets, MuckTruck } from './assets';
import type { DistrictLocator } from './districtLocator';
import { toKm } from './localProjection';
import type { RoadNetwork } from './roadNetwork';
import { pad, round5, sampleLand } from './siteSampling';

export const MUCK_TRUCKS = 360;
/** Trucks per construction site. */
const TRUCKS_PER_SITE = 3;
/** Disposal sites: a few large ones per outer district, not one per site. */
const DISPOSAL_SITES = 10;
/** Disposal sites lie at least this far from People's Square, km (landfill and reclamation sites are outside the centre). */
const DISPOSAL_MIN_KM = 18;

interface Place {
  lon: number;
  lat: number;
  district: number;
  node: number;
}

function placeOn(rng: Rng, locator: DistrictLocator, router: Router, net: RoadNetwork, centreWeight: number, minKm = 0): Place {
  for (;;) {
    const [lon, lat] = sampleLand(rng, locator, centreWeight);
    const [x, y] = toKm(lon, lat);
    if (Math.hypot(x, y) < minKm) continue;
    // On the road network, so a truck sets off from and arrives at the place itself.
    const node = router.nearestNode(lon, lat);
    const nLon = round5(net.nodeLonLat[node * 2]);
    const nLat = round5(net.nodeLonLat[node * 2 + 1]);
    return { lon: nLon, lat: nLat, district: locator.indexOrNearest(nLon, nLat), node };
  }
}

/** The route's vertices (the road nodes it passes), or the straight line where the roads do not join the two. */
function routeBetween(router: Router, net: RoadNetwork, from: Place, to: Place): Float64Array {
  const route = from.node === to.node ? null : router.route(from.node, to.node);
  if (!route) return Float64Array.from([from.lon, from.lat, to.lon, to.lat]);
  const out = new Float64Array(route.nodes.length * 2);
  route.nodes.forEach((n, i) => out.set([round5(net.nodeLonLat[n * 2]), round5(net.nodeLonLat[n * 2 + 1])], i * 2));
  return out;
}

export function placeMuckTrucks(rng: Rng, locator: DistrictLocator, districts: CityAssets['districts'], net: RoadNetwork, router: Router, count: number): MuckTruck[] {
  if (count <= 0 || net.nodeCount === 0) return [];
  const siteCount = Math.ceil(count / TRUCKS_PER_SITE);
  // Building goes on everywhere, a little more in the centre.
  const sites = Array.from({ length: siteCount }, () => placeOn(rng, locator, router, net, 0.3));
  const disposals = Array.from({ length: Math.min(DISPOSAL_SITES, siteCount) }, () => placeOn(rng, locator, router, net, 0, DISPOSAL_MIN_KM));
  const routes = new Map<string, Float64Array>();
  const trucks: MuckTruck[] = [];
  for (let i = 0; i < count; i++) {
    const s = i % siteCount;
    const site = sites[s];
    const [sx, sy] = toKm(site.lon, site.lat);
    let d = 0;
    disposals.forEach((p, k) => {
      const [x, y] = toKm(p.lon, p.lat);
      const [bx, by] = toKm(disposals[d].lon, disposals[d].lat);
      if (Math.hypot(x - sx, y - sy) < Math.hypot(bx - sx, by - sy)) d = k;
    });
    const key = `${s}>${d}`;
    let route = routes.get(key);
    if (!route) routes.set(key, (route = routeBetween(router, net, site, disposals[d])));
    const n = pad(i + 1, 4);
    const siteDistrict = districts[site.district];
    trucks.push({
      id: `MT-${n}`,
      name: `渣土车 ${n}`,
      nameEn: `Muck truck ${n}`,
      district: site.district,
      lon: site.lon,
      lat: site.lat,
      site: `${siteDistrict.name}工地 CS-${pad(s + 1, 3)}`,
      disposal: `${districts[disposals[d].district].name}消纳场 DS-${pad(d + 1, 2)}`,
      route,
    });
  }
  return trucks;
}
