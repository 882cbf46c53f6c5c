/**
 * Muck trucks shuttling between their construction site and their disposal site (消纳场): loading at
 * the site, hauling along the permitted route, unloading at the disposal site, returning the same way.
 * A small share of trips goes wrong, so the wall has something to catch: a detour off the permitted
 * route and back onto it, or an illegal dump — off the route to a place of the driver's choosing,
 * unloaded there, and straight back to the site. Every choice is a stateless hash of (seed, truck,
 * trip), so a seed gives the same trips whatever the tick rate.
 */
import { MUCK_TRUCK_STATES } from '../../src/protocol/assets';
import type { MuckTruck } from '../city/assets';
import { toKm, toLonLat } from '../city/localProjection';
import type { RoadNetwork } from '../city/roadNetwork';
import { hashNoise } from './rng';
import type { Router } from './routing';

export const LOADING = MUCK_TRUCK_STATES.indexOf('loading');
export const HAULING = MUCK_TRUCK_STATES.indexOf('hauling');
export const UNLOADING = MUCK_TRUCK_STATES.indexOf('unloading');
export const RETURNING = MUCK_TRUCK_STATES.indexOf('returning');

/** Shares of hauls that detour off the permitted route, and that dump off-site (per trip). */
export const DETOUR_SHARE = 0.03;
export const DUMP_SHARE = 0.015;
/** How far off the route a detour or a dump goes, km: well outside any corridor a rule would draw. */
const OFF_ROUTE_KM: [number, number] = [1.5, 3];
/** Minutes spent loading at the site and unloading (a 20 t load), and the trucks' average speed, km/h. */
const LOADING_MIN: [number, number] = [8, 15];
const UNLOADING_MIN: [number, number] = [5, 10];
const SPEED_KMH: [number, number] = [25, 35];

/** A polyline being driven: lon, lat pairs and the km run at each vertex. */
interface Path {
  coords: Float64Array;
  km: Float64Array;
}

export interface MuckTrucksState {
  state: Uint8Array;
  lon: Float64Array;
  lat: Float64Array;
  path: (Path | null)[];
  progressKm: Float64Array;
  speedKmh: Float64Array;
  /** Until when (epoch ms) a truck loads or unloads. */
  untilMs: Float64Array;
  /** Trips begun, per truck: the hash's input for the next one. */
  trip: Uint32Array;
  /** 1 while a truck's haul is a run off its route to dump (its return then takes the quickest way back). */
  dumping: Uint8Array;
}

const u = (seed: number, slot: number, trip: number, k: number, [a, b]: [number, number]) => a + ((hashNoise(seed, 50_000 + slot, trip * 8 + k) + 1) / 2) * (b - a);

function pathOf(coords: Float64Array): Path {
  const n = coords.length / 2;
  const km = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const [ax, ay] = toKm(coords[i * 2 - 2], coords[i * 2 - 1]);
    const [bx, by] = toKm(coords[i * 2], coords[i * 2 + 1]);
    km[i] = km[i - 1] + Math.hypot(bx - ax, by - ay);
  }
  return { coords, km };
}

/** The point `at` km along a path (clamped to its ends). */
export function pointOnPath(path: Path, at: number): [number, number] {
  const { coords, km } = path;
  const n = km.length;
  if (n === 1 || at <= 0) return [coords[0], coords[1]];
  for (let i = 1; i < n; i++) {
    if (at <= km[i] || i === n - 1) {
      const span = km[i] - km[i - 1];
      const t = span > 0 ? Math.min(1, (at - km[i - 1]) / span) : 1;
      return [coords[i * 2 - 2] + t * (coords[i * 2] - coords[i * 2 - 2]), coords[i * 2 - 1] + t * (coords[i * 2 + 1] - coords[i * 2 - 1])];
    }
  }
  return [coords[n * 2 - 2], coords[n * 2 - 1]];
}

const reversed = (coords: Float64Array): Float64Array => {
  const out = new Float64Array(coords.length);
  for (let i = 0; i < coords.length; i += 2) out.set([coords[coords.length - 2 - i], coords[coords.length - 1 - i]], i);
  return out;
};

export interface TruckWorld {
  trucks: readonly MuckTruck[];
  net: RoadNetwork;
  router: Router;
  seed: number;
}

/** Road route between two points as lon, lat pairs (straight where the roads do not join them). */
function roadPath(world: TruckWorld, from: [number, number], to: [number, number]): number[] {
  const { router, net } = world;
  const a = router.nearestNode(...from);
  const b = router.nearestNode(...to);
  const route = a === b ? null : router.route(a, b);
  const nodes = route ? route.nodes.flatMap((n) => [net.nodeLonLat[n * 2], net.nodeLonLat[n * 2 + 1]]) : [];
  return [...from, ...nodes, ...to];
}

/** A place off the route: `km` to the side of the vertex at index `v`, on the road network. */
function offRoutePlace(world: TruckWorld, route: Float64Array, v: number, side: number, km: number): [number, number] {
  const n = route.length / 2;
  const [ax, ay] = toKm(route[Math.max(0, v - 1) * 2], route[Math.max(0, v - 1) * 2 + 1]);
  const [bx, by] = toKm(route[Math.min(n - 1, v + 1) * 2], route[Math.min(n - 1, v + 1) * 2 + 1]);
  const len = Math.hypot(bx - ax, by - ay) || 1;
  const [vx, vy] = toKm(route[v * 2], route[v * 2 + 1]);
  const [lon, lat] = toLonLat(vx - (side * (by - ay) * km) / len, vy + (side * (bx - ax) * km) / len);
  const node = world.router.nearestNode(lon, lat);
  return [world.net.nodeLonLat[node * 2], world.net.nodeLonLat[node * 2 + 1]];
}

