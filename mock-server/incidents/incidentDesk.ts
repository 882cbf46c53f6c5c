/**
 * The duty desk inside the simulated city: turns alarms into incidents and road-closure notices
 * (the cascade from the sources: a flooded underpass raises an incident and a closure for the
 * traffic police until it clears), adds incidents from city life and from outside, and plays the
 * world's side of each work order — teams and outside units accept, drive along the roads, arrive,
 * work and report back, and a field supervisor checks each fix before it closes (fieldSupervisor.ts),
 * sending failed ones back to the same crew. Every status change goes through the lifecycle
 * (workorders/lifecycle.ts).
 * What its decisions do to the city goes through its world port (deskWorld.ts).
 *
 * Dispatching is the duty officer's (`act`). The desk dispatches by itself only for closed-loop
 * categories (litter from the AI patrol) and, with `autopilot` on (demo mode), for what no officer
 * touched within a few minutes, so an unattended demo city keeps moving. Deterministic for its rng.
 */
import { FINAL_STATUSES, OPEN_STATUSES, SEVERITY_RANK, type Alarm, type CityEvent, type Closure, type Incident, type IncidentCategory, type IncidentGridPlace } from '../../src/protocol/cityEvents';
import type { ClosureNotice } from '../../src/protocol/closureNotice';
import type { LifecycleAction } from '../../src/protocol/workOrderLifecycle';
import type { Actor, AuditEntry } from '../../src/protocol/workOrders';
import type { CityAssets } from '../city/assets';
import { DomainError } from '../domainError';
import type { Rng } from '../simulator/rng';
import { alarmKey, ruleTriggerOf, type RuleTrigger } from '../rules/ruleTrigger';
import type { AlarmRule } from '../rules/ruleTypes';
import { applyAction, slaBreachAt, type ActionInput, type ActionResult } from '../workorders/lifecycle';
import { ACCEPT_DELAY_MINUTES, CATEGORY_SPECS, CLOSE_AFTER_MINUTES, DISPATCH_DELAY_MINUTES, FROZEN_INCIDENT } from './categories';
import type { CitySite, DeskWorld } from './deskWorld';
import { checkVerdict, scheduleCheck, supervisorOf } from './fieldSupervisor';
import { AUTO_DESK, creationAudit, newIncident } from './newIncident';
import { RoadClosures } from './roadClosures';
import { chooseTeam, teamOptions, type TeamOption } from './teamChoice';

const MIN = 60_000;
/** How far back the desk remembers when it opened incidents (for "new in the last hour"). */
const OPENED_MEMORY_MS = 60 * MIN;

const teamActor = (id: string): Actor => ({ kind: 'system', name: id, role: 'team' });
const unitActor = (unit: string): Actor => ({ kind: 'system', name: unit, role: 'unit' });

interface Timers {
  dispatchAt: number;
  acceptAt: number;
  arriveAt: number;
  workUntil: number;
  /** The supervisor's check of a resolved incident: when, and its verdict. */
  checkAt: number;
  checkPasses: boolean;
  closeAt: number;
  alarmActive: boolean;
}

export interface IncidentDeskDeps {
  assets: CityAssets;
  rules: AlarmRule[];
  /** Where the desk's decisions land: teams, pumps, road closures, accidents, entrapments. */
  world: DeskWorld;
  rng: Rng;
  autopilot?: boolean;
  /** The unit-grid place of a point (GB/T 30428), stamped on each new incident; none without a grid. */
  gridPlaceAt?: (lon: number, lat: number) => IncidentGridPlace | null;
}

export interface DeskCounters {
  incident: number;
  workOrder: number;
}

/** The trigger of the alarm an incident came from: only frozen alarms open sensor-fault incidents. */
const triggerOfIncident = (incident: Incident): RuleTrigger => (incident.category === FROZEN_INCIDENT.category ? 'frozen' : 'reading');

