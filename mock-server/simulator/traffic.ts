/**
 * Traffic on the road network: a demand ratio per segment (time of day in Shanghai, distance from the
 * centre, local rain, traffic pushed aside by closures and accidents), turned into a speed and the
 * 0–10 traffic performance index. Stateless in time: the result for a moment depends only on the
 * inputs and the seed, never on how often it was computed.
 */
import { nodeSegments, ROAD_CLASSES, type RoadClass, type RoadNetwork } from '../city/roadNetwork';
import { toKm } from '../city/localProjection';
import { hashNoise } from './rng';

/** Speed of ordinary light traffic per class, km/h. */
export const FREE_FLOW_KMH: Readonly<Record<RoadClass, number>> = { expressway: 80, arterial: 50, local: 35 };

/**
 * Lower edges (km/h) of the smooth, basically smooth, light and moderate bands per class (BRIEF.md):
 * above the first edge is smooth, at or below the last is severe congestion.
 */
export const SPEED_BANDS: Readonly<Record<RoadClass, readonly [number, number, number, number]>> = {
  expressway: [65, 50, 35, 20],
  arterial: [40, 30, 20, 15],
  local: [35, 25, 15, 10],
};

/**
 * On an empty road cars run this much above the free-flow speed. Without it a local street at night
 * would sit on its 35 km/h smooth edge (index 2.0) instead of reading smooth.
 */
const EMPTY_ROAD_SPEEDUP = 1.15;
/** No open segment is faster than this; routing's A* heuristic divides by it, km/h. */
export const MAX_SPEED_KMH = Math.max(...Object.values(FREE_FLOW_KMH)) * EMPTY_ROAD_SPEEDUP;
/** Open segments never quite stop (a jam still creeps), km/h. */
const MIN_OPEN_KMH = 3;

/**
 * Speed → index knots per class code: index 0 at the "top" speed, 2/4/6/8 at the band edges, 10 at
 * 0 km/h. The smooth band is given the width of the band below it (so top = free flow for
 * expressways and arterials, 45 km/h for local streets, whose free flow sits on the edge).
 */
const INDEX_KNOTS = ROAD_CLASSES.map((c) => {
  const [e1, e2, e3, e4] = SPEED_BANDS[c];
  return [e1 + (e1 - e2), e1, e2, e3, e4, 0];
});

/** 0–10 traffic performance index of a segment at a speed, linear inside each speed band. */
export function congestionIndexOf(speedKmh: number, roadClass: RoadClass): number {
  return indexOfCode(speedKmh, ROAD_CLASSES.indexOf(roadClass));
}

function indexOfCode(speedKmh: number, code: number): number {
  const k = INDEX_KNOTS[code];
  if (speedKmh >= k[0]) return 0;
  for (let b = 1; b < k.length; b++)
    if (speedKmh >= k[b]) return 2 * (b - 1) + (2 * (k[b - 1] - speedKmh)) / (k[b - 1] - k[b]);
  return 10;
}

/**
 * Weekday demand by Shanghai local hour, as a share of a typical peak: a quiet night, a morning
 * peak around 08:30, a flat working day and a longer evening peak around 18:00.
 */
const DEMAND_BY_HOUR: readonly [number, number][] = [
  [0, 0.22], [1, 0.14], [3, 0.08], [5, 0.12], [6, 0.35], [7, 0.72], [7.5, 0.92], [8.5, 1.05],
  [9.5, 0.88], [10.5, 0.76], [12, 0.72], [14, 0.74], [16, 0.82], [17, 0.98], [18, 1.1], [19, 1.02],
  [19.5, 0.88], [20.5, 0.68], [22, 0.45], [23, 0.32], [24, 0.22],
];
const SHANGHAI_UTC_OFFSET_MS = 8 * 3600_000;

