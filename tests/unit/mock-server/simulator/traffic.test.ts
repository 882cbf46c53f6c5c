import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { toKm } from '../../../../mock-server/city/localProjection';
import { buildRoadNetwork, nodeSegments, segmentMidpoint, type RoadNetwork } from '../../../../mock-server/city/roadNetwork';
import { createRng } from '../../../../mock-server/simulator/rng';
import {
  congestionIndexOf,
  createTrafficState,
  stepTraffic,
  type TrafficInputs,
  type TrafficState,
} from '../../../../mock-server/simulator/traffic';
import { cityCongestionIndexOf } from '@/domain/congestion';

/** The city's index as the vitals compute it: segment indices weighted by length, to 0.1. */
const cityCongestionIndex = (net: RoadNetwork, state: TrafficState) => cityCongestionIndexOf(state.index, net.lengthKm);

const NIGHT = Date.parse('2026-07-15T03:00:00+08:00');
const MORNING_PEAK = Date.parse('2026-07-15T08:30:00+08:00');
const EVENING_PEAK = Date.parse('2026-07-15T18:00:00+08:00');

let geo: CityGeo;
let net: RoadNetwork;
beforeAll(() => {
  geo = loadCityGeo();
  net = buildRoadNetwork(geo, createRng(42));
});

function inputs(n: RoadNetwork, timeMs: number, rainMmH = 0): TrafficInputs {
  return {
    timeMs,
    rainMmH: new Float32Array(n.segmentCount).fill(rainMmH),
    closed: new Uint8Array(n.segmentCount),
    accidents: new Uint8Array(n.segmentCount),
  };
}

function run(n: RoadNetwork, input: TrafficInputs, seed = 1): TrafficState {
  const state = createTrafficState(n);
  stepTraffic(n, state, input, seed);
  return state;
}

/** A busy arterial near People's Square. */
function centralSegment(n: RoadNetwork): number {
  for (let s = 0; s < n.segmentCount; s++) if (n.roadClass[s] === 1 && Math.hypot(...toKm(...segmentMidpoint(n, s))) < 3) return s;
  throw new Error('no central arterial');
}

function neighbours(n: RoadNetwork, s: number): number[] {
  const { offsets, segments } = nodeSegments(n);
  const out: number[] = [];
  for (const node of [n.from[s], n.to[s]])
    for (let k = offsets[node]; k < offsets[node + 1]; k++) if (segments[k] !== s) out.push(segments[k]);
  return out;
}

describe('traffic performance index of a segment', () => {
  it('puts the band edges at 2, 4, 6 and 8 for each class', () => {
    const edges = { expressway: [65, 50, 35, 20], arterial: [40, 30, 20, 15], local: [35, 25, 15, 10] } as const;
    for (const [roadClass, speeds] of Object.entries(edges) as [keyof typeof edges, readonly number[]][]) {
      speeds.forEach((v, i) => expect(congestionIndexOf(v, roadClass)).toBeCloseTo(2 * (i + 1), 10));
      expect(congestionIndexOf(0, roadClass)).toBe(10);
    }
  });

  it('interpolates inside a band and stays within 0–10', () => {
    expect(congestionIndexOf(80, 'expressway')).toBe(0);
    expect(congestionIndexOf(120, 'expressway')).toBe(0);
    expect(congestionIndexOf(72.5, 'expressway')).toBeCloseTo(1, 10);
    expect(congestionIndexOf(57.5, 'expressway')).toBeCloseTo(3, 10);
    expect(congestionIndexOf(17.5, 'arterial')).toBeCloseTo(7, 10);
    expect(congestionIndexOf(5, 'local')).toBeCloseTo(9, 10);
    expect(congestionIndexOf(-1, 'local')).toBe(10);
  });
});

