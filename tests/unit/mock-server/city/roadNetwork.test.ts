import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { toKm } from '../../../../mock-server/city/localProjection';
import {
  buildRoadNetwork,
  EXPRESSWAY,
  nodeSegments,
  ROAD_CLASSES,
  segmentMidpoint,
  type RoadNetwork,
} from '../../../../mock-server/city/roadNetwork';
import { createRng } from '../../../../mock-server/simulator/rng';

let geo: CityGeo;
let net: RoadNetwork;
beforeAll(() => {
  geo = loadCityGeo();
  net = buildRoadNetwork(geo, createRng(42));
});

/** Nodes reachable from node 0, breadth first. */
function reachable(n: RoadNetwork): number {
  const { offsets, segments } = nodeSegments(n);
  const seen = new Uint8Array(n.nodeCount);
  const queue = [0];
  seen[0] = 1;
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    for (let k = offsets[node]; k < offsets[node + 1]; k++) {
      const s = segments[k];
      const other = n.from[s] === node ? n.to[s] : n.from[s];
      if (!seen[other]) {
        seen[other] = 1;
        queue.push(other);
      }
    }
  }
  return queue.length;
}

describe('road network', () => {
  it('has a few thousand segments at the default 1 km grid, with every class', () => {
    expect(net.segmentCount).toBeGreaterThanOrEqual(2500);
    expect(net.segmentCount).toBeLessThanOrEqual(5000);
    const perClass = ROAD_CLASSES.map((_, c) => net.roadClass.filter((v) => v === c).length);
    for (const count of perClass) expect(count).toBeGreaterThan(300);
  });

  it('keeps consistent columns: node ids in range, positive lengths, a district per segment', () => {
    for (const column of [net.from, net.to, net.roadClass, net.lengthKm, net.district]) expect(column).toHaveLength(net.segmentCount);
    expect(net.names).toHaveLength(net.segmentCount);
    expect(net.nodeLonLat).toHaveLength(net.nodeCount * 2);
    for (let s = 0; s < net.segmentCount; s++) {
      expect(net.from[s]).toBeLessThan(net.nodeCount);
      expect(net.to[s]).toBeLessThan(net.nodeCount);
      expect(net.from[s]).not.toBe(net.to[s]);
      expect(net.lengthKm[s]).toBeGreaterThan(0);
      expect(net.lengthKm[s]).toBeLessThan(4);
      expect(net.district[s]).toBeGreaterThanOrEqual(0);
      expect(net.district[s]).toBeLessThan(geo.districts.length);
    }
    expect(new Set(net.district).size).toBe(geo.districts.length);
  });

  it('cuts the real expressways into labelled pieces of about 1 km; grid roads have no name', () => {
    for (let s = 0; s < net.segmentCount; s++) {
      if (net.roadClass[s] === EXPRESSWAY) {
        expect(net.names[s]).not.toBe('');
        expect(net.namesEn[s]).not.toBe('');
        expect(net.lengthKm[s]).toBeLessThan(1.5);
      } else {
        expect(net.names[s]).toBe('');
      }
    }
    expect(new Set(net.namesEn.filter(Boolean))).toEqual(new Set(geo.roads.map((r) => r.properties.nameEn)));
  });

  it('joins crossing expressways at a shared node', () => {
    const { offsets, segments } = nodeSegments(net);
    const junction = (a: string, b: string) =>
      Array.from({ length: net.nodeCount }, (_, n) => n).some((n) => {
        const names = new Set<string>();
        for (let k = offsets[n]; k < offsets[n + 1]; k++) names.add(net.namesEn[segments[k]]);
        return names.has(a) && names.has(b);
      });
    expect(junction('Inner Ring Road', "Yan'an Elevated Road")).toBe(true);
    expect(junction('North–South Elevated Road', "Yan'an Elevated Road")).toBe(true);
    expect(junction('Outer Ring S20', 'G60 Shanghai–Kunming Expressway')).toBe(true);
  });

  it('links expressways to the grid with ramps and is one connected network', () => {
    const { offsets, segments } = nodeSegments(net);
    let ramps = 0;
    for (let n = 0; n < net.nodeCount; n++) {
      const classes = new Set<number>();
      for (let k = offsets[n]; k < offsets[n + 1]; k++) classes.add(net.roadClass[segments[k]]);
      if (classes.has(EXPRESSWAY) && classes.size > 1) ramps++;
    }
    expect(ramps).toBeGreaterThan(100);
    expect(reachable(net)).toBe(net.nodeCount);
  });

  it('is dense in the centre and sparse in the suburbs', () => {
    const kmPerKm2 = (r0: number, r1: number) => {
      let km = 0;
      for (let s = 0; s < net.segmentCount; s++) {
        const r = Math.hypot(...toKm(...segmentMidpoint(net, s)));
        if (r >= r0 && r < r1) km += net.lengthKm[s];
      }
      return km / (Math.PI * (r1 * r1 - r0 * r0));
    };
    expect(kmPerKm2(0, 6)).toBeGreaterThan(1.5);
    expect(kmPerKm2(0, 6)).toBeGreaterThan(3 * kmPerKm2(35, 50));
  });

  it('puts a segment midpoint halfway between its nodes', () => {
    const [lon, lat] = segmentMidpoint(net, 0);
    const a = net.from[0] * 2;
    const b = net.to[0] * 2;
    expect(lon).toBeCloseTo((net.nodeLonLat[a] + net.nodeLonLat[b]) / 2, 12);
    expect(lat).toBeCloseTo((net.nodeLonLat[a + 1] + net.nodeLonLat[b + 1]) / 2, 12);
  });

  it('is deterministic for a seed, and the seed moves the grid', () => {
    const again = buildRoadNetwork(geo, createRng(42));
    expect(again.nodeLonLat).toEqual(net.nodeLonLat);
    expect(again.from).toEqual(net.from);
    expect(again.roadClass).toEqual(net.roadClass);
    expect(buildRoadNetwork(geo, createRng(43)).nodeLonLat).not.toEqual(net.nodeLonLat);
  });

  it('reaches the load-test size at a 250 m grid', () => {
    const big = buildRoadNetwork(geo, createRng(42), { gridKm: 0.25 });
    expect(big.segmentCount).toBeGreaterThanOrEqual(40_000);
    expect(big.segmentCount).toBeLessThan(70_000);
    expect(reachable(big)).toBe(big.nodeCount);
  });
});
