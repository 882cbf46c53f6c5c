/**
 * The desk's side of work orders: with autopilot off incidents wait for an officer; an officer's
 * dispatch sends the team, which accepts, drives, arrives; cancelling frees it; closed-loop litter
 * runs by itself; a missed SLA escalates; a restart puts incidents and teams back; a field
 * supervisor checks each fix and sends a failed one back to the same team (GB/T 30428's 核查, 返工).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { IncidentDesk } from '../../../../mock-server/incidents/incidentDesk';
import { defaultRules } from '../../../../mock-server/rules/defaultRules';
import { createDrainageState } from '../../../../mock-server/simulator/drainage';
import { createRng, type Rng } from '../../../../mock-server/simulator/rng';
import { routerFor } from '../../../../mock-server/simulator/routing';
import { SimulatedWorld } from '../../../../mock-server/simulator/simulatedWorld';
import { AVAILABLE, createTeamsState, EN_ROUTE, ON_SITE, stepTeams } from '../../../../mock-server/simulator/teams';
import type { Actor } from '@/protocol/workOrders';

const MIN = 60_000;
const officer: Actor = { kind: 'user', name: 'dispatcher', role: 'dispatcher' };
let assets: CityAssets;
beforeAll(() => {
  assets = placeAssets(loadCityGeo(), createRng(42));
});

function makeDesk(autopilot: boolean, rng: Rng = createRng(1)) {
  const teams = createTeamsState(assets);
  const world = new SimulatedWorld(assets, teams, createDrainageState(assets), routerFor(assets.roads));
  const desk = new IncidentDesk({ assets, rules: defaultRules(assets), world, rng, autopilot });
  return { desk, teams };
}

/**
 * Seed 1 with the checks' verdicts scripted: the desk draws `next` only for a supervisor's verdict
 * (below 0.08 fails), its delays come from `range`.
 */
function scriptedChecks(verdicts: number[]): Rng {
  const rng = createRng(1);
  return { ...rng, next: () => verdicts.shift() ?? 0.5 };
}

/** Runs the desk until `done` holds (10 s steps, at most `minutes`); answers the time it held. */
function runUntil(desk: IncidentDesk, teams: ReturnType<typeof createTeamsState>, from: number, done: () => boolean, minutes = 600): number {
  for (let t = from; t < from + minutes * MIN; t += 10_000) {
    desk.step(t, stepTeams(teams, assets.roads, 10));
    if (done()) return t;
  }
  throw new Error('never happened');
}

/** Runs the desk and the teams for some simulated minutes, 10 s at a time. */
function run(desk: IncidentDesk, teams: ReturnType<typeof createTeamsState>, from: number, minutes: number) {
  for (let t = from; t < from + minutes * MIN; t += 10_000) desk.step(t, stepTeams(teams, assets.roads, 10));
}

const site = () => ({ lon: assets.pumpStations[5].lon, lat: assets.pumpStations[5].lat, district: assets.pumpStations[5].district, segment: null });

