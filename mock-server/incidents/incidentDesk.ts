/**
 * The duty desk inside the simulated city: turns alarms into incidents and road-closure notices
 * (the cascade from the sources: a flooded underpass raises an incident and a closure for the
 * traffic police until it clears), adds incidents from city life and from outside, and plays the
 * world's side of each work order — teams and outside units accept, drive along the roads, arrive,
 * work and report back. Every status change goes through the lifecycle (workorders/lifecycle.ts).
 *
 * Dispatching is the duty officer's (`act`). The desk dispatches by itself only for closed-loop
 * categories (litter from the AI patrol) and, with `autopilot` on (demo mode), for what no officer
 * touched within a few minutes, so an unattended demo city keeps moving. Deterministic for its rng.
 */
import { TEAM_TYPES, type AssetKind } from '../../src/protocol/assets';
import { FINAL_STATUSES, SEVERITY_RANK, type Alarm, type CityEvent, type Closure, type Incident, type IncidentCategory } from '../../src/protocol/cityEvents';
import type { LifecycleAction } from '../../src/protocol/workOrderLifecycle';
import type { Actor, AuditEntry } from '../../src/protocol/workOrders';
import type { CityAssets } from '../city/assets';
import { DomainError } from '../domainError';
import { PUMP_TRUCK_CM_MIN, repairPump, type DrainageState } from '../simulator/drainage';
import type { Rng } from '../simulator/rng';
import type { Route, Router } from '../simulator/routing';
import { AVAILABLE, ON_SITE, releaseTeam, sendTeam, type TeamsState } from '../simulator/teams';
import type { AlarmRule } from '../rules/ruleTypes';
import { applyAction, slaBreachAt, type ActionInput, type ActionResult } from '../workorders/lifecycle';
import { ACCEPT_DELAY_MINUTES, CATEGORY_SPECS, CLOSE_AFTER_MINUTES, DISPATCH_DELAY_MINUTES, FROZEN_INCIDENT_AT, SLA_MINUTES } from './categories';
import { closureSegments } from './closureSegments';

const MIN = 60_000;
/** How far back the desk remembers when it opened incidents (for "new in the last hour"). */
const OPENED_MEMORY_MS = 60 * MIN;
/** Suggestions are routed for this many of the nearest suitable free teams. */
const ROUTED_CANDIDATES = 6;

/** The simulated city's actors in the audit trail. */
export const AUTO_DESK: Actor = { kind: 'system', name: 'auto-desk', role: 'system' };
const teamActor = (id: string): Actor => ({ kind: 'system', name: id, role: 'team' });
const unitActor = (unit: string): Actor => ({ kind: 'system', name: unit, role: 'unit' });

interface Timers {
  dispatchAt: number;
  acceptAt: number;
  arriveAt: number;
  workUntil: number;
  closeAt: number;
  alarmActive: boolean;
}

export interface CitySite {
  lon: number;
  lat: number;
  district: number;
  segment: number | null;
  /** The asset it happened to, when there is one and no alarm names it (an elevator with people trapped). */
  asset?: { kind: AssetKind; slot: number };
}

export interface IncidentDeskDeps {
  assets: CityAssets;
  rules: AlarmRule[];
  router: Router;
  teams: TeamsState;
  drainage: DrainageState;
  rng: Rng;
  autopilot?: boolean;
}

/** A team that could go, with its route. */
export interface TeamOption {
  slot: number;
  distanceKm: number;
  route: Route;
}

export interface DeskCounters {
  incident: number;
  workOrder: number;
}

export class IncidentDesk {
  readonly closed: Uint8Array;
  readonly accidents: Uint8Array;
  autopilot: boolean;
  private readonly incidents = new Map<string, Incident>();
  private readonly timers = new Map<string, Timers>();
  private readonly closures = new Map<number, Closure>();
  /** Open incident per alarm key (rule, slot), so one alarm episode opens one incident. */
  private readonly byAlarmKey = new Map<string, string>();
  private readonly rulesById: Map<string, AlarmRule>;
  /** Creation times of the incidents opened within {@link OPENED_MEMORY_MS}, oldest first. */
  private readonly openedAt: number[] = [];
  /** What the simulated city did, for the audit trail (taken by the work-order service). */
  private pendingAudit: Omit<AuditEntry, 'seq'>[] = [];
  readonly counters: DeskCounters = { incident: 0, workOrder: 0 };

