/**
 * A synthetic but plausible road network for Shanghai, deterministic for a seed: the real rings,
 * elevated roads and expressways of the embedded geometry cut into ~1 km segments, over a jittered
 * arterial/local lattice that is dense in the centre and sparse in the suburbs, joined by ramps.
 * Stored column-wise in typed arrays, so the client can take it as binary.
 */
import KDBush from 'kdbush';
import { hashNoise, type Rng } from '../simulator/rng';
import type { CityGeo, LineFeature } from './cityGeo';
import { createDistrictLocator, type DistrictLocator } from './districtLocator';
import { toKm, toLonLat } from './localProjection';

export type RoadClass = 'expressway' | 'arterial' | 'local';
/** Index = class code, as stored in {@link RoadNetwork.roadClass}. */
export const ROAD_CLASSES: readonly RoadClass[] = ['expressway', 'arterial', 'local'];
export const EXPRESSWAY = 0;
export const ARTERIAL = 1;
export const LOCAL = 2;

export interface RoadNetwork {
  nodeCount: number;
  /** lon, lat per node (Float64 for routing accuracy). */
  nodeLonLat: Float64Array;
  segmentCount: number;
  /** Node ids per segment; roads are two-way, so from/to only fix the drawing direction. */
  from: Uint32Array;
  to: Uint32Array;
  /** Index into ROAD_CLASSES. */
  roadClass: Uint8Array;
  lengthKm: Float32Array;
  /** District index of the segment midpoint (nearest district if the midpoint is on water). */
  district: Int16Array;
  /** Name per segment for expressway segments (the source road's zh and en names); '' for grid roads. */
  names: string[];
  namesEn: string[];
  /** Each segment's id, where a registry named them; absent: `RS-` and the slot + 1 in five digits. */
  ids?: string[];
}

export interface RoadNetworkOptions {
  /** Lattice spacing of the arterial/local grid, km. 1 gives a few thousand segments, 0.25 about 50,000. */
  gridKm?: number;
}

/** Expressway legs are cut into straight pieces of about this length, km. */
const EXPRESSWAY_PIECE_KM = 1;
/** Which lattice lines are kept, in cells, by distance from People's Square (real density falls off). */
const DENSITY_ZONES = [
  { withinKm: 6, everyCells: 1 },
  { withinKm: 15, everyCells: 2 },
  { withinKm: 30, everyCells: 4 },
  { withinKm: Infinity, everyCells: 6 },
] as const;
/** Lattice nodes move by up to this share of the spacing, so the grid looks organic. */
const JITTER = 0.15;
/** One expressway node in this many gets a ramp to the grid. */
const RAMP_EVERY = 3;
/** Longest ramp, km: the sparse suburban grid can be 3 km from an expressway. */
const MAX_RAMP_KM = 3.5;
/** A road end this close to another road joins it (the real roads end on each other), km. */
const SNAP_KM = 0.8;
/** Junctions closer than this to a vertex merge into it, km. */
const MERGE_KM = 0.05;

/** Work-in-progress network on the local km grid; node and segment lists grow as parts are added. */
interface Draft {
  x: number[];
  y: number[];
  from: number[];
  to: number[];
  cls: number[];
  /** Index into geo.roads, or -1 for grid roads and ramps. */
  road: number[];
}

function addNode(d: Draft, x: number, y: number): number {
  d.x.push(x);
  d.y.push(y);
  return d.x.length - 1;
}

function addSegment(d: Draft, a: number, b: number, cls: number, road: number): void {
  d.from.push(a);
  d.to.push(b);
  d.cls.push(cls);
  d.road.push(road);
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

/** Union-find over node ids (an id never united is its own root); the smaller id stays the root. */
function unionFind() {
  const parent: number[] = [];
  const find = (n: number): number => {
    let root = n;
    while ((parent[root] ?? root) !== root) root = parent[root];
    if (root !== n) parent[n] = root;
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, union };
}

interface Leg {
  road: number;
  a: number;
  b: number;
  /** Junctions along the leg: t is the fraction from a to b. */
  cuts: { t: number; node: number }[];
}

/** Where legs p and q cross, as fractions along each, or null. */
function crossing(d: Draft, p: Leg, q: Leg): [number, number] | null {
  const rx = d.x[p.b] - d.x[p.a];
  const ry = d.y[p.b] - d.y[p.a];
  const sx = d.x[q.b] - d.x[q.a];
  const sy = d.y[q.b] - d.y[q.a];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-12) return null; // parallel
  const qx = d.x[q.a] - d.x[p.a];
  const qy = d.y[q.a] - d.y[p.a];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? [t, u] : null;
}