describe('traffic model', () => {
  it('is smoother at night than in the evening rush, and the morning rush is congested too', () => {
    const night = cityCongestionIndex(net, run(net, inputs(net, NIGHT)));
    const evening = cityCongestionIndex(net, run(net, inputs(net, EVENING_PEAK)));
    const morning = cityCongestionIndex(net, run(net, inputs(net, MORNING_PEAK)));
    expect(night).toBeLessThan(2);
    expect(evening).toBeGreaterThan(night + 2);
    expect(morning).toBeGreaterThan(night + 2);
  });

  it('gets worse with rain, more above 8 mm/h and much more above 16 mm/h', () => {
    const at = (mm: number) => cityCongestionIndex(net, run(net, inputs(net, EVENING_PEAK, mm)));
    const [dry, light, heavy, storm] = [at(0), at(4), at(12), at(30)];
    expect(light).toBeGreaterThan(dry);
    expect(heavy).toBeGreaterThan(light + 0.3);
    expect(storm).toBeGreaterThan(heavy + 0.5);
  });

  it('reads 0 km/h and index 10 on a closed segment, and slows its neighbours', () => {
    const s = centralSegment(net);
    const open = run(net, inputs(net, EVENING_PEAK));
    const input = inputs(net, EVENING_PEAK);
    input.closed[s] = 1;
    const closed = run(net, input);
    expect(closed.speed[s]).toBe(0);
    expect(closed.index[s]).toBe(10);
    const around = neighbours(net, s);
    expect(around.length).toBeGreaterThan(0);
    for (const n of around) {
      expect(closed.speed[n]).toBeLessThan(open.speed[n]);
      expect(closed.index[n]).toBeGreaterThanOrEqual(open.index[n]);
    }
  });

  it('slows a segment with an accident, even at night', () => {
    const s = centralSegment(net);
    for (const time of [NIGHT, EVENING_PEAK]) {
      const before = run(net, inputs(net, time));
      const input = inputs(net, time);
      input.accidents[s] = 1;
      const after = run(net, input);
      expect(after.speed[s]).toBeLessThan(before.speed[s] * 0.8);
      expect(after.index[s]).toBeGreaterThan(before.index[s]);
    }
  });

  it('gives the same arrays for the same inputs, however often it is called', () => {
    const a = run(net, inputs(net, EVENING_PEAK), 7);
    const b = createTrafficState(net);
    for (let t = NIGHT; t < EVENING_PEAK; t += 3600_000) stepTraffic(net, b, inputs(net, t), 7);
    stepTraffic(net, b, inputs(net, EVENING_PEAK), 7);
    expect(b.speed).toEqual(a.speed);
    expect(b.index).toEqual(a.index);
    expect(run(net, inputs(net, EVENING_PEAK), 8).speed).not.toEqual(a.speed);
  });

  it('quantises speed and index to 0.1', () => {
    const state = run(net, inputs(net, MORNING_PEAK, 10));
    for (let s = 0; s < net.segmentCount; s++) {
      expect(Math.abs(state.speed[s] * 10 - Math.round(state.speed[s] * 10))).toBeLessThan(1e-3);
      expect(Math.abs(state.index[s] * 10 - Math.round(state.index[s] * 10))).toBeLessThan(1e-3);
      expect(state.speed[s]).toBeGreaterThan(0);
      expect(state.index[s]).toBeGreaterThanOrEqual(0);
      expect(state.index[s]).toBeLessThanOrEqual(10);
    }
  });

  it('steps the 50,000-segment load-test network quickly (time printed, not asserted)', () => {
    const big = buildRoadNetwork(geo, createRng(42), { gridKm: 0.25 });
    const input = inputs(big, EVENING_PEAK, 5);
    input.closed[100] = 1;
    input.accidents[200] = 1;
    const state = createTrafficState(big);
    stepTraffic(big, state, input, 1); // warm up: caches and JIT
    const runs = 20;
    const start = performance.now();
    for (let i = 0; i < runs; i++) {
      input.timeMs += 1000;
      stepTraffic(big, state, input, 1);
    }
    const ms = (performance.now() - start) / runs;
    console.info(`stepTraffic: ${big.segmentCount} segments in ${ms.toFixed(2)} ms`);
    expect(cityCongestionIndex(big, state)).toBeGreaterThan(0);
  });
});
