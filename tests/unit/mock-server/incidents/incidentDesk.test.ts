import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import type { DeskWorld } from '../../../../mock-server/incidents/deskWorld';
import { IncidentDesk } from '../../../../mock-server/incidents/incidentDesk';
import { defaultRules } from '../../../../mock-server/rules/defaultRules';
import { createDrainageState, PUMP_TRUCK_CM_MIN } from '../../../../mock-server/simulator/drainage';
import { createRng } from '../../../../mock-server/simulator/rng';
import { routerFor, type Route } from '../../../../mock-server/simulator/routing';
import { SimulatedWorld } from '../../../../mock-server/simulator/simulatedWorld';
import { createTeamsState, stepTeams, ON_SITE } from '../../../../mock-server/simulator/teams';
import type { Alarm, CityEvent, Incident } from '@/protocol/cityEvents';
import type { Actor } from '@/protocol/workOrders';

const MIN = 60_000;
let assets: CityAssets;
beforeAll(() => {
  assets = placeAssets(loadCityGeo(), createRng(42));
});

function makeDesk() {
  const teams = createTeamsState(assets);
  const drainage = createDrainageState(assets);
  const world = new SimulatedWorld(assets, teams, drainage, routerFor(assets.roads));
  const desk = new IncidentDesk({ assets, rules: defaultRules(assets), world, rng: createRng(1) });
  return { desk, teams, drainage, world };
}

const underpassAlarm = (slot: number, severity: Alarm['severity'], state: Alarm['state'] = 'active'): Alarm => {
  const u = assets.underpasses[slot];
  return {
    id: `underpass.depth:${u.id}:0`,
    ruleId: 'underpass.depth',
    trigger: 'threshold',
    assetKind: 'underpass',
    slot,
    assetId: u.id,
    severity,
    value: 30,
    unit: 'cm',
    threshold: 25,
    raisedAt: 0,
    updatedAt: 0,
    clearedAt: state === 'cleared' ? 0 : null,
    state,
    acknowledged: false,
    lon: u.lon,
    lat: u.lat,
    district: u.district,
  };
};

const incidentsOf = (events: CityEvent[]) => events.flatMap((e) => (e.type === 'incident' ? [e.incident] : []));
const closuresOf = (events: CityEvent[]) => events.flatMap((e) => (e.type === 'closure' ? [e.closure] : []));

describe('incident desk: the underpass cascade', () => {
  it('raises an incident and a closure notice for traffic police when an underpass floods', () => {
    const { desk, world } = makeDesk();
    const events = desk.onAlarms([underpassAlarm(3, 'critical')], 10 * MIN);
    const [incident] = incidentsOf(events);
    expect(incident).toMatchObject({ category: 'underpassFlooding', priority: 1, unit: 'waterAuthority', status: 'new', assetKind: 'underpass', assetSlot: 3 });
    expect(incident.segment).toBe(assets.underpasses[3].segment);
    const [closure] = closuresOf(events);
    expect(closure).toMatchObject({ state: 'active', notified: 'trafficPolice', underpassSlot: 3 });
    expect(closure.segments).toContain(assets.underpasses[3].segment);
    for (const s of closure.segments) expect(world.closed[s]).toBe(1);
  });

  it('opens nothing for a warning-level underpass (yellow sign, road open)', () => {
    const { desk } = makeDesk();
    expect(desk.onAlarms([underpassAlarm(3, 'warning')], 0)).toEqual([]);
  });

  it('keeps one incident per alarm episode and lifts the closure when the water drops below closing depth', () => {
    const { desk, world } = makeDesk();
    desk.onAlarms([underpassAlarm(3, 'critical')], 0);
    expect(incidentsOf(desk.onAlarms([underpassAlarm(3, 'critical')], MIN))).toEqual([]);
    const eased = desk.onAlarms([underpassAlarm(3, 'warning')], 2 * MIN);
    const [lifted] = closuresOf(eased);
    expect(lifted).toMatchObject({ state: 'lifted', liftedAt: 2 * MIN });
    expect(Array.from(world.closed).every((v) => v === 0)).toBe(true);
    expect(desk.openIncidents()).toHaveLength(1);
  });

  it('sends a pump truck that drives there, pumps the underpass out, and resolves only once the alarm has cleared', () => {
    const { desk, teams, drainage } = makeDesk();
    desk.onAlarms([underpassAlarm(3, 'critical')], 0);
    const history: Incident['status'][] = [];
    let t = 0;
    let cleared = false;
    for (let step = 0; step < 1000 && desk.openIncidents().length > 0; step++) {
      t += 10_000;
      const arrived = stepTeams(teams, assets.roads, 10);
      for (const i of incidentsOf(desk.step(t, arrived))) history.push(i.status);
      const incident = desk.openIncidents()[0];
      if (incident?.status === 'onSite') {
        expect(drainage.underpassAssist[3]).toBe(PUMP_TRUCK_CM_MIN);
        expect(teams.state[incident.teamSlot!]).toBe(ON_SITE);
        if (!cleared && t > 3 * 3_600_000) throw new Error('never cleared');
        // The water goes down once the truck works; the alarm clears some minutes later.
        if (!cleared && history.filter((s) => s === 'onSite').length && step % 30 === 0) {
          desk.onAlarms([underpassAlarm(3, 'warning', 'cleared')], t);
          cleared = true;
        }
      }
    }
    expect(history).toEqual(['dispatched', 'accepted', 'onSite', 'resolved', 'verified', 'closed']);
    const team = assets.teams.findIndex((_, slot) => teams.incident[slot] === null && teams.state[slot] === 0);
    expect(team).toBeGreaterThanOrEqual(0);
    expect(drainage.underpassAssist[3]).toBe(0);
  });

  it('adds city-life incidents routed to the responsible unit, and marks accidents on the road', () => {
    const { desk, world } = makeDesk();
    const segment = 10;
    const e = desk.addCityLife('trafficAccident', { lon: 121.4, lat: 31.2, district: 2, segment }, 0);
    expect(e.type === 'incident' && e.incident).toMatchObject({ category: 'trafficAccident', unit: 'trafficPolice', source: 'cityLife' });
    expect(world.accidents[segment]).toBe(1);
    const outage = desk.addCityLife('powerOutage', { lon: 121.4, lat: 31.2, district: 2, segment: null }, 0);
    expect(outage.type === 'incident' && outage.incident.unit).toBe('powerCompany');
  });
});