  constructor(private readonly deps: IncidentDeskDeps) {
    this.closed = new Uint8Array(deps.assets.roads.segmentCount);
    this.accidents = new Uint8Array(deps.assets.roads.segmentCount);
    this.rulesById = new Map(deps.rules.map((r) => [r.id, r]));
    this.autopilot = deps.autopilot ?? true;
  }

  /** Incidents not yet closed or cancelled (resolved ones wait for closing). */
  openIncidents(): Incident[] {
    return [...this.incidents.values()];
  }

  /** Slots of the elevators with an open entrapment incident (their status reads "trapped"). */
  *trappedElevators(): Iterable<number> {
    for (const incident of this.incidents.values()) if (incident.assetKind === 'elevator' && incident.assetSlot !== null) yield incident.assetSlot;
  }

  get(id: string): Incident | undefined {
    return this.incidents.get(id);
  }

  activeClosures(): Closure[] {
    return [...this.closures.values()];
  }

  /** Incidents opened at or after `since` (at most an hour back), closed ones included. */
  openedSince(since: number): number {
    let n = 0;
    for (let k = this.openedAt.length - 1; k >= 0 && this.openedAt[k] >= since; k--) n++;
    return n;
  }

  /** The audit entries of what the simulated city did since the last call. */
  takeAudit(): Omit<AuditEntry, 'seq'>[] {
    const out = this.pendingAudit;
    this.pendingAudit = [];
    return out;
  }

  /** Reacts to alarm changes: incidents for alarms that reach their rule's level, closures for flooded underpasses. */
  onAlarms(changes: Alarm[], now: number): CityEvent[] {
    const events: CityEvent[] = [];
    for (const alarm of changes) {
      const frozen = alarm.trigger === 'frozen';
      const rule = this.rulesById.get(frozen ? alarm.ruleId.replace(/:frozen$/, '') : alarm.ruleId);
      if (!rule) continue;
      const key = `${alarm.ruleId}:${alarm.slot}`;
      const openId = this.byAlarmKey.get(key);
      const timers = openId ? this.timers.get(openId) : undefined;
      if (alarm.state === 'cleared') {
        // The incident may already be closed (work done while the alarm stood); then there is nothing to tell it.
        if (timers) timers.alarmActive = false;
        this.byAlarmKey.delete(key);
      } else if (timers) {
        timers.alarmActive = true;
      } else {
        const incidentRule = frozen ? { category: 'sensorFault' as const, at: FROZEN_INCIDENT_AT } : rule.incident;
        if (incidentRule && SEVERITY_RANK[alarm.severity] <= SEVERITY_RANK[incidentRule.at]) {
          const segment = this.segmentOf(alarm);
          const incident = this.open(incidentRule.category, 'rule', { lon: alarm.lon, lat: alarm.lat, district: alarm.district, segment }, now, alarm);
          events.push({ type: 'incident', incident: { ...incident } });
        }
      }
      if (!frozen && rule.trigger === 'threshold' && rule.closesRoad) events.push(...this.updateClosure(alarm, now));
    }
    return events;
  }

  /** An incident from city life (accident, outage, …) at a site. */
  addCityLife(category: IncidentCategory, site: CitySite, now: number): CityEvent {
    const incident = this.open(category, 'cityLife', site, now, null);
    if (category === 'trafficAccident' && site.segment !== null) this.accidents[site.segment] = 1;
    return { type: 'incident', incident: { ...incident } };
  }

