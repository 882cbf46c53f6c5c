/**
 * The road a flooded underpass closes: its own segment plus the segments of the same class that
 * continue it at either end, so the closure shows as a stretch of road, not a dot.
 */
import { nodeSegments, type RoadNetwork } from '../city/roadNetwork';

export function closureSegments(net: RoadNetwork, segment: number): number[] {
  const { offsets, segments } = nodeSegments(net);
  const out = [segment];
  for (const node of [net.from[segment], net.to[segment]]) {
    for (let k = offsets[node]; k < offsets[node + 1]; k++) {
      const s = segments[k];
      if (s !== segment && net.roadClass[s] === net.roadClass[segment] && !out.includes(s)) out.push(s);
    }
  }
  return out;
}
