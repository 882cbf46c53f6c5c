import { describe, expect, it } from 'vitest';
import { MUCK_TRUCK_STATES } from '@/protocol/assets';
import type { MuckTruck } from '../../../../mock-server/city/assets';
import { GeofenceEngine } from '../../../../mock-server/rules/geofenceEngine';
import type { GeofenceRule } from '../../../../mock-server/rules/ruleTypes';

const code = (s: (typeof MUCK_TRUCK_STATES)[number]) => MUCK_TRUCK_STATES.indexOf(s);
// Site at 121.40, disposal site at 121.44, along 31.2°N (about 3.8 km).
const truck: MuckTruck = { id: 'MT-1', name: 'T1', nameEn: 'T1', district: 3, lon: 121.4, lat: 31.2, site: '浦东新区工地 CS-001', disposal: '消纳场 DS-01', route: Float64Array.from([121.4, 31.2, 121.44, 31.2]) };
const MIN = 60_000;

function engine(rules: Partial<GeofenceRule>[], trucks = [truck]) {
  const full = rules.map((r): GeofenceRule => ({ id: r.trigger!, trigger: 'offRoute', assetKind: 'muckTruck', channel: 'truck.pos', limitM: () => 300, severity: 'minor', ...r }));
  return new GeofenceEngine({ rules: full, trucks, districtAt: () => 7 });
}

describe('GeofenceEngine', () => {
  it('raises off route once the pending period has passed, where the truck was, naming its site; clears back on the route', () => {
    const e = engine([{ trigger: 'offRoute', pending: { durationS: 120 } }]);
    e.observe('truck.state', 0, code('hauling'), 0);
    // 0.005° north ≈ 550 m off the route.
    expect(e.observePosition(0, 121.42, 31.205, 1 * MIN)).toEqual([]);
    expect(e.observePosition(0, 121.421, 31.205, 2 * MIN)).toEqual([]);
    const [raised] = e.observePosition(0, 121.422, 31.205, 3 * MIN);
    expect(raised).toMatchObject({ ruleId: 'offRoute', trigger: 'offRoute', assetId: 'MT-1', state: 'active', severity: 'minor', unit: 'm', threshold: 300, lon: 121.422, lat: 31.205, district: 7, origin: '浦东新区工地 CS-001', raisedAt: 3 * MIN });
    expect(raised.value).toBeGreaterThan(500);
    // Still outside 80% of the corridor (250 m): holds.
    expect(e.observePosition(0, 121.423, 31.2023, 4 * MIN)).toEqual([]);
    const [cleared] = e.observePosition(0, 121.424, 31.2, 5 * MIN);
    expect(cleared).toMatchObject({ id: raised.id, state: 'cleared', clearedAt: 5 * MIN, lon: 121.422 });
  });

  it('raises a dump only while unloading away from the disposal site, and a report older than the newest moves nothing', () => {
    const e = engine([{ trigger: 'dumpOffSite', id: 'dump', limitM: () => 500, severity: 'major' }]);
    e.observePosition(0, 121.44, 31.2, 1 * MIN);
    expect(e.observe('truck.state', 0, code('unloading'), 2 * MIN)).toEqual([]); // at its disposal site
    e.observe('truck.state', 0, code('returning'), 3 * MIN);
    e.observePosition(0, 121.41, 31.22, 10 * MIN);
    const [dump] = e.observe('truck.state', 0, code('unloading'), 11 * MIN);
    expect(dump).toMatchObject({ ruleId: 'dump', trigger: 'dumpOffSite', severity: 'major', origin: truck.site, lon: 121.41, lat: 31.22 });
    expect(e.observe('truck.state', 0, code('hauling'), 5 * MIN)).toEqual([]);
    expect(e.active()).toHaveLength(1);
    expect(e.observe('truck.state', 0, code('returning'), 16 * MIN)[0]).toMatchObject({ state: 'cleared' });
  });

  it('takes a truck’s own corridor over the rule’s, samples the trucks the source moves, and leaves idle ones alone', () => {
    const wide = engine([{ trigger: 'offRoute', limitM: () => 1000 }]);
    const pos = Float32Array.from([121.42, 31.205]);
    expect(wide.evaluate(0, { 'truck.pos': pos, 'truck.state': Uint8Array.of(code('hauling')) })).toEqual([]);
    const narrow = engine([{ trigger: 'offRoute' }]);
    expect(narrow.evaluate(0, { 'truck.pos': pos, 'truck.state': Uint8Array.of(code('idle')) })).toEqual([]);
    expect(narrow.evaluate(MIN, { 'truck.pos': pos, 'truck.state': Uint8Array.of(code('hauling')) })).toHaveLength(1);
  });

  it('gives its alarms back after a restart and takes acknowledgements', () => {
    const e = engine([{ trigger: 'offRoute' }]);
    const [alarm] = e.observePosition(0, 121.42, 31.21, MIN);
    const again = engine([{ trigger: 'offRoute' }]);
    expect(again.restore([alarm, { ...alarm, ruleId: 'gone' }])).toHaveLength(1);
    expect(again.acknowledge(alarm.id, 2 * MIN)).toMatchObject({ acknowledged: true, ackedAt: 2 * MIN });
    expect(again.acknowledge(alarm.id, 3 * MIN)).toBeNull();
  });
});