  /** An incident reported from outside (12345, another system, a dispatcher taking a call); the caller records it. */
  report(category: IncidentCategory, site: CitySite, now: number, text: { description: string; externalRef: string | null }): Incident {
    const incident = this.open(category, 'external', site, now, null);
    incident.description = text.description;
    incident.externalRef = text.externalRef;
    return { ...incident };
  }

  /** Forgets an incident whose recording failed, so the desk holds nothing storage does not. */
  discard(id: string): void {
    this.incidents.delete(id);
    this.timers.delete(id);
  }

  /** Free teams that can take the incident, nearest first, with their routes (empty for outside units). */
  teamOptions(incident: Incident, limit = ROUTED_CANDIDATES): TeamOption[] {
    const spec = CATEGORY_SPECS[incident.category];
    const { teams, router, assets } = this.deps;
    const types = new Set(spec.teamTypes.map((t) => TEAM_TYPES.indexOf(t)));
    const near: { slot: number; distanceKm: number; rank: number }[] = [];
    assets.teams.forEach((team, slot) => {
      if (!types.has(TEAM_TYPES.indexOf(team.type)) || teams.state[slot] !== AVAILABLE) return;
      const distanceKm = Math.hypot((teams.lon[slot] - incident.lon) * 95.3, (teams.lat[slot] - incident.lat) * 111.2);
      near.push({ slot, distanceKm, rank: spec.teamTypes.indexOf(team.type) });
    });
    near.sort((a, b) => a.rank - b.rank || a.distanceKm - b.distanceKm);
    const target = router.nearestNode(incident.lon, incident.lat);
    const out: (TeamOption & { rank: number })[] = [];
    for (const c of near.slice(0, Math.max(limit, ROUTED_CANDIDATES))) {
      // Emergency vehicles run with lights at about free-flow speed and may pass a closure to reach
      // the flooded spot, so they route on the open network, not on today's speeds and closures.
      const route = router.route(teams.node[c.slot], target);
      if (route) out.push({ slot: c.slot, distanceKm: c.distanceKm, route, rank: c.rank });
    }
    // The preferred team type first, then the quickest to arrive by road (not the nearest as the crow flies).
    return out.sort((a, b) => a.rank - b.rank || a.route.minutes - b.route.minutes).map((o) => ({ slot: o.slot, distanceKm: o.distanceKm, route: o.route }));
  }

  /**
   * Takes one lifecycle action on an incident (a person's, or the simulated world's): checks it,
   * applies it, and plays its effect in the city (a team sent, released, an accident cleared).
   * `team`: for dispatch/reassign, the team slot to send (undefined: the best option; null: an outside unit).
   */
  act(id: string, input: Omit<ActionInput, 'team' | 'workOrderId'> & { team?: number | null }): ActionResult {
    const incident = this.incidents.get(id);
    if (!incident) throw new DomainError('NOT_FOUND', `incident ${id} is not open on the desk`);
    let send: TeamOption | null = null;
    let extra: Pick<ActionInput, 'team' | 'workOrderId'> = {};
    if (input.action === 'dispatch' || input.action === 'reassign') {
      send = this.chooseTeam(incident, input.team);
      this.counters.workOrder++;
      extra = {
        team: { slot: send?.slot ?? null, id: send ? this.deps.assets.teams[send.slot].id : null },
        workOrderId: `WO-${String(this.counters.workOrder).padStart(6, '0')}`,
      };
    }
    const rest: Omit<ActionInput, 'team' | 'workOrderId'> = { action: input.action, actor: input.actor, at: input.at, recordedAt: input.recordedAt, expectedVersion: input.expectedVersion, note: input.note };
    const result = applyAction(incident, { ...rest, ...extra });
    this.effects(incident, result.incident, input.action, send, input.at);
    this.incidents.set(id, result.incident);
    if (FINAL_STATUSES.includes(result.incident.status)) this.forget(result.incident);
    return result;
  }