/** Fraction along a leg nearest to a point, and the distance to it. */
function project(d: Draft, leg: Leg, x: number, y: number): { u: number; dist: number } {
  const vx = d.x[leg.b] - d.x[leg.a];
  const vy = d.y[leg.b] - d.y[leg.a];
  const len2 = vx * vx + vy * vy || 1;
  const u = Math.min(1, Math.max(0, ((x - d.x[leg.a]) * vx + (y - d.y[leg.a]) * vy) / len2));
  return { u, dist: Math.hypot(d.x[leg.a] + u * vx - x, d.y[leg.a] + u * vy - y) };
}

/**
 * The rings, elevated roads and expressways: every vertex is a node, roads share a node where they
 * cross or where one ends on another (union-find merges the junctions), and each straight stretch is
 * cut into ~1 km pieces. Returns the expressway node ids in road order, for the ramps.
 */
function addExpressways(d: Draft, roads: LineFeature[]): number[] {
  const { find, union } = unionFind();
  const legs: Leg[] = [];
  const ends: { road: number; node: number }[] = [];
  const segStart = d.from.length;

  roads.forEach((feature, r) => {
    const ids = feature.geometry.coordinates.map(([lon, lat]) => addNode(d, ...toKm(lon, lat)));
    for (let i = 1; i < ids.length; i++) legs.push({ road: r, a: ids[i - 1], b: ids[i], cuts: [] });
    const first = ids[0];
    const last = ids[ids.length - 1];
    if (Math.hypot(d.x[first] - d.x[last], d.y[first] - d.y[last]) < 1e-6) union(first, last); // a ring
    else ends.push({ road: r, node: first }, { road: r, node: last });
  });

  for (let i = 0; i < legs.length; i++)
    for (let j = i + 1; j < legs.length; j++) {
      if (legs[i].road === legs[j].road) continue;
      const hit = crossing(d, legs[i], legs[j]);
      if (!hit) continue;
      const [t, u] = hit;
      const p = legs[i];
      const n = addNode(d, d.x[p.a] + t * (d.x[p.b] - d.x[p.a]), d.y[p.a] + t * (d.y[p.b] - d.y[p.a]));
      p.cuts.push({ t, node: n });
      legs[j].cuts.push({ t: u, node: n });
    }

  // Radials stop at a ring, or just short of it: pull such an end onto the nearest other road.
  for (const end of ends) {
    let best: { leg: Leg; u: number; dist: number } | null = null;
    for (const leg of legs) {
      if (leg.road === end.road) continue;
      const hit = project(d, leg, d.x[end.node], d.y[end.node]);
      if (!best || hit.dist < best.dist) best = { leg, ...hit };
    }
    if (!best || best.dist > SNAP_KM) continue;
    const { leg, u } = best;
    d.x[end.node] = d.x[leg.a] + u * (d.x[leg.b] - d.x[leg.a]);
    d.y[end.node] = d.y[leg.a] + u * (d.y[leg.b] - d.y[leg.a]);
    leg.cuts.push({ t: u, node: end.node });
  }

  for (const leg of legs) {
    const stations = [{ t: 0, node: leg.a }, ...leg.cuts.sort((p, q) => p.t - q.t), { t: 1, node: leg.b }];
    let prev = leg.a;
    for (let k = 1; k < stations.length; k++) {
      const next = stations[k].node;
      const len = Math.hypot(d.x[next] - d.x[prev], d.y[next] - d.y[prev]);
      if (len < MERGE_KM) {
        union(prev, next);
        continue;
      }
      const pieces = Math.max(1, Math.round(len / EXPRESSWAY_PIECE_KM));
      let a = prev;
      for (let p = 1; p <= pieces; p++) {
        const f = p / pieces;
        const b = p === pieces ? next : addNode(d, d.x[prev] + f * (d.x[next] - d.x[prev]), d.y[prev] + f * (d.y[next] - d.y[prev]));
        addSegment(d, a, b, EXPRESSWAY, leg.road);
        a = b;
      }
      prev = next;
    }
  }

  const nodes: number[] = [];
  const listed = new Set<number>();
  for (let s = segStart; s < d.from.length; s++) {
    d.from[s] = find(d.from[s]);
    d.to[s] = find(d.to[s]);
    for (const n of [d.from[s], d.to[s]])
      if (!listed.has(n)) {
        listed.add(n);
        nodes.push(n);
      }
  }
  return nodes;
}