/** Demand share at an epoch time, from {@link DEMAND_BY_HOUR}. */
export function demandAt(timeMs: number): number {
  const hour = (((timeMs + SHANGHAI_UTC_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000 / 3600_000;
  for (let i = 1; i < DEMAND_BY_HOUR.length; i++) {
    const [h1, d1] = DEMAND_BY_HOUR[i];
    if (hour <= h1) {
      const [h0, d0] = DEMAND_BY_HOUR[i - 1];
      return d0 + ((hour - h0) / (h1 - h0)) * (d1 - d0);
    }
  }
  return DEMAND_BY_HOUR[DEMAND_BY_HOUR.length - 1][1];
}

/** Extra demand from rain (mm/h): slight in light rain, noticeable above 8, strong above 16. */
function rainLoad(mmH: number): number {
  if (!(mmH > 0)) return 1;
  return 1 + 0.04 * Math.min(mmH, 8) / 8 + 0.14 * Math.min(Math.max(mmH - 8, 0), 8) / 8 + 0.14 * Math.min(Math.max(mmH - 16, 0), 24) / 24;
}

/** Wet roads and poor visibility slow even an empty road: share of speed lost at RAIN_SLOW_MM_H and above. */
const RAIN_SLOWDOWN = 0.15;
const RAIN_SLOW_MM_H = 30;

/** Expressways fill up first at the peaks; local streets carry less through traffic. */
const CLASS_LOAD = [1.08, 1, 0.9];
/** Demand pushed onto each neighbour of a closed segment, and of an accident, at peak demand. */
const CLOSED_SPILL = 0.45;
const ACCIDENT_SPILL = 0.2;
/** An accident adds queueing demand to its own segment and blocks lanes (a share of the speed kept). */
const ACCIDENT_SELF_LOAD = 0.3;
const ACCIDENT_SPEED_KEPT = 0.55;
/** Spill never falls below this share of its peak value, even at night. */
const MIN_SPILL_SHARE = 0.3;
/** Per-segment variation: ±share of demand, redrawn every bucket. */
const NOISE_SHARE = 0.08;
const NOISE_BUCKET_MS = 5 * 60_000;
/** Speed ratio = EMPTY_ROAD_SPEEDUP / (1 + SLOWDOWN × demand⁴), a BPR-style volume–delay curve. */
const SLOWDOWN = 0.9;

export interface TrafficInputs {
  /** Simulated epoch ms. */
  timeMs: number;
  /** Local rain per segment, mm/h. */
  rainMmH: Float32Array;
  /** 1 = closed, per segment. */
  closed: Uint8Array;
  /** 1 = an accident on the segment. */
  accidents: Uint8Array;
}

export interface TrafficState {
  /** km/h, to 0.1. */
  speed: Float32Array;
  /** 0–10, to 0.1. */
  index: Float32Array;
}

interface Statics {
  /** Demand multiplier by distance from People's Square, per segment. */
  centreLoad: Float32Array;
  /** Scratch: spill-over demand per segment, rebuilt each step. */
  spill: Float32Array;
}

const staticsCache = new WeakMap<RoadNetwork, Statics>();

function staticsOf(net: RoadNetwork): Statics {
  let s = staticsCache.get(net);
  if (!s) {
    const centreLoad = new Float32Array(net.segmentCount);
    for (let k = 0; k < net.segmentCount; k++) {
      const a = net.from[k] * 2;
      const b = net.to[k] * 2;
      const [x, y] = toKm((net.nodeLonLat[a] + net.nodeLonLat[b]) / 2, (net.nodeLonLat[a + 1] + net.nodeLonLat[b + 1]) / 2);
      // The core inside the Inner Ring is busiest; demand eases to 3/4 of that in the outer suburbs.
      centreLoad[k] = 0.8 + 0.4 * Math.exp(-(x * x + y * y) / (2 * 10 * 10));
    }
    s = { centreLoad, spill: new Float32Array(net.segmentCount) };
    staticsCache.set(net, s);
  }
  return s;
}

/** A state sized for the network, at free flow. */
export function createTrafficState(net: RoadNetwork): TrafficState {
  const speed = new Float32Array(net.segmentCount);
  const index = new Float32Array(net.segmentCount);
  for (let s = 0; s < net.segmentCount; s++) {
    speed[s] = FREE_FLOW_KMH[ROAD_CLASSES[net.roadClass[s]]];
    index[s] = Math.round(indexOfCode(speed[s], net.roadClass[s]) * 10) / 10;
  }
  return { speed, index };
}

/** Adds demand to every segment sharing a node with segment s (not to s itself). */
function spillAround(net: RoadNetwork, s: number, amount: number, spill: Float32Array): void {
  const { offsets, segments } = nodeSegments(net);
  for (const n of [net.from[s], net.to[s]])
    for (let k = offsets[n]; k < offsets[n + 1]; k++) if (segments[k] !== s) spill[segments[k]] += amount;
}

/** Computes every segment's speed and index at inputs.timeMs, in place. */
export function stepTraffic(net: RoadNetwork, state: TrafficState, inputs: TrafficInputs, seed: number): void {
  const { centreLoad, spill } = staticsOf(net);
  const { rainMmH, closed, accidents } = inputs;
  const base = demandAt(inputs.timeMs);
  const spillShare = Math.max(base, MIN_SPILL_SHARE);
  const bucket = Math.floor(inputs.timeMs / NOISE_BUCKET_MS);
  spill.fill(0);
  for (let s = 0; s < net.segmentCount; s++) {
    if (closed[s]) spillAround(net, s, CLOSED_SPILL * spillShare, spill);
    else if (accidents[s]) {
      spill[s] += ACCIDENT_SELF_LOAD * spillShare;
      spillAround(net, s, ACCIDENT_SPILL * spillShare, spill);
    }
  }
  const freeFlow = ROAD_CLASSES.map((c) => FREE_FLOW_KMH[c]);
  for (let s = 0; s < net.segmentCount; s++) {
    const code = net.roadClass[s];
    if (closed[s]) {
      state.speed[s] = 0;
      state.index[s] = 10;
      continue;
    }
    const noise = 1 + NOISE_SHARE * hashNoise(seed, s, bucket);
    const demand = base * centreLoad[s] * CLASS_LOAD[code] * rainLoad(rainMmH[s]) * noise + spill[s];
    const d2 = demand * demand;
    let speed = (freeFlow[code] * EMPTY_ROAD_SPEEDUP) / (1 + SLOWDOWN * d2 * d2);
    if (rainMmH[s] > 0) speed *= 1 - (RAIN_SLOWDOWN * Math.min(rainMmH[s], RAIN_SLOW_MM_H)) / RAIN_SLOW_MM_H;
    if (accidents[s]) speed *= ACCIDENT_SPEED_KEPT;
    speed = Math.round(Math.max(speed, MIN_OPEN_KMH) * 10) / 10;
    state.speed[s] = speed;
    state.index[s] = Math.round(indexOfCode(speed, code) * 10) / 10;
  }
}