  /** Advances every open incident by the clock and the teams' arrivals: the world's side of each work order. */
  step(now: number, arrivedTeams: number[]): CityEvent[] {
    const events: CityEvent[] = [];
    const arrived = new Set(arrivedTeams);
    for (const incident of [...this.incidents.values()]) {
      const t = this.timers.get(incident.id)!;
      const spec = CATEGORY_SPECS[incident.category];
      const sys = (action: LifecycleAction, actor: Actor, team?: number | null) => {
        if (action === 'dispatch' && (spec.teamTypes.length > 0 && this.teamOptions(incident, 1).length === 0)) {
          // No team free: look again in a minute rather than every step.
          t.dispatchAt = now + MIN;
          return;
        }
        const r = this.act(incident.id, { action, actor, at: now, recordedAt: now, team });
        this.pendingAudit.push(r.audit);
        events.push({ type: 'incident', incident: { ...r.incident } });
      };
      const who = () => (incident.teamSlot !== null ? teamActor(this.deps.assets.teams[incident.teamSlot].id) : unitActor(incident.unit));
      const breach = slaBreachAt(incident, now);
      if (breach) sys('slaBreach', AUTO_DESK);
      const current = this.incidents.get(incident.id);
      if (!current) continue;
      const teamArrived = current.teamSlot !== null && arrived.has(current.teamSlot);
      if (current.status === 'new' && (spec.autoDispatch || this.autopilot) && now >= t.dispatchAt) sys('dispatch', AUTO_DESK);
      else if (current.status === 'dispatched' && (now >= t.acceptAt || teamArrived)) {
        sys('accept', who());
        if (teamArrived) sys('arrive', who());
      } else if (current.status === 'accepted' && (teamArrived || (current.teamSlot === null && now >= t.arriveAt))) sys('arrive', who());
      else if (current.status === 'onSite' && now >= t.workUntil && !(spec.needsAlarmCleared && t.alarmActive)) sys('resolve', who());
      else if (current.status === 'resolved' && (spec.autoClose || this.autopilot) && now >= t.closeAt) sys('close', AUTO_DESK);
    }
    let expired = 0;
    while (expired < this.openedAt.length && this.openedAt[expired] < now - OPENED_MEMORY_MS) expired++;
    this.openedAt.splice(0, expired);
    return events;
  }

  /**
   * Puts incidents read back from storage on the desk after a restart: timers start afresh from
   * `now`, teams of dispatched incidents set out again from their bases, alarms re-attach by rule.
   */
  restore(incidents: readonly Incident[], counters: DeskCounters, now: number): void {
    this.counters.incident = Math.max(this.counters.incident, counters.incident);
    this.counters.workOrder = Math.max(this.counters.workOrder, counters.workOrder);
    for (const stored of incidents) {
      if (FINAL_STATUSES.includes(stored.status)) continue;
      const incident = { ...stored };
      this.incidents.set(incident.id, incident);
      const spec = CATEGORY_SPECS[incident.category];
      const t = this.newTimers(now, false);
      if (incident.alarmRuleId !== null && incident.assetSlot !== null) this.byAlarmKey.set(`${incident.alarmRuleId}:${incident.assetSlot}`, incident.id);
      if (incident.status === 'dispatched' || incident.status === 'accepted') {
        if (incident.teamSlot !== null && this.deps.teams.state[incident.teamSlot] === AVAILABLE) {
          const route = this.deps.router.route(this.deps.teams.node[incident.teamSlot], this.deps.router.nearestNode(incident.lon, incident.lat));
          if (route) sendTeam(this.deps.teams, incident.teamSlot, route, incident.id);
        }
        t.acceptAt = now + this.minutes(ACCEPT_DELAY_MINUTES);
        t.arriveAt = now + this.minutes(spec.travelMinutes);
      }
      if (incident.status === 'onSite') {
        t.workUntil = now + this.minutes(spec.workMinutes);
        if (incident.teamSlot !== null) this.placeOnSite(incident.teamSlot, incident);
      }
      if (incident.status === 'resolved') t.closeAt = now + CLOSE_AFTER_MINUTES * MIN;
      if (incident.category === 'trafficAccident' && incident.segment !== null && incident.status !== 'resolved') this.accidents[incident.segment] = 1;
      this.timers.set(incident.id, t);
    }
  }