export class IncidentDesk {
  autopilot: boolean;
  private readonly incidents = new Map<string, Incident>();
  private readonly timers = new Map<string, Timers>();
  private readonly closures: RoadClosures;
  /** Open incident per alarm episode (rule, trigger, slot), so one episode opens one incident. */
  private readonly byAlarmKey = new Map<string, string>();
  private readonly rulesById: Map<string, AlarmRule>;
  /** Creation times of the incidents opened within {@link OPENED_MEMORY_MS}, oldest first. */
  private readonly openedAt: number[] = [];
  /** What the simulated city did, for the audit trail (taken by the work-order service). */
  private pendingAudit: Omit<AuditEntry, 'seq'>[] = [];
  readonly counters: DeskCounters = { incident: 0, workOrder: 0 };

  constructor(private readonly deps: IncidentDeskDeps) {
    this.closures = new RoadClosures(deps.assets, deps.world);
    this.rulesById = new Map(deps.rules.map((r) => [r.id, r]));
    this.autopilot = deps.autopilot ?? true;
  }

  /** Incidents not yet closed or cancelled (resolved ones wait for their check, verified ones for closing). */
  openIncidents(): Incident[] {
    return [...this.incidents.values()];
  }

  get(id: string): Incident | undefined {
    return this.incidents.get(id);
  }

  activeClosures(): Closure[] {
    return this.closures.active();
  }

