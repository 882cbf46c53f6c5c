import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { IncidentDesk } from '../../../../mock-server/incidents/incidentDesk';
import { defaultRules } from '../../../../mock-server/rules/defaultRules';
import { createDrainageState, PUMP_TRUCK_CM_MIN } from '../../../../mock-server/simulator/drainage';
import { createRng } from '../../../../mock-server/simulator/rng';
import { routerFor } from '../../../../mock-server/simulator/routing';
import { createTeamsState, stepTeams, ON_SITE } from '../../../../mock-server/simulator/teams';
import type { Alarm, CityEvent, Incident } from '@/protocol/cityEvents';

const MIN = 60_000;
let assets: CityAssets;
beforeAll(() => {
  assets = placeAssets(loadCityGeo(), createRng(42));
});

function makeDesk() {
  const teams = createTeamsState(assets);
  const drainage = createDrainageState(assets);
  const desk = new IncidentDesk({ assets, rules: defaultRules(assets), router: routerFor(assets.roads), teams, drainage, rng: createRng(1) });
  return { desk, teams, drainage };
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
    const { desk } = makeDesk();
    const events = desk.onAlarms([underpassAlarm(3, 'critical')], 10 * MIN);
    const [incident] = incidentsOf(events);
    expect(incident).toMatchObject({ category: 'underpassFlooding', priority: 1, unit: 'waterAuthority', status: 'new', assetKind: 'underpass', assetSlot: 3 });
    expect(incident.segment).toBe(assets.underpasses[3].segment);
    const [closure] = closuresOf(events);
    expect(closure).toMatchObject({ state: 'active', notified: 'trafficPolice', underpassSlot: 3 });
    expect(closure.segments).toContain(assets.underpasses[3].segment);
    for (const s of closure.segments) expect(desk.closed[s]).toBe(1);
  });

  it('opens nothing for a warning-level underpass (yellow sign, road open)', () => {
    const { desk } = makeDesk();
    expect(desk.onAlarms([underpassAlarm(3, 'warning')], 0)).toEqual([]);
  });

  it('keeps one incident per alarm episode and lifts the closure when the water drops below closing depth', () => {
    const { desk } = makeDesk();
    desk.onAlarms([underpassAlarm(3, 'critical')], 0);
    expect(incidentsOf(desk.onAlarms([underpassAlarm(3, 'critical')], MIN))).toEqual([]);
    const eased = desk.onAlarms([underpassAlarm(3, 'warning')], 2 * MIN);
    const [lifted] = closuresOf(eased);
    expect(lifted).toMatchObject({ state: 'lifted', liftedAt: 2 * MIN });
    expect(Array.from(desk.closed).every((v) => v === 0)).toBe(true);
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
    expect(history).toEqual(['dispatched', 'accepted', 'onSite', 'resolved', 'closed']);
    const team = assets.teams.findIndex((_, slot) => teams.incident[slot] === null && teams.state[slot] === 0);
    expect(team).toBeGreaterThanOrEqual(0);
    expect(drainage.underpassAssist[3]).toBe(0);
  });

  it('adds city-life incidents routed to the responsible unit, and marks accidents on the road', () => {
    const { desk } = makeDesk();
    const segment = 10;
    const e = desk.addCityLife('trafficAccident', { lon: 121.4, lat: 31.2, district: 2, segment }, 0);
    expect(e.type === 'incident' && e.incident).toMatchObject({ category: 'trafficAccident', unit: 'trafficPolice', source: 'cityLife' });
    expect(desk.accidents[segment]).toBe(1);
    const outage = desk.addCityLife('powerOutage', { lon: 121.4, lat: 31.2, district: 2, segment: null }, 0);
    expect(outage.type === 'incident' && outage.incident.unit).toBe('powerCompany');
  });
});