describe('desk work orders', () => {
  it('leaves incidents for the officer when autopilot is off, then plays the team after a dispatch', () => {
    const { desk, teams } = makeDesk(false);
    desk.onAlarms([], 0);
    const { incident } = desk.addCityLife('trafficAccident', { ...site(), segment: 10 }, 0) as { incident: { id: string } };
    run(desk, teams, 0, 30);
    expect(desk.get(incident.id)?.status).toBe('new');

    // A pump fault needs our repair crew: the officer dispatches to the suggested one.
    const fault = desk.report('pumpFault', site(), 30 * MIN, { description: '泵站跳闸', externalRef: null });
    const [best, second] = desk.teamOptions(fault);
    expect(best.distanceKm).toBeLessThanOrEqual(second?.distanceKm ?? Infinity);
    expect(assets.teams[best.slot].type).toBe('repairCrew');
    const r = desk.act(fault.id, { action: 'dispatch', actor: officer, at: 30 * MIN, recordedAt: 0, expectedVersion: 1 });
    expect(r.incident).toMatchObject({ status: 'dispatched', teamSlot: best.slot, workOrderId: 'WO-000001' });
    expect(teams.state[best.slot]).toBe(EN_ROUTE);
    run(desk, teams, 30 * MIN, 240);
    const trail = desk.takeAudit().filter((a) => a.incidentId === fault.id).map((a) => `${a.action}:${a.actor.role}`);
    expect(trail.slice(0, 5)).toEqual(['create:system', 'accept:team', 'arrive:team', 'resolve:team', 'verify:supervisor']);
    // Resolved and checked by the field supervisor, but closing is the officer's when autopilot is off.
    expect(desk.get(fault.id)?.status).toBe('verified');
    expect(teams.state[best.slot]).toBe(AVAILABLE);
  });

  it('frees the team on cancel and refuses a busy or unsuitable team', () => {
    const { desk, teams } = makeDesk(false);
    const a = desk.report('pumpFault', site(), 0, { description: 'a', externalRef: null });
    const b = desk.report('pumpFault', site(), 0, { description: 'b', externalRef: null });
    const sent = desk.act(a.id, { action: 'dispatch', actor: officer, at: 0, recordedAt: 0 });
    const slot = sent.incident.teamSlot!;
    expect(() => desk.act(b.id, { action: 'dispatch', actor: officer, at: 0, recordedAt: 0, team: slot })).toThrow(/is busy with/);
    const truck = assets.teams.findIndex((t) => t.type === 'pumpTruck');
    expect(() => desk.act(b.id, { action: 'dispatch', actor: officer, at: 0, recordedAt: 0, team: truck })).toThrow(/needs repairCrew/);
    desk.act(a.id, { action: 'cancel', actor: officer, at: MIN, recordedAt: 0, note: 'duplicate' });
    expect(teams.state[slot]).toBe(AVAILABLE);
    expect(desk.get(a.id)).toBeUndefined();
    expect(desk.act(b.id, { action: 'dispatch', actor: officer, at: MIN, recordedAt: 0, team: slot }).incident.teamSlot).toBe(slot);
  });

  it('closes the AI-patrol litter loop by itself, and escalates a missed dispatch SLA', () => {
    const { desk, teams } = makeDesk(false);
    const litter = (desk.addCityLife('litter', site(), 0) as { incident: { id: string } }).incident;
    const outage = (desk.addCityLife('powerOutage', site(), 0) as { incident: { id: string } }).incident;
    run(desk, teams, 0, 120);
    expect(desk.get(litter.id)).toBeUndefined();
    const litterTrail = desk.takeAudit().filter((a) => a.incidentId === litter.id).map((a) => a.action);
    expect(litterTrail).toEqual(['create', 'dispatch', 'accept', 'arrive', 'resolve', 'verify', 'close']);
    // P2 outage: 10 minutes to dispatch; nobody did.
    expect(desk.get(outage.id)).toMatchObject({ status: 'new', escalated: true, slaBreach: 'dispatch' });
  });

  it('puts stored incidents back after a restart, with teams setting out again and ids continuing', () => {
    const { desk } = makeDesk(false);
    const a = desk.report('pumpFault', site(), 0, { description: 'a', externalRef: null });
    const dispatched = desk.act(a.id, { action: 'dispatch', actor: officer, at: 0, recordedAt: 0 }).incident;
    const waiting = desk.report('waterlogging', site(), 0, { description: 'w', externalRef: null });
    const working = { ...desk.report('pumpFault', site(), 0, { description: 'c', externalRef: null }), status: 'onSite' as const, teamSlot: assets.teams.findIndex((t, s) => t.type === 'repairCrew' && s !== dispatched.teamSlot) };

    const restarted = makeDesk(false);
    restarted.desk.restore([dispatched, desk.get(waiting.id)!, working], { ...desk.counters }, 5 * MIN);
    expect(restarted.desk.openIncidents().map((i) => i.id).sort()).toEqual([a.id, waiting.id, working.id].sort());
    expect(restarted.teams.state[dispatched.teamSlot!]).toBe(EN_ROUTE);
    expect(restarted.teams.state[working.teamSlot]).toBe(ON_SITE);
    const next = restarted.desk.report('litter', site(), 6 * MIN, { description: 'n', externalRef: null });
    expect(Number(next.id.slice(4))).toBe(desk.counters.incident + 1);
  });
});

