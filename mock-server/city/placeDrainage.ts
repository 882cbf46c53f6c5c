/**
 * Drainage assets: 1,418 pump stations over land (denser in the centre), ~500 monitored underpasses
 * on arterial roads where they pass under the elevated and expressway network, and 64
 * waterlogging-prone points on central streets. Each ponding site drains to its nearest pump station.
 */
import KDBush from 'kdbush';
import type { Rng } from '../simulator/rng';
import type { CityAssets, PondingSite, PumpStation } from './assets';
import type { DistrictLocator } from './districtLocator';
import { toKm } from './localProjection';
import { segmentMidpoint, type RoadNetwork } from './roadNetwork';
import { nameByDistrict, round5, sampleLand } from './siteSampling';

const EXPRESSWAY = 0;
const ARTERIAL = 1;

export function placePumpStations(rng: Rng, locator: DistrictLocator, districts: CityAssets['districts'], count: number): PumpStation[] {
  const sites = Array.from({ length: count }, () => {
    const [lon, lat, district] = sampleLand(rng, locator, 0.7);
    // Most stations are small street pumps; a few are large trunk stations.
    const capacityM3s = Math.round(0.5 * Math.exp(rng.range(0, Math.log(20))) * 10) / 10;
    return { lon, lat, district, capacityM3s, startLevel: round2(rng.range(1.8, 2.4)), stopLevel: round2(rng.range(0.6, 1.0)) };
  });
  return nameByDistrict<PumpStation>(sites, districts, 'PS', { zh: '泵站', en: 'pump station' });
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis): each candidate draws u^(1/w) and the
 * highest keys win, so heavier candidates are likelier but every pick is distinct.
 */
function pickWeighted(rng: Rng, weights: Float64Array, count: number, exclude: Set<number>): number[] {
  const keys: [number, number][] = [];
  for (let i = 0; i < weights.length; i++) {
    const u = rng.next();
    if (weights[i] > 0 && !exclude.has(i)) keys.push([Math.pow(u, 1 / weights[i]), i]);
  }
  keys.sort((a, b) => b[0] - a[0]);
  return keys.slice(0, count).map(([, i]) => i);
}

function centreFactor(lon: number, lat: number, scaleKm: number): number {
  const [x, y] = toKm(lon, lat);
  return Math.exp(-(x * x + y * y) / (2 * scaleKm * scaleKm));
}

function pondingSites(
  net: RoadNetwork,
  segments: number[],
  rng: Rng,
  pumps: PumpStation[],
): Omit<PondingSite, 'id' | 'name' | 'nameEn'>[] {
  const pumpIndex = new KDBush(pumps.length);
  for (const p of pumps) pumpIndex.add(p.lon, p.lat);
  pumpIndex.finish();
  return segments.map((segment) => {
    const [lon, lat] = segmentMidpoint(net, segment);
    return {
      lon: round5(lon),
      lat: round5(lat),
      district: net.district[segment],
      segment,
      pump: nearestPoint(pumpIndex, pumps, lon, lat),
      susceptibility: round2(rng.range(0.6, 1.6)),
    };
  });
}

/** Nearest indexed point by growing the search box until something is inside. */
function nearestPoint(index: KDBush, points: { lon: number; lat: number }[], lon: number, lat: number): number {
  for (let r = 0.01; ; r *= 2) {
    const found = index.range(lon - r, lat - r, lon + r, lat + r);
    if (found.length === 0) continue;
    let best = found[0];
    let bestD = Infinity;
    for (const i of found) {
      const d = Math.hypot(points[i].lon - lon, points[i].lat - lat);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }
}

export function placePondingSites(
  rng: Rng,
  net: RoadNetwork,
  districts: CityAssets['districts'],
  pumps: PumpStation[],
  counts: { underpasses: number; waterloggingPoints: number },
): { underpasses: PondingSite[]; waterloggingPoints: PondingSite[] } {
  // Underpasses sit where arterials pass under the elevated network: arterial segments near an
  // expressway node weigh most.
  const expresswayNodes: number[] = [];
  for (let s = 0; s < net.segmentCount; s++) if (net.roadClass[s] === EXPRESSWAY) expresswayNodes.push(net.from[s]);
  const nodeIndex = new KDBush(Math.max(1, expresswayNodes.length));
  for (const n of expresswayNodes) nodeIndex.add(net.nodeLonLat[n * 2], net.nodeLonLat[n * 2 + 1]);
  if (expresswayNodes.length === 0) nodeIndex.add(0, 0);
  nodeIndex.finish();

  const underpassWeight = new Float64Array(net.segmentCount);
  const waterlogWeight = new Float64Array(net.segmentCount);
  for (let s = 0; s < net.segmentCount; s++) {
    const [lon, lat] = segmentMidpoint(net, s);
    const nearExpressway = nodeIndex.range(lon - 0.008, lat - 0.007, lon + 0.008, lat + 0.007).length > 0;
    const cls = net.roadClass[s];
    underpassWeight[s] = (cls === ARTERIAL ? 1 : cls === EXPRESSWAY ? 0.2 : 0.3) * (nearExpressway ? 4 : 1) * (0.3 + centreFactor(lon, lat, 15));
    // Waterlogging-prone streets are mostly in the old, low-lying centre.
    waterlogWeight[s] = cls === EXPRESSWAY ? 0 : 0.05 + centreFactor(lon, lat, 8);
  }
  const underpassSegments = pickWeighted(rng, underpassWeight, counts.underpasses, new Set());
  const waterlogSegments = pickWeighted(rng, waterlogWeight, counts.waterloggingPoints, new Set(underpassSegments));
  return {
    underpasses: nameByDistrict<PondingSite>(pondingSites(net, underpassSegments, rng, pumps), districts, 'UP', {
      zh: '下立交',
      en: 'underpass',
    }),
    waterloggingPoints: nameByDistrict<PondingSite>(pondingSites(net, waterlogSegments, rng, pumps), districts, 'WP', {
      zh: '易积水点',
      en: 'ponding spot',
    }),
  };
}
