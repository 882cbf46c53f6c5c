import { describe, expect, it } from 'vitest';
import { offRouteOf } from '@/detail/offRouteOf';
import type { Alarm } from '@/protocol/cityEvents';

/** Two trucks: slot 0's route runs east along 31.24°N, slot 1's along 31.30°N. */
const group = {
  count: 2,
  paths: { starts: new Uint32Array([0, 2, 4]), coords: new Float32Array([121.49, 31.24, 121.5, 31.24, 121.5, 31.3, 121.51, 31.3]) },
};
/** Slot 0 about 500 m north of its route (0.0045° of latitude), slot 1 on its own. */
const positions = new Float32Array([121.495, 31.2445, 121.505, 31.3]);

const alarm = (over: Partial<Alarm> = {}): Alarm => ({
  id: 'a1',
  ruleId: 'muckTruck.offRoute',
  trigger: 'offRoute',
  assetKind: 'muckTruck',
  slot: 0,
  assetId: 'MT-1',
  severity: 'minor',
  value: 420,
  unit: 'm',
  threshold: 300,
  raisedAt: 0,
  updatedAt: 0,
  clearedAt: null,
  state: 'active',
  acknowledged: false,
  lon: 121.495,
  lat: 31.2438,
  district: 0,
  ...over,
});

describe('offRouteOf', () => {
  it('gives the live distance from the route, and the corridor, while the truck has an off-route alarm', () => {
    const off = offRouteOf(group, positions, 0, [alarm()]);
    // Now (about 500 m), not where it was when the alarm was raised (420 m).
    expect(off).toEqual({ distanceM: 498, corridorM: 300 });
  });

  it('is null without an active off-route alarm of that truck', () => {
    expect(offRouteOf(group, positions, 0, [])).toBeNull();
    expect(offRouteOf(group, positions, 0, [alarm({ state: 'cleared' })])).toBeNull();
    expect(offRouteOf(group, positions, 0, [alarm({ trigger: 'dumpOffSite' })])).toBeNull();
    expect(offRouteOf(group, positions, 0, [alarm({ slot: 1 })])).toBeNull();
    expect(offRouteOf(group, positions, 0, [alarm({ assetKind: 'team' })])).toBeNull();
  });

  it('is null without a route or a position', () => {
    expect(offRouteOf({ count: 2 }, positions, 0, [alarm()])).toBeNull();
    expect(offRouteOf(group, new Float32Array(4).fill(NaN), 0, [alarm()])).toBeNull();
    expect(offRouteOf(group, positions, 5, [alarm({ slot: 5 })])).toBeNull();
  });
});