const frozenAlarm = (slot: number, state: Alarm['state'] = 'active'): Alarm => ({
  ...underpassAlarm(slot, 'minor', state),
  id: `underpass.depth:frozen:${assets.underpasses[slot].id}:0`,
  trigger: 'frozen',
  value: 600,
  unit: 's',
  threshold: 600,
});

describe('incident desk: the frozen-sensor trigger', () => {
  it('opens a sensor-fault incident for a silent sensor, apart from the flood alarm of the same rule and underpass', () => {
    const { desk } = makeDesk();
    const events = desk.onAlarms([underpassAlarm(3, 'critical'), frozenAlarm(3)], 0);
    const opened = incidentsOf(events);
    expect(opened.map((i) => i.category)).toEqual(['underpassFlooding', 'sensorFault']);
    // Both name the rule by its id; the trigger tells them apart.
    expect(opened.map((i) => i.alarmRuleId)).toEqual(['underpass.depth', 'underpass.depth']);
    expect(desk.takeAudit().map((a) => a.actor.name)).toEqual(['underpass.depth', 'underpass.depth']);
    // Only the reading alarm closes the road.
    expect(closuresOf(events)).toHaveLength(1);
    expect(closuresOf(desk.onAlarms([frozenAlarm(3, 'cleared')], MIN))).toEqual([]);
    expect(desk.activeClosures()).toHaveLength(1);
  });

  it('ends one trigger’s episode without touching the other', () => {
    const { desk } = makeDesk();
    desk.onAlarms([underpassAlarm(3, 'critical'), frozenAlarm(3)], 0);
    desk.onAlarms([frozenAlarm(3, 'cleared')], MIN);
    // The flood episode still holds its incident: no second one.
    expect(incidentsOf(desk.onAlarms([underpassAlarm(3, 'critical')], 2 * MIN))).toEqual([]);
    // The frozen episode ended: the sensor's next silence is a new incident.
    expect(incidentsOf(desk.onAlarms([frozenAlarm(3)], 3 * MIN)).map((i) => i.category)).toEqual(['sensorFault']);
  });

  it('re-attaches a restored sensor-fault incident to the frozen trigger of its rule', () => {
    const { desk } = makeDesk();
    const [fault] = incidentsOf(desk.onAlarms([frozenAlarm(3)], 0));
    const restarted = makeDesk().desk;
    restarted.restore([fault], { ...desk.counters }, MIN);
    expect(incidentsOf(restarted.onAlarms([frozenAlarm(3)], 2 * MIN))).toEqual([]);
    expect(incidentsOf(restarted.onAlarms([underpassAlarm(3, 'critical')], 2 * MIN)).map((i) => i.category)).toEqual(['underpassFlooding']);
  });
});

