/**
 * The road a flooded underpass closes: its own segment plus the segments of the same class that
 * continue it at either end, so the closure shows as a stretch of road, not a dot.
 */
import type { RoadNetwork } from '../city/roadNetwork';

const cache = new WeakMap<RoadNetwork, Map<number, number[]>>();

function segmentsByNode(net: RoadNetwork): Map<number, number[]> {
  let index = cache.get(net);
  if (!index) {
    index = new Map();
    for (let s = 0; s < net.segmentCount; s++) {
      for (const node of [net.from[s], net.to[s]]) {
        const list = index.get(node);
        if (list) list.push(s);
        else index.set(node, [s]);
      }
    }
    cache.set(net, index);
  }
  return index;
}

export function closureSegments(net: RoadNetwork, segment: number): number[] {
  const byNode = segmentsByNode(net);
  const out = [segment];
  for (const node of [net.from[segment], net.to[segment]]) {
    for (const s of byNode.get(node) ?? []) {
      if (s !== segment && net.roadClass[s] === net.roadClass[segment] && !out.includes(s)) out.push(s);
    }
  }
  return out;
}
