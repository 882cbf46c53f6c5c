/**
 * Fastest routes on the road network (ngraph.path's A*): edge weight is travel time at the
 * segment's current speed, closed segments are impassable. Used to move response teams.
 */
import KDBush from 'kdbush';
import createGraph, { type Graph, type Link, type Node } from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import { toKm } from '../city/localProjection';
import { ROAD_CLASSES, type RoadNetwork } from '../city/roadNetwork';
import { FREE_FLOW_KMH, MAX_SPEED_KMH } from './traffic';

export interface Route {
  /** Node ids from start to end (one node when start = end). */
  nodes: number[];
  /** segments[i] joins nodes[i] and nodes[i + 1]. */
  segments: number[];
  lengthKm: number;
  /** Travel time at the speeds the route was planned with. */
  minutes: number;
}

export interface Router {
  /** The node nearest to a point. */
  nearestNode(lon: number, lat: number): number;
  /**
   * The fastest route, or null when there is none (every way blocked). speedKmh per segment falls
   * back to free flow when left out; a segment with speed 0 or closed[s] = 1 is impassable.
   */
  route(fromNode: number, toNode: number, speedKmh?: Float32Array, closed?: Uint8Array): Route | null;
}

/** Link data: the segment id. */
type RoadGraph = Graph<undefined, number>;

const routers = new WeakMap<RoadNetwork, Router>();

/** One router per network: building the graph and index costs 10–100 ms, so share it. */
export function routerFor(net: RoadNetwork): Router {
  let router = routers.get(net);
  if (!router) {
    router = createRouter(net);
    routers.set(net, router);
  }
  return router;
}

export function createRouter(net: RoadNetwork): Router {
  const xy = new Float64Array(net.nodeCount * 2);
  const index = new KDBush(Math.max(net.nodeCount, 1));
  for (let n = 0; n < net.nodeCount; n++) {
    const [x, y] = toKm(net.nodeLonLat[n * 2], net.nodeLonLat[n * 2 + 1]);
    xy[n * 2] = x;
    xy[n * 2 + 1] = y;
    index.add(x, y);
  }
  index.finish();

  const graph: RoadGraph = createGraph();
  for (let n = 0; n < net.nodeCount; n++) graph.addNode(n);
  for (let s = 0; s < net.segmentCount; s++) graph.addLink(net.from[s], net.to[s], s);
  const freeFlow = Float32Array.from(net.roadClass, (c) => FREE_FLOW_KMH[ROAD_CLASSES[c]]);

  // The pathfinder is built once and reads the speeds of the route being planned from here.
  let speeds: Float32Array | undefined;
  let closures: Uint8Array | undefined;
  const minutesOf = (s: number) => (net.lengthKm[s] / (speeds ? speeds[s] : freeFlow[s])) * 60;
  const finder = aStar<undefined, number>(graph, {
    blocked: (_a, _b, link: Link<number>) => closures?.[link.data] === 1 || (speeds !== undefined && !(speeds[link.data] > 0)),
    distance: (_a, _b, link: Link<number>) => minutesOf(link.data),
    // Straight-line distance at the top speed never overestimates, so routes stay fastest.
    heuristic: (a: Node<undefined>, b: Node<undefined>) => {
      const i = Number(a.id) * 2;
      const j = Number(b.id) * 2;
      return (Math.hypot(xy[i] - xy[j], xy[i + 1] - xy[j + 1]) / MAX_SPEED_KMH) * 60;
    },
  });

  const segmentBetween = (a: number, b: number): number => (graph.getLink(a, b) ?? graph.getLink(b, a))!.data;

  return {
    nearestNode(lon, lat) {
      const [x, y] = toKm(lon, lat);
      // kdbush has no nearest-neighbour query: widen a radius search until it finds something.
      for (let r = 0.5; ; r *= 2) {
        const hits = index.within(x, y, r);
        if (hits.length === 0 && r < 1e4) continue;
        let best = -1;
        let bestDist = Infinity;
        for (const n of hits) {
          const dist = Math.hypot(xy[n * 2] - x, xy[n * 2 + 1] - y);
          if (dist < bestDist) [best, bestDist] = [n, dist];
        }
        return best;
      }
    },
    route(fromNode, toNode, speedKmh, closed) {
      for (const n of [fromNode, toNode])
        if (!Number.isInteger(n) || n < 0 || n >= net.nodeCount) throw new RangeError(`no node ${n}`);
      speeds = speedKmh;
      closures = closed;
      try {
        // ngraph.path returns the path from the target back to the source; when the target is only
        // reachable through blocked links it can return the target alone, so check both ends.
        const path = finder.find(fromNode, toNode).map((node) => Number(node.id)).reverse();
        return path.length > 0 && path[0] === fromNode && path[path.length - 1] === toNode ? summarise(path) : null;
      } finally {
        speeds = undefined;
        closures = undefined;
      }
    },
  };

  function summarise(nodes: number[]): Route {
    const segments: number[] = [];
    let lengthKm = 0;
    let minutes = 0;
    for (let i = 1; i < nodes.length; i++) {
      const s = segmentBetween(nodes[i - 1], nodes[i]);
      segments.push(s);
      lengthKm += net.lengthKm[s];
      minutes += minutesOf(s);
    }
    return { nodes, segments, lengthKm, minutes };
  }
}

/** The point `km` kilometres along a route (clamped to its ends), [lon, lat]. */
export function positionAlong(net: RoadNetwork, route: Route, km: number): [number, number] {
  const at = (n: number): [number, number] => [net.nodeLonLat[n * 2], net.nodeLonLat[n * 2 + 1]];
  let left = Math.max(km, 0);
  for (let i = 0; i < route.segments.length; i++) {
    const len = net.lengthKm[route.segments[i]];
    if (left <= len || i === route.segments.length - 1) {
      const t = len > 0 ? Math.min(left / len, 1) : 1;
      const [ax, ay] = at(route.nodes[i]);
      const [bx, by] = at(route.nodes[i + 1]);
      return [ax + t * (bx - ax), ay + t * (by - ay)];
    }
    left -= len;
  }
  return at(route.nodes[0]);
}