/** A world that only records what the desk asks of it: every team free at one spot, every route a minute. */
function recordingWorld() {
  const calls: string[] = [];
  const route: Route = { nodes: [0], segments: [], lengthKm: 1, minutes: 1 };
  const world: DeskWorld = {
    team: () => ({ available: true, lon: 121.4, lat: 31.2, incident: null }),
    routeFor: () => route,
    sendTeam: (slot, _route, id) => calls.push(`send ${slot} ${id}`),
    releaseTeam: (slot) => calls.push(`release ${slot}`),
    placeTeamOnSite: (slot) => calls.push(`onSite ${slot}`),
    pumpOut: (kind, slot, working) => calls.push(`pumpOut ${kind} ${slot} ${working}`),
    repairPump: (slot) => calls.push(`repair ${slot}`),
    setRoadClosed: (segments, closed) => calls.push(`closed ${segments.length} ${closed}`),
    setAccident: (segment, blocked) => calls.push(`accident ${segment} ${blocked}`),
    setTrapped: (slot, trapped) => calls.push(`trapped ${slot} ${trapped}`),
  };
  return { world, calls };
}

describe('incident desk: its port to the world', () => {
  const officer: Actor = { kind: 'user', name: 'dispatcher', role: 'dispatcher' };

  it('closes and reopens roads, blocks and clears accidents, and holds trapped elevators through the port', () => {
    const { world, calls } = recordingWorld();
    const desk = new IncidentDesk({ assets, rules: defaultRules(assets), world, rng: createRng(1), autopilot: false });
    desk.onAlarms([underpassAlarm(3, 'critical')], 0);
    desk.onAlarms([underpassAlarm(3, 'warning')], MIN);
    const accident = desk.addCityLife('trafficAccident', { lon: 121.4, lat: 31.2, district: 2, segment: 10 }, 0);
    const trapped = desk.addCityLife('elevatorEntrapment', { lon: 121.4, lat: 31.2, district: 2, segment: null, asset: { kind: 'elevator', slot: 7 } }, 0);
    for (const e of [accident, trapped]) if (e.type === 'incident') desk.act(e.incident.id, { action: 'cancel', actor: officer, at: MIN, recordedAt: 0, note: 'test' });
    const segments = closuresOf(desk.onAlarms([underpassAlarm(3, 'critical')], 2 * MIN))[0].segments.length;
    expect(calls).toEqual([`closed ${segments} true`, `closed ${segments} false`, 'accident 10 true', 'trapped 7 true', 'accident 10 false', 'trapped 7 false', `closed ${segments} true`]);
  });

  it('sends, pumps out with and releases a team through the port', () => {
    const { world, calls } = recordingWorld();
    const desk = new IncidentDesk({ assets, rules: defaultRules(assets), world, rng: createRng(1), autopilot: false });
    const [flood] = incidentsOf(desk.onAlarms([underpassAlarm(3, 'critical')], 0));
    calls.length = 0;
    const dispatched = desk.act(flood.id, { action: 'dispatch', actor: officer, at: 0, recordedAt: 0 }).incident;
    for (const action of ['accept', 'arrive'] as const) desk.act(flood.id, { action, actor: officer, at: 0, recordedAt: 0 });
    expect(calls).toEqual([`send ${dispatched.teamSlot} ${flood.id}`, 'pumpOut underpass 3 true']);
  });

  it('stamps each new incident with its unit-grid place, and none off the grid', () => {
    const { world } = makeDesk();
    const place = { cellCode: '3101010010010033', gridCode: '310101001001', streetCode: '310101001', streetName: '黄浦区街道01', streetNameEn: 'Huangpu street 01' };
    const desk = new IncidentDesk({ assets, rules: defaultRules(assets), world, rng: createRng(1), autopilot: false, gridPlaceAt: (lon) => (lon > 122 ? null : place) });
    const onLand = desk.report('litter', { lon: 121.4737, lat: 31.2304, district: 0, segment: null }, 0, { description: 'litter', externalRef: null });
    const atSea = desk.report('litter', { lon: 122.6, lat: 30.9, district: 0, segment: null }, 0, { description: 'litter', externalRef: null });
    expect(onLand.grid).toEqual(place);
    expect(atSea.grid).toBeNull();
  });
});
