import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { toKm } from '../../../../mock-server/city/localProjection';
import { buildRoadNetwork, EXPRESSWAY, nodeSegments, type RoadNetwork } from '../../../../mock-server/city/roadNetwork';
import { createRng } from '../../../../mock-server/simulator/rng';
import { createRouter, positionAlong, type Route, type Router } from '../../../../mock-server/simulator/routing';

let net: RoadNetwork;
let router: Router;
let jiading: number;
let pudong: number;
beforeAll(() => {
  net = buildRoadNetwork(loadCityGeo(), createRng(42));
  router = createRouter(net);
  jiading = router.nearestNode(121.25, 31.38);
  pudong = router.nearestNode(121.75, 31.12);
});

const nodeAt = (n: number): [number, number] => [net.nodeLonLat[n * 2], net.nodeLonLat[n * 2 + 1]];
const kmBetween = (a: [number, number], b: [number, number]) => {
  const [ax, ay] = toKm(...a);
  const [bx, by] = toKm(...b);
  return Math.hypot(ax - bx, ay - by);
};

function expectConnected(route: Route, from: number, to: number) {
  expect(route.nodes[0]).toBe(from);
  expect(route.nodes[route.nodes.length - 1]).toBe(to);
  expect(route.segments).toHaveLength(route.nodes.length - 1);
  route.segments.forEach((s, i) => {
    expect([net.from[s], net.to[s]].sort()).toEqual([route.nodes[i], route.nodes[i + 1]].sort());
    if (i > 0) {
      const prev = route.segments[i - 1];
      expect([net.from[prev], net.to[prev]]).toContain(route.nodes[i]);
    }
  });
}

describe('routing', () => {
  it('finds the node nearest to a point', () => {
    const square = router.nearestNode(121.47, 31.23);
    expect(kmBetween(nodeAt(square), [121.47, 31.23])).toBeLessThan(1);
    for (let n = 0; n < net.nodeCount; n += 97) expect(router.nearestNode(...nodeAt(n))).toBe(n);
  });

  it('routes across the city, connected end to end, using the expressways', () => {
    const route = router.route(jiading, pudong);
    expect(route).not.toBeNull();
    expectConnected(route!, jiading, pudong);
    const straight = kmBetween(nodeAt(jiading), nodeAt(pudong));
    expect(straight).toBeGreaterThan(40);
    expect(route!.lengthKm).toBeGreaterThan(straight);
    expect(route!.lengthKm).toBeLessThan(straight * 1.6);
    expect(route!.minutes).toBeGreaterThan((route!.lengthKm / 80) * 60 - 1e-9);
    expect(route!.segments.some((s) => net.roadClass[s] === EXPRESSWAY)).toBe(true);
  });

  it('avoids a closed segment when there is another way, and takes longer', () => {
    const first = router.route(jiading, pudong)!;
    const closed = new Uint8Array(net.segmentCount);
    const cut = first.segments[Math.floor(first.segments.length / 2)];
    closed[cut] = 1;
    const detour = router.route(jiading, pudong, undefined, closed);
    expect(detour).not.toBeNull();
    expectConnected(detour!, jiading, pudong);
    expect(detour!.segments).not.toContain(cut);
    expect(detour!.minutes).toBeGreaterThanOrEqual(first.minutes);
  });

  it('plans with the given speeds: a jam makes the trip longer and a 0 km/h segment is impassable', () => {
    const first = router.route(jiading, pudong)!;
    const speeds = new Float32Array(net.segmentCount).fill(30);
    const slow = router.route(jiading, pudong, speeds)!;
    expect(slow.minutes).toBeGreaterThan(first.minutes);
    speeds[slow.segments[3]] = 0;
    expect(router.route(jiading, pudong, speeds)!.segments).not.toContain(slow.segments[3]);
  });

  it('returns null when every way in is closed, and a one-node route to itself', () => {
    const { offsets, segments } = nodeSegments(net);
    const closed = new Uint8Array(net.segmentCount);
    for (let k = offsets[pudong]; k < offsets[pudong + 1]; k++) closed[segments[k]] = 1;
    expect(router.route(jiading, pudong, undefined, closed)).toBeNull();
    expect(router.route(pudong, pudong)).toEqual({ nodes: [pudong], segments: [], lengthKm: 0, minutes: 0 });
  });

  it('walks a route from start to end with positionAlong', () => {
    const route = router.route(jiading, pudong)!;
    expect(positionAlong(net, route, 0)).toEqual(nodeAt(jiading));
    expect(positionAlong(net, route, -5)).toEqual(nodeAt(jiading));
    const end = positionAlong(net, route, route.lengthKm);
    expect(kmBetween(end, nodeAt(pudong))).toBeLessThan(1e-6);
    expect(positionAlong(net, route, route.lengthKm + 10)).toEqual(nodeAt(pudong));
    // Small steps along the route move the point by at most the step, and it gets there.
    const step = 0.25;
    let prev = positionAlong(net, route, 0);
    for (let km = step; km <= route.lengthKm; km += step) {
      const here = positionAlong(net, route, km);
      expect(kmBetween(prev, here)).toBeLessThanOrEqual(step * 1.01);
      prev = here;
    }
    expect(kmBetween(prev, nodeAt(pudong))).toBeLessThanOrEqual(step * 1.01);
  });
});