  /** A team that was working at an incident when the server stopped is back there. */
  private placeOnSite(slot: number, incident: Incident): void {
    const { teams, router } = this.deps;
    teams.state[slot] = ON_SITE;
    teams.node[slot] = router.nearestNode(incident.lon, incident.lat);
    teams.lon[slot] = incident.lon;
    teams.lat[slot] = incident.lat;
    teams.incident[slot] = incident.id;
  }

  private chooseTeam(incident: Incident, wanted: number | null | undefined): TeamOption | null {
    const spec = CATEGORY_SPECS[incident.category];
    if (wanted === null || spec.teamTypes.length === 0) {
      if (wanted !== undefined && wanted !== null) throw new DomainError('BAD_REQUEST', `${incident.category} is handled by ${incident.unit}, not by our teams`);
      return null;
    }
    const { assets, teams, router } = this.deps;
    if (wanted === undefined) {
      const best = this.teamOptions(incident, 1)[0];
      if (!best) throw new DomainError('CONFLICT', `no free team of type ${spec.teamTypes.join(' or ')} can reach incident ${incident.id} now`);
      return best;
    }
    const team = assets.teams[wanted];
    if (!spec.teamTypes.includes(team.type)) throw new DomainError('BAD_REQUEST', `team ${team.id} is a ${team.type}; ${incident.category} needs ${spec.teamTypes.join(' or ')}`);
    if (teams.state[wanted] !== AVAILABLE) throw new DomainError('CONFLICT', `team ${team.id} is busy with ${teams.incident[wanted] ?? 'another job'}`);
    const route = router.route(teams.node[wanted], router.nearestNode(incident.lon, incident.lat));
    if (!route) throw new DomainError('CONFLICT', `team ${team.id} has no route to incident ${incident.id}`);
    return { slot: wanted, distanceKm: 0, route };
  }

  /** What an action does to the city, beyond the record. */
  private effects(before: Incident, after: Incident, action: LifecycleAction, send: TeamOption | null, now: number): void {
    const t = this.timers.get(before.id)!;
    const spec = CATEGORY_SPECS[before.category];
    const { teams } = this.deps;
    if (action === 'reassign' || action === 'cancel') {
      if (before.teamSlot !== null && teams.incident[before.teamSlot] === before.id) releaseTeam(teams, before.teamSlot);
      if (before.status === 'onSite') this.applyEffect(before, false, false);
    }
    if ((action === 'dispatch' || action === 'reassign') && send) sendTeam(teams, send.slot, send.route, before.id);
    if (action === 'dispatch' || action === 'reassign') {
      t.acceptAt = now + this.minutes(ACCEPT_DELAY_MINUTES);
      t.arriveAt = now + this.minutes(spec.travelMinutes);
    }
    if (action === 'arrive') {
      t.workUntil = now + this.minutes(spec.workMinutes);
      this.applyEffect(after, true, false);
    }
    if (action === 'resolve') {
      t.closeAt = now + CLOSE_AFTER_MINUTES * MIN;
      this.applyEffect(after, false, true);
      if (after.teamSlot !== null && teams.incident[after.teamSlot] === after.id) releaseTeam(teams, after.teamSlot);
    }
    if ((action === 'resolve' || action === 'cancel') && before.category === 'trafficAccident' && before.segment !== null) this.accidents[before.segment] = 0;
  }

  private forget(incident: Incident): void {
    this.incidents.delete(incident.id);
    this.timers.delete(incident.id);
    for (const [key, id] of this.byAlarmKey) if (id === incident.id) this.byAlarmKey.delete(key);
  }