function everyCellsAt(x: number, y: number): number {
  const r = Math.hypot(x, y);
  for (const zone of DENSITY_ZONES) if (r <= zone.withinKm) return zone.everyCells;
  return DENSITY_ZONES[DENSITY_ZONES.length - 1].everyCells;
}

/**
 * The arterial/local lattice, aligned on People's Square. A lattice edge along row or column k is
 * kept where k is a multiple of the local spacing (1, 2, 4 or 6 cells by distance from the centre)
 * and both ends are on land; it is an arterial where k is also a multiple of twice that spacing, a
 * local street otherwise, so every density zone has about half of each. Returns the grid node ids.
 */
function addGrid(d: Draft, locator: DistrictLocator, rng: Rng, gridKm: number): number[] {
  const [west, south, east, north] = locator.bounds;
  const [x0, y0] = toKm(west, south);
  const [x1, y1] = toKm(east, north);
  const i0 = Math.ceil(x0 / gridKm);
  const i1 = Math.floor(x1 / gridKm);
  const j0 = Math.ceil(y0 / gridKm);
  const j1 = Math.floor(y1 / gridKm);
  const cols = i1 - i0 + 1;
  const UNSEEN = -2;
  const WATER = -1;
  const ids = new Int32Array(cols * (j1 - j0 + 1)).fill(UNSEEN);
  // Jitter is a hash of the lattice position, so a node shared by a row and a column moves once.
  const seedX = rng.int(0, 0x7fffffff);
  const seedY = rng.int(0, 0x7fffffff);
  const nodeAt = (i: number, j: number): number => {
    const k = (j - j0) * cols + (i - i0);
    if (ids[k] === UNSEEN) {
      const x = (i + JITTER * hashNoise(seedX, i, j)) * gridKm;
      const y = (j + JITTER * hashNoise(seedY, i, j)) * gridKm;
      ids[k] = locator.indexAt(...toLonLat(x, y)) >= 0 ? addNode(d, x, y) : WATER;
    }
    return ids[k];
  };
  const used = new Set<number>();
  const tryEdge = (ia: number, ja: number, ib: number, jb: number, line: number) => {
    const every = everyCellsAt(((ia + ib) / 2) * gridKm, ((ja + jb) / 2) * gridKm);
    if (mod(line, every) !== 0) return;
    const a = nodeAt(ia, ja);
    if (a < 0) return;
    const b = nodeAt(ib, jb);
    if (b < 0) return;
    addSegment(d, a, b, mod(line, 2 * every) === 0 ? ARTERIAL : LOCAL, -1);
    used.add(a).add(b);
  };
  for (let j = j0; j <= j1; j++) for (let i = i0; i < i1; i++) tryEdge(i, j, i + 1, j, j);
  for (let i = i0; i <= i1; i++) for (let j = j0; j < j1; j++) tryEdge(i, j, i, j + 1, i);
  return [...used];
}

/** Ramps: every few expressway nodes on land get a short arterial link to the nearest grid node. */
function addRamps(d: Draft, expressNodes: number[], gridNodes: number[], locator: DistrictLocator): void {
  if (gridNodes.length === 0) return;
  const index = new KDBush(gridNodes.length);
  for (const n of gridNodes) index.add(d.x[n], d.y[n]);
  index.finish();
  for (let k = 0; k < expressNodes.length; k += RAMP_EVERY) {
    const e = expressNodes[k];
    if (locator.indexAt(...toLonLat(d.x[e], d.y[e])) < 0) continue; // bridges and tunnels have no ramps
    let best = -1;
    let bestDist = Infinity;
    for (const i of index.within(d.x[e], d.y[e], MAX_RAMP_KM)) {
      const dist = Math.hypot(d.x[gridNodes[i]] - d.x[e], d.y[gridNodes[i]] - d.y[e]);
      if (dist < bestDist) [best, bestDist] = [gridNodes[i], dist];
    }
    if (best >= 0) addSegment(d, e, best, ARTERIAL, -1);
  }
}

/** Segment indices of the draft that survive: no loops or duplicates, largest connected part only. */
function keptSegments(d: Draft): number[] {
  const { find, union } = unionFind();
  const seen = new Set<number>();
  const unique: number[] = [];
  for (let s = 0; s < d.from.length; s++) {
    const a = Math.min(d.from[s], d.to[s]);
    const b = Math.max(d.from[s], d.to[s]);
    const key = a * d.x.length + b;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    unique.push(s);
    union(a, b);
  }
  // An island without a bridge, or a grid fragment cut off by the coast, could never be routed to.
  const size = new Map<number, number>();
  for (const s of unique) size.set(find(d.from[s]), (size.get(find(d.from[s])) ?? 0) + 1);
  let main = -1;
  for (const [root, n] of size) if (main < 0 || n > size.get(main)!) main = root;
  return unique.filter((s) => find(d.from[s]) === main);
}

