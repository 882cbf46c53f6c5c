import { describe, expect, it } from 'vitest';
import { MUCK_TRUCK_STATES } from '@/protocol/assets';
import { distanceToRouteM } from '@/domain/routeDistance';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { createRng } from '../../../../mock-server/simulator/rng';
import { routerFor } from '../../../../mock-server/simulator/routing';
import { createMuckTrucksState, stepMuckTrucks, type TruckWorld } from '../../../../mock-server/simulator/muckTrucks';

const assets = placeAssets(loadCityGeo(), createRng(7), { roadGridKm: 3, counts: { muckTrucks: 60 } });
const world = (seed: number): TruckWorld => ({ trucks: assets.muckTrucks, net: assets.roads, router: routerFor(assets.roads), seed });
const T0 = Date.UTC(2026, 6, 15);

/** Runs the fleet for `hours` in steps of `stepS`, noting per truck the farthest it got from its route and whether it unloaded away from the disposal site. */
function run(seed: number, hours: number, stepS: number) {
  const w = world(seed);
  const s = createMuckTrucksState(w, T0);
  const farthest = new Float64Array(w.trucks.length);
  const dumpedOff = new Set<number>();
  for (let t = stepS; t <= hours * 3600; t += stepS) {
    stepMuckTrucks(w, s, T0 + t * 1000, stepS);
    w.trucks.forEach((truck, i) => {
      farthest[i] = Math.max(farthest[i], distanceToRouteM(s.lon[i], s.lat[i], truck.route));
      const n = truck.route.length / 2;
      if (MUCK_TRUCK_STATES[s.state[i]] === 'unloading' && distanceToRouteM(s.lon[i], s.lat[i], truck.route.subarray((n - 1) * 2)) > 500) dumpedOff.add(i);
    });
  }
  return { s, farthest, dumpedOff };
}

describe('muck trucks in the simulator', () => {
  it('places each truck with a permitted route from its construction site to a disposal site', () => {
    const trucks = assets.muckTrucks;
    expect(trucks).toHaveLength(60);
    for (const t of trucks) {
      expect(t.route.length).toBeGreaterThanOrEqual(4);
      expect([t.route[0], t.route[1]]).toEqual([t.lon, t.lat]);
      expect(t.site).toMatch(/工地 CS-\d{3}$/);
      expect(t.disposal).toMatch(/消纳场 DS-\d{2}$/);
    }
  });

  it('gives the same trips for the same seed, another city of trips for another', () => {
    const a = run(1, 2, 10);
    const b = run(1, 2, 10);
    expect(Array.from(a.s.lon)).toEqual(Array.from(b.s.lon));
    expect(Array.from(a.s.state)).toEqual(Array.from(b.s.state));
    expect(Array.from(run(2, 2, 10).s.lon)).not.toEqual(Array.from(a.s.lon));
  });

  it('keeps most trucks on their routes and sends a few off them, some to dump', () => {
    const { farthest, dumpedOff } = run(3, 8, 10);
    const off = Array.from(farthest).filter((m) => m > 1000).length;
    expect(off).toBeGreaterThan(0);
    expect(off).toBeLessThan(farthest.length / 2);
    expect(dumpedOff.size).toBeGreaterThan(0);
  });
});