  private open(category: IncidentCategory, source: Incident['source'], site: CitySite, now: number, alarm: Alarm | null): Incident {
    const spec = CATEGORY_SPECS[category];
    const sla = SLA_MINUTES[spec.priority];
    this.counters.incident++;
    const incident: Incident = {
      id: `INC-${String(this.counters.incident).padStart(6, '0')}`,
      version: 1,
      category,
      priority: spec.priority,
      status: 'new',
      source,
      unit: spec.unit,
      district: site.district,
      lon: site.lon,
      lat: site.lat,
      alarmId: alarm?.id ?? null,
      alarmRuleId: alarm?.ruleId ?? null,
      assetKind: alarm?.assetKind ?? site.asset?.kind ?? null,
      assetSlot: alarm?.slot ?? site.asset?.slot ?? null,
      segment: site.segment,
      teamSlot: null,
      workOrderId: null,
      escalated: false,
      dispatchDueAt: now + sla.dispatch * MIN,
      resolveDueAt: now + sla.resolve * MIN,
      slaBreach: null,
      description: null,
      externalRef: null,
      createdAt: now,
      updatedAt: now,
    };
    this.incidents.set(incident.id, incident);
    this.openedAt.push(now);
    this.timers.set(incident.id, this.newTimers(now, alarm !== null));
    if (alarm) this.byAlarmKey.set(`${alarm.ruleId}:${alarm.slot}`, incident.id);
    this.pendingAudit.push({
      incidentId: incident.id,
      action: 'create',
      actor: source === 'rule' ? { kind: 'system', name: alarm?.ruleId ?? 'rules', role: 'rule' } : AUTO_DESK,
      at: now,
      recordedAt: now,
      from: null,
      to: 'new',
      version: 1,
      teamId: null,
      note: null,
    });
    return incident;
  }

  private newTimers(now: number, alarmActive: boolean): Timers {
    return { dispatchAt: now + this.minutes(DISPATCH_DELAY_MINUTES), acceptAt: Infinity, arriveAt: Infinity, workUntil: Infinity, closeAt: Infinity, alarmActive };
  }

  private applyEffect(incident: Incident, onSite: boolean, done: boolean): void {
    const spec = CATEGORY_SPECS[incident.category];
    const { drainage } = this.deps;
    if (spec.effect === 'pumpOut' && incident.assetSlot !== null) {
      const assist = incident.assetKind === 'underpass' ? drainage.underpassAssist : drainage.waterlogAssist;
      assist[incident.assetSlot] = onSite ? PUMP_TRUCK_CM_MIN : 0;
    }
    if (spec.effect === 'repairPump' && done && incident.assetSlot !== null) repairPump(drainage, incident.assetSlot);
  }

  private updateClosure(alarm: Alarm, now: number): CityEvent[] {
    const existing = this.closures.get(alarm.slot);
    const shouldClose = alarm.state === 'active' && alarm.severity === 'critical';
    if (shouldClose && !existing) {
      const site = this.deps.assets.underpasses[alarm.slot];
      const closure: Closure = {
        id: `CL-${alarm.assetId}-${now}`,
        underpassSlot: alarm.slot,
        alarmId: alarm.id,
        segments: closureSegments(this.deps.assets.roads, site.segment),
        notified: 'trafficPolice',
        issuedAt: now,
        liftedAt: null,
        state: 'active',
        lon: site.lon,
        lat: site.lat,
        district: site.district,
      };
      this.closures.set(alarm.slot, closure);
      for (const s of closure.segments) this.closed[s] = 1;
      return [{ type: 'closure', closure: { ...closure } }];
    }
    if (!shouldClose && existing) {
      this.closures.delete(alarm.slot);
      for (const s of existing.segments) this.closed[s] = 0;
      return [{ type: 'closure', closure: { ...existing, state: 'lifted', liftedAt: now } }];
    }
    return [];
  }

  private segmentOf(alarm: Alarm): number | null {
    const { assets } = this.deps;
    if (alarm.assetKind === 'underpass') return assets.underpasses[alarm.slot].segment;
    if (alarm.assetKind === 'waterloggingPoint') return assets.waterloggingPoints[alarm.slot].segment;
    return null;
  }

  private minutes([min, max]: [number, number]): number {
    return this.deps.rng.range(min, max) * MIN;
  }
}