/** The haul of trip `trip`: the permitted route, a detour off it and back, or a run off it to dump. */
function haulOf(world: TruckWorld, slot: number, trip: number): { path: Path; dump: boolean } {
  const { route } = world.trucks[slot];
  const n = route.length / 2;
  const roll = u(world.seed, slot, trip, 0, [0, 1]);
  if (n < 4 || roll >= DETOUR_SHARE + DUMP_SHARE) return { path: pathOf(route), dump: false };
  // Leave the route somewhere in its middle part, to one side or the other.
  const v = Math.floor(u(world.seed, slot, trip, 1, [0.3, 0.6]) * (n - 1));
  const side = u(world.seed, slot, trip, 2, [0, 1]) < 0.5 ? -1 : 1;
  const place = offRoutePlace(world, route, v, side, u(world.seed, slot, trip, 3, OFF_ROUTE_KM));
  const leave: [number, number] = [route[v * 2], route[v * 2 + 1]];
  const head = Array.from(route.subarray(0, v * 2));
  const there = roadPath(world, leave, place);
  if (roll >= DETOUR_SHARE) return { path: pathOf(Float64Array.from([...head, ...there])), dump: true };
  // A detour rejoins the route a few vertices on and carries on to the disposal site.
  const w = Math.min(n - 1, v + Math.max(2, Math.round(n * 0.15)));
  const back = roadPath(world, place, [route[w * 2], route[w * 2 + 1]]);
  return { path: pathOf(Float64Array.from([...head, ...there, ...back.slice(2), ...route.subarray(w * 2 + 2)])), dump: false };
}

export function createMuckTrucksState(world: TruckWorld, nowMs: number): MuckTrucksState {
  const count = world.trucks.length;
  const s: MuckTrucksState = {
    state: new Uint8Array(count).fill(LOADING),
    lon: Float64Array.from(world.trucks, (t) => t.lon),
    lat: Float64Array.from(world.trucks, (t) => t.lat),
    path: new Array(count).fill(null),
    progressKm: new Float64Array(count),
    speedKmh: new Float64Array(count),
    untilMs: new Float64Array(count),
    trip: new Uint32Array(count),
    dumping: new Uint8Array(count),
  };
  // The fleet starts spread over its cycle: some loading, some on the road either way.
  for (let i = 0; i < count; i++) {
    const phase = u(world.seed, i, 0, 7, [0, 1]);
    if (phase < 0.2) s.untilMs[i] = nowMs + u(world.seed, i, 0, 6, LOADING_MIN) * phase * 5 * 60_000;
    else {
      startLeg(world, s, i, phase < 0.6 ? HAULING : RETURNING, nowMs);
      const path = s.path[i]!;
      s.progressKm[i] = path.km[path.km.length - 1] * u(world.seed, i, 0, 5, [0, 0.9]);
      [s.lon[i], s.lat[i]] = pointOnPath(path, s.progressKm[i]);
    }
  }
  return s;
}

function startLeg(world: TruckWorld, s: MuckTrucksState, i: number, state: number, nowMs: number): void {
  const trip = s.trip[i];
  s.state[i] = state;
  s.progressKm[i] = 0;
  s.speedKmh[i] = u(world.seed, i, trip, 4, SPEED_KMH);
  if (state === HAULING) {
    const haul = haulOf(world, i, trip);
    s.path[i] = haul.path;
    s.dumping[i] = haul.dump ? 1 : 0;
  } else if (!s.dumping[i]) {
    s.path[i] = pathOf(reversed(world.trucks[i].route));
  } else {
    // Back from an illegal dump: the quickest way to the site, not the permitted route.
    const t = world.trucks[i];
    s.path[i] = pathOf(Float64Array.from(roadPath(world, [s.lon[i], s.lat[i]], [t.lon, t.lat])));
    s.dumping[i] = 0;
  }
  s.untilMs[i] = nowMs;
}

/** Moves every truck on by `dtS` seconds to `nowMs`. */
export function stepMuckTrucks(world: TruckWorld, s: MuckTrucksState, nowMs: number, dtS: number): void {
  for (let i = 0; i < s.state.length; i++) {
    const state = s.state[i];
    if (state === LOADING || state === UNLOADING) {
      if (nowMs < s.untilMs[i]) continue;
      if (state === LOADING) startLeg(world, s, i, HAULING, nowMs);
      else startLeg(world, s, i, RETURNING, nowMs);
      continue;
    }
    const path = s.path[i];
    if (!path) continue;
    const length = path.km[path.km.length - 1];
    s.progressKm[i] = Math.min(length, s.progressKm[i] + (s.speedKmh[i] * dtS) / 3600);
    [s.lon[i], s.lat[i]] = pointOnPath(path, s.progressKm[i]);
    if (s.progressKm[i] < length) continue;
    s.path[i] = null;
    if (state === HAULING) {
      s.state[i] = UNLOADING;
      s.untilMs[i] = nowMs + u(world.seed, i, s.trip[i], 5, UNLOADING_MIN) * 60_000;
    } else {
      s.state[i] = LOADING;
      s.trip[i]++;
      s.untilMs[i] = nowMs + u(world.seed, i, s.trip[i], 6, LOADING_MIN) * 60_000;
    }
  }
}