describe('the field supervisor’s check (核查) and rework (返工)', () => {
  it('sends a failed fix back to the same team and work order, which handles it again until a check passes', () => {
    const { desk, teams } = makeDesk(false, scriptedChecks([0.01, 0.5]));
    const fault = desk.report('pumpFault', site(), 0, { description: '泵站跳闸', externalRef: null });
    const sent = desk.act(fault.id, { action: 'dispatch', actor: officer, at: 0, recordedAt: 0 }).incident;
    const team = assets.teams[sent.teamSlot!].id;
    const resolvedAt = runUntil(desk, teams, 0, () => desk.get(fault.id)?.status === 'resolved');
    expect(teams.state[sent.teamSlot!]).toBe(AVAILABLE);

    const reworkedAt = runUntil(desk, teams, resolvedAt, () => desk.get(fault.id)?.reworkCount === 1);
    expect(reworkedAt - resolvedAt).toBeGreaterThanOrEqual(10 * MIN);
    expect(reworkedAt - resolvedAt).toBeLessThanOrEqual(30 * MIN);
    expect(desk.get(fault.id)).toMatchObject({ status: 'dispatched', reworkCount: 1, teamSlot: sent.teamSlot, workOrderId: sent.workOrderId, verifiedAt: null });
    expect(teams.state[sent.teamSlot!]).toBe(EN_ROUTE);
    expect(teams.incident[sent.teamSlot!]).toBe(fault.id);

    const verifiedAt = runUntil(desk, teams, reworkedAt, () => desk.get(fault.id)?.status === 'verified');
    expect(desk.get(fault.id)).toMatchObject({ reworkCount: 1, verifiedAt, workOrderId: sent.workOrderId });
    const trail = desk.takeAudit().filter((a) => a.incidentId === fault.id);
    expect(trail.map((a) => `${a.action}:${a.actor.role === 'supervisor' ? 'supervisor' : a.actor.name}`)).toEqual([
      'create:auto-desk',
      `accept:${team}`,
      `arrive:${team}`,
      `resolve:${team}`,
      'rework:supervisor',
      `accept:${team}`,
      `arrive:${team}`,
      `resolve:${team}`,
      'verify:supervisor',
    ]);
    const rework = trail.find((a) => a.action === 'rework')!;
    expect(rework).toMatchObject({ from: 'resolved', to: 'dispatched', note: '核查未通过：水泵试运行未通过 (check failed: the pump failed its test run)' });
    expect(rework.actor.name).toMatch(/^supervisor:/);

    // Autopilot off: the check passed, and closing (结案) is the officer's.
    run(desk, teams, verifiedAt + 10_000, 60);
    expect(desk.get(fault.id)?.status).toBe('verified');
    expect(desk.act(fault.id, { action: 'close', actor: officer, at: verifiedAt + 61 * MIN, recordedAt: 0 }).incident.status).toBe('closed');
    expect(desk.get(fault.id)).toBeUndefined();
  });

  it('sends the team back once it is free, when it took another job before the check failed', () => {
    const { desk, teams } = makeDesk(false, scriptedChecks([0.01, 0.5, 0.5]));
    const a = desk.report('pumpFault', site(), 0, { description: 'a', externalRef: null });
    const slot = desk.act(a.id, { action: 'dispatch', actor: officer, at: 0, recordedAt: 0 }).incident.teamSlot!;
    const resolvedAt = runUntil(desk, teams, 0, () => desk.get(a.id)?.status === 'resolved');
    const b = desk.report('pumpFault', site(), resolvedAt, { description: 'b', externalRef: null });
    desk.act(b.id, { action: 'dispatch', actor: officer, at: resolvedAt, recordedAt: 0, team: slot });
    const reworkedAt = runUntil(desk, teams, resolvedAt + 10_000, () => desk.get(a.id)?.reworkCount === 1);
    expect(teams.incident[slot]).toBe(b.id);
    const againAt = runUntil(desk, teams, reworkedAt, () => desk.get(a.id)?.status === 'onSite');
    expect(['resolved', 'verified']).toContain(desk.get(b.id)?.status);
    expect(teams.incident[slot]).toBe(a.id);
    runUntil(desk, teams, againAt, () => desk.get(a.id)?.status === 'verified');
  });

  it('closes a passed check after the review time with autopilot on, the same way for the same seed', () => {
    const trails = [1, 2].map(() => {
      const { desk, teams } = makeDesk(true);
      const litter = (desk.addCityLife('litter', site(), 0) as { incident: { id: string } }).incident;
      const fault = desk.report('pumpFault', site(), 0, { description: 'f', externalRef: null });
      run(desk, teams, 0, 300);
      expect(desk.get(litter.id)).toBeUndefined();
      expect(desk.get(fault.id)).toBeUndefined();
      return desk.takeAudit().map((e) => ({ id: e.incidentId, action: e.action, at: e.at, actor: e.actor.name, note: e.note }));
    });
    expect(trails[1]).toEqual(trails[0]);
    for (const id of new Set(trails[0].map((e) => e.id))) {
      const mine = trails[0].filter((e) => e.id === id);
      const verify = mine.find((e) => e.action === 'verify')!;
      const close = mine.find((e) => e.action === 'close')!;
      expect(close.at - verify.at).toBe(5 * MIN);
      expect(verify.actor).toMatch(/^supervisor:/);
    }
  });

  it('after a restart, checks a resolved incident afresh and closes a verified one (autopilot on)', () => {
    const { desk } = makeDesk(false);
    const a = desk.report('pumpFault', site(), 0, { description: 'a', externalRef: null });
    const b = desk.report('pumpFault', site(), 0, { description: 'b', externalRef: null });
    const resolved = { ...desk.get(a.id)!, status: 'resolved' as const, reworkCount: 1 };
    const verified = { ...desk.get(b.id)!, status: 'verified' as const, verifiedAt: 2 * MIN };

    const restarted = makeDesk(true);
    restarted.desk.restore([resolved, verified], { ...desk.counters }, 5 * MIN);
    run(restarted.desk, restarted.teams, 5 * MIN, 40);
    const trail = restarted.desk.takeAudit().map((e) => `${e.incidentId}:${e.action}`);
    expect(trail).toEqual(expect.arrayContaining([`${a.id}:verify`, `${a.id}:close`, `${b.id}:close`]));
    expect(trail).not.toContain(`${b.id}:verify`);
    expect(restarted.desk.get(a.id)).toBeUndefined();
    expect(restarted.desk.get(b.id)).toBeUndefined();
  });
});