function finish(d: Draft, geo: CityGeo, locator: DistrictLocator): RoadNetwork {
  const segs = keptSegments(d);
  const newId = new Int32Array(d.x.length).fill(-1);
  const nodes: number[] = [];
  const idOf = (n: number) => (newId[n] >= 0 ? newId[n] : (newId[n] = nodes.push(n) - 1));
  const from = Uint32Array.from(segs, (s) => idOf(d.from[s]));
  const to = Uint32Array.from(segs, (s) => idOf(d.to[s]));
  const landAt = (x: number, y: number) => locator.indexAt(...toLonLat(x, y));
  const district = Int16Array.from(segs, (s) => {
    const [a, b] = [d.from[s], d.to[s]];
    const mx = (d.x[a] + d.x[b]) / 2;
    const my = (d.y[a] + d.y[b]) / 2;
    // A bridge's midpoint is on the river: take a bank's district, else the nearest centre.
    let k = landAt(mx, my);
    if (k < 0) k = landAt(d.x[a], d.y[a]);
    if (k < 0) k = landAt(d.x[b], d.y[b]);
    return k >= 0 ? k : locator.indexOrNearest(...toLonLat(mx, my));
  });
  const roadOf = (s: number) => (d.road[s] >= 0 ? geo.roads[d.road[s]].properties : undefined);
  return {
    nodeCount: nodes.length,
    nodeLonLat: Float64Array.from(nodes.flatMap((n) => toLonLat(d.x[n], d.y[n]))),
    segmentCount: segs.length,
    from,
    to,
    roadClass: Uint8Array.from(segs, (s) => d.cls[s]),
    lengthKm: Float32Array.from(segs, (s) => Math.hypot(d.x[d.to[s]] - d.x[d.from[s]], d.y[d.to[s]] - d.y[d.from[s]])),
    district,
    names: segs.map((s) => roadOf(s)?.name ?? ''),
    namesEn: segs.map((s) => roadOf(s)?.nameEn ?? ''),
  };
}

/**
 * Builds the road network. Deterministic for the rng's state (it draws two numbers, the jitter seeds).
 * Only the largest connected part is kept, so every node can be routed to from every other.
 */
export function buildRoadNetwork(geo: CityGeo, rng: Rng, options: RoadNetworkOptions = {}): RoadNetwork {
  const gridKm = options.gridKm ?? 1;
  if (!(gridKm > 0)) throw new RangeError(`gridKm must be positive, got ${gridKm}`);
  const locator = createDistrictLocator(geo.districts);
  const draft: Draft = { x: [], y: [], from: [], to: [], cls: [], road: [] };
  const expressNodes = addExpressways(draft, geo.roads);
  const gridNodes = addGrid(draft, locator, rng, gridKm);
  addRamps(draft, expressNodes, gridNodes, locator);
  return finish(draft, geo, locator);
}

/** The midpoint of a segment, [lon, lat]. */
export function segmentMidpoint(net: RoadNetwork, s: number): [number, number] {
  const a = net.from[s] * 2;
  const b = net.to[s] * 2;
  return [(net.nodeLonLat[a] + net.nodeLonLat[b]) / 2, (net.nodeLonLat[a + 1] + net.nodeLonLat[b + 1]) / 2];
}

export interface NodeSegments {
  /** Segments at node n are segments[offsets[n]] up to segments[offsets[n + 1]]. */
  offsets: Uint32Array;
  segments: Uint32Array;
}

const nodeSegmentCache = new WeakMap<RoadNetwork, NodeSegments>();

/** The segments meeting at each node (compressed rows), computed once per network. */
export function nodeSegments(net: RoadNetwork): NodeSegments {
  const cached = nodeSegmentCache.get(net);
  if (cached) return cached;
  const offsets = new Uint32Array(net.nodeCount + 1);
  for (let s = 0; s < net.segmentCount; s++) {
    offsets[net.from[s] + 1]++;
    offsets[net.to[s] + 1]++;
  }
  for (let n = 0; n < net.nodeCount; n++) offsets[n + 1] += offsets[n];
  const fill = offsets.slice(0, net.nodeCount);
  const segments = new Uint32Array(net.segmentCount * 2);
  for (let s = 0; s < net.segmentCount; s++) {
    segments[fill[net.from[s]]++] = s;
    segments[fill[net.to[s]]++] = s;
  }
  const result = { offsets, segments };
  nodeSegmentCache.set(net, result);
  return result;
}