  /** Records where a closure's notice to the traffic police stands (webhooks/syncClosureNotices.ts); the closure as changed. */
  noticeClosure(closureId: string, notice: ClosureNotice): CityEvent[] {
    return this.closures.notice(closureId, notice);
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

  /**
   * Reacts to alarm changes: incidents for alarms that reach their rule's level (sensor-fault
   * incidents for frozen sensors), closures for flooded underpasses.
   */
  onAlarms(changes: Alarm[], now: number): CityEvent[] {
    const events: CityEvent[] = [];
    for (const alarm of changes) {
      const rule = this.rulesById.get(alarm.ruleId);
      if (!rule) continue;
      const trigger = ruleTriggerOf(alarm);
      const key = alarmKey(alarm.ruleId, trigger, alarm.slot);
      const openId = this.byAlarmKey.get(key);
      const timers = openId ? this.timers.get(openId) : undefined;
      if (alarm.state === 'cleared') {
        // The incident may already be closed (work done while the alarm stood); then there is nothing to tell it.
        if (timers) timers.alarmActive = false;
        this.byAlarmKey.delete(key);
      } else if (timers) {
        timers.alarmActive = true;
      } else {
        const incidentRule = trigger === 'frozen' ? FROZEN_INCIDENT : rule.incident;
        if (incidentRule && SEVERITY_RANK[alarm.severity] <= SEVERITY_RANK[incidentRule.at]) {
          const segment = this.segmentOf(alarm);
          const incident = this.open(incidentRule.category, 'rule', { lon: alarm.lon, lat: alarm.lat, district: alarm.district, segment }, now, alarm);
          events.push({ type: 'incident', incident: { ...incident } });
        }
      }
      if (trigger === 'reading' && rule.trigger === 'threshold' && rule.closesRoad) events.push(...this.closures.update(alarm, now));
    }
    return events;
  }

  /** An incident from city life (accident, outage, …) at a site. */
  addCityLife(category: IncidentCategory, site: CitySite, now: number): CityEvent {
    const incident = this.open(category, 'cityLife', site, now, null);
    if (category === 'trafficAccident' && site.segment !== null) this.deps.world.setAccident(site.segment, true);
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
    const incident = this.incidents.get(id);
    if (incident) this.forget(incident);
  }

  /** Free teams that can take the incident, nearest first, with their routes (empty for outside units). */
  teamOptions(incident: Incident, limit?: number): TeamOption[] {
    return teamOptions(this.deps.assets, this.deps.world, incident, limit);
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
      send = chooseTeam(this.deps.assets, this.deps.world, incident, input.team);
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
  step(now: number, arrivedTeams: readonly number[]): CityEvent[] {
    const events: CityEvent[] = [];
    const arrived = new Set(arrivedTeams);
    for (const incident of [...this.incidents.values()]) {
      const t = this.timers.get(incident.id)!;
      const spec = CATEGORY_SPECS[incident.category];
      const sys = (action: LifecycleAction, actor: Actor, team?: number | null, note?: string) => {
        if (action === 'dispatch' && (spec.teamTypes.length > 0 && this.teamOptions(incident, 1).length === 0)) {
          // No team free: look again in a minute rather than every step.
          t.dispatchAt = now + MIN;
          return;
        }
        const r = this.act(incident.id, { action, actor, at: now, recordedAt: now, team, note });
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
      else if (current.status === 'resolved' && now >= t.checkAt) {
        const verdict = checkVerdict(current, t.checkPasses);
        sys(verdict.action, supervisorOf(current), undefined, verdict.note);
      } else if (current.status === 'verified' && (spec.autoClose || this.autopilot) && now >= t.closeAt) sys('close', AUTO_DESK);
      if (current.status === 'dispatched' || current.status === 'accepted') this.sendBackIfIdle(current);
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
    const { world } = this.deps;
    this.counters.incident = Math.max(this.counters.incident, counters.incident);
    this.counters.workOrder = Math.max(this.counters.workOrder, counters.workOrder);
    for (const stored of incidents) {
      if (FINAL_STATUSES.includes(stored.status)) continue;
      const incident = { ...stored };
      this.incidents.set(incident.id, incident);
      this.holdElevator(incident, true);
      const spec = CATEGORY_SPECS[incident.category];
      const t = this.newTimers(now, false);
      if (incident.alarmRuleId !== null && incident.assetSlot !== null) this.byAlarmKey.set(alarmKey(incident.alarmRuleId, triggerOfIncident(incident), incident.assetSlot), incident.id);
      if (incident.status === 'dispatched' || incident.status === 'accepted') {
        if (incident.teamSlot !== null && world.team(incident.teamSlot).available) {
          const route = world.routeFor(incident.teamSlot, incident.lon, incident.lat);
          if (route) world.sendTeam(incident.teamSlot, route, incident.id);
        }
        t.acceptAt = now + this.minutes(ACCEPT_DELAY_MINUTES);
        t.arriveAt = now + this.minutes(spec.travelMinutes);
      }
      if (incident.status === 'onSite') {
        t.workUntil = now + this.minutes(spec.workMinutes);
        if (incident.teamSlot !== null) world.placeTeamOnSite(incident.teamSlot, incident.id, incident.lon, incident.lat);
      }
      if (incident.status === 'resolved') this.scheduleCheck(incident, t, now);
      if (incident.status === 'verified') t.closeAt = now + CLOSE_AFTER_MINUTES * MIN;
      // The road was cleared when the crew first resolved it; a rework does not block it again.
      if (incident.category === 'trafficAccident' && incident.segment !== null && OPEN_STATUSES.includes(incident.status) && incident.reworkCount === 0) world.setAccident(incident.segment, true);
      this.timers.set(incident.id, t);
    }
  }

  /** What an action does to the city, beyond the record. */
  private effects(before: Incident, after: Incident, action: LifecycleAction, send: TeamOption | null, now: number): void {
    const t = this.timers.get(before.id)!;
    const spec = CATEGORY_SPECS[before.category];
    const { world } = this.deps;
    if (action === 'reassign' || action === 'cancel') {
      this.releaseTeamOf(before);
      if (before.status === 'onSite') this.applyEffect(before, false, false);
    }
    if ((action === 'dispatch' || action === 'reassign') && send) world.sendTeam(send.slot, send.route, before.id);
    if (action === 'rework') this.sendBackIfIdle(after);
    if (action === 'dispatch' || action === 'reassign' || action === 'rework') {
      t.acceptAt = now + this.minutes(ACCEPT_DELAY_MINUTES);
      t.arriveAt = now + this.minutes(spec.travelMinutes);
    }
    if (action === 'arrive') {
      t.workUntil = now + this.minutes(spec.workMinutes);
      this.applyEffect(after, true, false);
    }
    if (action === 'resolve') {
      this.scheduleCheck(after, t, now);
      this.applyEffect(after, false, true);
      this.releaseTeamOf(after);
    }
    if (action === 'verify') t.closeAt = now + CLOSE_AFTER_MINUTES * MIN;
    if ((action === 'resolve' || action === 'cancel') && before.category === 'trafficAccident' && before.segment !== null) world.setAccident(before.segment, false);
  }

  /** The field supervisor's visit to a resolved incident (its time and verdict, from the desk's rng). */
  private scheduleCheck(incident: Incident, t: Timers, now: number): void {
    const check = scheduleCheck(incident, now, this.deps.rng);
    t.checkAt = check.at;
    t.checkPasses = check.passes;
    t.closeAt = Infinity;
  }

  /**
   * Sends the incident's own team (back) to it when the team stands idle: after a rework, the same
   * crew returns as soon as it is free; after a restart, a team that was busy elsewhere follows later.
   */
  private sendBackIfIdle(incident: Incident): void {
    if (incident.teamSlot === null) return;
    const { world } = this.deps;
    const team = world.team(incident.teamSlot);
    if (!team.available || team.incident === incident.id) return;
    const route = world.routeFor(incident.teamSlot, incident.lon, incident.lat);
    if (route) world.sendTeam(incident.teamSlot, route, incident.id);
  }

  /** Frees the incident's team, unless it has meanwhile been sent elsewhere. */
  private releaseTeamOf(incident: Incident): void {
    if (incident.teamSlot !== null && this.deps.world.team(incident.teamSlot).incident === incident.id) this.deps.world.releaseTeam(incident.teamSlot);
  }

  private forget(incident: Incident): void {
    this.incidents.delete(incident.id);
    this.timers.delete(incident.id);
    this.holdElevator(incident, false);
    for (const [key, id] of this.byAlarmKey) if (id === incident.id) this.byAlarmKey.delete(key);
  }

  /** While an incident about an elevator is on the desk, the elevator reads "trapped". */
  private holdElevator(incident: Incident, held: boolean): void {
    if (incident.assetKind === 'elevator' && incident.assetSlot !== null) this.deps.world.setTrapped(incident.assetSlot, held);
  }

  private open(category: IncidentCategory, source: Incident['source'], site: CitySite, now: number, alarm: Alarm | null): Incident {
    this.counters.incident++;
    const grid = this.deps.gridPlaceAt?.(site.lon, site.lat) ?? null;
    const incident = newIncident(this.counters.incident, category, source, site, now, alarm, grid);
    this.incidents.set(incident.id, incident);
    this.holdElevator(incident, true);
    this.openedAt.push(now);
    this.timers.set(incident.id, this.newTimers(now, alarm !== null));
    if (alarm) this.byAlarmKey.set(alarmKey(alarm.ruleId, ruleTriggerOf(alarm), alarm.slot), incident.id);
    this.pendingAudit.push(creationAudit(incident));
    return incident;
  }

  private newTimers(now: number, alarmActive: boolean): Timers {
    return { dispatchAt: now + this.minutes(DISPATCH_DELAY_MINUTES), acceptAt: Infinity, arriveAt: Infinity, workUntil: Infinity, checkAt: Infinity, checkPasses: true, closeAt: Infinity, alarmActive };
  }

  /** A pump truck on site pumps the ponding site out; a repair crew done at a pump station repairs it. */
  private applyEffect(incident: Incident, onSite: boolean, done: boolean): void {
    const spec = CATEGORY_SPECS[incident.category];
    if (spec.effect === 'pumpOut' && incident.assetSlot !== null) this.deps.world.pumpOut(incident.assetKind === 'underpass' ? 'underpass' : 'waterloggingPoint', incident.assetSlot, onSite);
    if (spec.effect === 'repairPump' && done && incident.assetSlot !== null) this.deps.world.repairPump(incident.assetSlot);
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
