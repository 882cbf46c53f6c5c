/**
 * The simulated duty desk: turns alarms into incidents and road-closure notices (the cascade from
 * the sources: a flooded underpass raises an incident and a closure for the traffic police until it
 * clears), adds incidents from city life, and walks each incident through dispatch, travel, work
 * and closing with real teams on the road network. Deterministic for its rng; no IO.
 */
import { TEAM_TYPES } from '../../src/protocol/assets';
import { SEVERITY_RANK, type Alarm, type CityEvent, type Closure, type Incident, type IncidentCategory } from '../../src/protocol/cityEvents';
import type { CityAssets } from '../city/assets';
import { PUMP_TRUCK_CM_MIN, repairPump, type DrainageState } from '../simulator/drainage';
import type { Rng } from '../simulator/rng';
import type { Router } from '../simulator/routing';
import { AVAILABLE, releaseTeam, sendTeam, type TeamsState } from '../simulator/teams';
import type { AlarmRule } from '../rules/ruleTypes';
import { CATEGORY_SPECS, CLOSE_AFTER_MINUTES, DISPATCH_DELAY_MINUTES, FROZEN_INCIDENT_AT } from './categories';
import { closureSegments } from './closureSegments';

const MIN = 60_000;
/** How far back the desk remembers when it opened incidents (for "new in the last hour"). */
const OPENED_MEMORY_MS = 60 * MIN;

interface Timers {
  dispatchAt: number;
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
}

export interface IncidentDeskDeps {
  assets: CityAssets;
  rules: AlarmRule[];
  router: Router;
  teams: TeamsState;
  drainage: DrainageState;
  rng: Rng;
}

export class IncidentDesk {
  readonly closed: Uint8Array;
  readonly accidents: Uint8Array;
  private readonly incidents = new Map<string, Incident>();
  private readonly timers = new Map<string, Timers>();
  private readonly closures = new Map<number, Closure>();
  /** Open incident per alarm key (rule, slot), so one alarm episode opens one incident. */
  private readonly byAlarmKey = new Map<string, string>();
  private readonly rulesById: Map<string, AlarmRule>;
  /** Creation times of the incidents opened within {@link OPENED_MEMORY_MS}, oldest first. */
  private readonly openedAt: number[] = [];
  private counter = 0;

  constructor(private readonly deps: IncidentDeskDeps) {
    this.closed = new Uint8Array(deps.assets.roads.segmentCount);
    this.accidents = new Uint8Array(deps.assets.roads.segmentCount);
    this.rulesById = new Map(deps.rules.map((r) => [r.id, r]));
  }

  openIncidents(): Incident[] {
    return [...this.incidents.values()];
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

  /** Reacts to alarm changes: incidents for alarms that reach their rule's level, closures for flooded underpasses. */
  onAlarms(changes: Alarm[], now: number): CityEvent[] {
    const events: CityEvent[] = [];
    for (const alarm of changes) {
      const frozen = alarm.trigger === 'frozen';
      const rule = this.rulesById.get(frozen ? alarm.ruleId.replace(/:frozen$/, '') : alarm.ruleId);
      if (!rule) continue;
      const key = `${alarm.ruleId}:${alarm.slot}`;
      const openId = this.byAlarmKey.get(key);
      if (alarm.state === 'cleared') {
        // The incident may already be closed (work done while the alarm stood); then there is nothing to tell it.
        const timers = openId ? this.timers.get(openId) : undefined;
        if (timers) timers.alarmActive = false;
        this.byAlarmKey.delete(key);
      } else {
        const incidentRule = frozen ? { category: 'sensorFault' as const, at: FROZEN_INCIDENT_AT } : rule.incident;
        if (incidentRule && !openId && SEVERITY_RANK[alarm.severity] <= SEVERITY_RANK[incidentRule.at]) {
          const segment = this.segmentOf(alarm);
          const incident = this.open(incidentRule.category, 'rule', { lon: alarm.lon, lat: alarm.lat, district: alarm.district, segment }, now, alarm);
          this.byAlarmKey.set(key, incident.id);
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

  /** Advances every open incident by the clock and the teams' arrivals. */
  step(now: number, arrivedTeams: number[]): CityEvent[] {
    const events: CityEvent[] = [];
    const arrived = new Set(arrivedTeams);
    for (const incident of this.incidents.values()) {
      const t = this.timers.get(incident.id)!;
      const spec = CATEGORY_SPECS[incident.category];
      const before = incident.status;
      if (incident.status === 'new' && now >= t.dispatchAt) this.dispatch(incident, t, now);
      else if (incident.status === 'dispatched') {
        const teamArrived = incident.teamSlot !== null && arrived.has(incident.teamSlot);
        if (teamArrived || (incident.teamSlot === null && now >= t.arriveAt)) {
          incident.status = 'onSite';
          t.workUntil = now + this.minutes(spec.workMinutes);
          this.applyEffect(incident, true);
        }
      } else if (incident.status === 'onSite' && now >= t.workUntil && !(spec.needsAlarmCleared && t.alarmActive)) {
        incident.status = 'resolved';
        t.closeAt = now + CLOSE_AFTER_MINUTES * MIN;
        this.applyEffect(incident, false);
        if (incident.teamSlot !== null) releaseTeam(this.deps.teams, incident.teamSlot);
        if (incident.category === 'trafficAccident' && incident.segment !== null) this.accidents[incident.segment] = 0;
      } else if (incident.status === 'resolved' && now >= t.closeAt) {
        incident.status = 'closed';
      }
      if (incident.status !== before) {
        incident.updatedAt = now;
        events.push({ type: 'incident', incident: { ...incident } });
      }
    }
    for (const [id, incident] of this.incidents) {
      if (incident.status === 'closed') {
        this.incidents.delete(id);
        this.timers.delete(id);
      }
    }
    let expired = 0;
    while (expired < this.openedAt.length && this.openedAt[expired] < now - OPENED_MEMORY_MS) expired++;
    this.openedAt.splice(0, expired);
    return events;
  }

  private open(category: IncidentCategory, source: Incident['source'], site: CitySite, now: number, alarm: Alarm | null): Incident {
    const spec = CATEGORY_SPECS[category];
    this.counter++;
    const incident: Incident = {
      id: `INC-${String(this.counter).padStart(6, '0')}`,
      category,
      priority: spec.priority,
      status: 'new',
      source,
      unit: spec.unit,
      district: site.district,
      lon: site.lon,
      lat: site.lat,
      alarmId: alarm?.id ?? null,
      assetKind: alarm?.assetKind ?? null,
      assetSlot: alarm?.slot ?? null,
      segment: site.segment,
      teamSlot: null,
      createdAt: now,
      updatedAt: now,
    };
    this.incidents.set(incident.id, incident);
    this.openedAt.push(now);
    this.timers.set(incident.id, {
      dispatchAt: now + this.minutes(DISPATCH_DELAY_MINUTES),
      arriveAt: Infinity,
      workUntil: Infinity,
      closeAt: Infinity,
      alarmActive: alarm !== null,
    });
    return incident;
  }

  /** Sends the nearest free team of a suitable type, or an outside unit; waits if no team is free. */
  private dispatch(incident: Incident, t: Timers, now: number): void {
    const spec = CATEGORY_SPECS[incident.category];
    if (spec.teamTypes.length === 0) {
      incident.status = 'dispatched';
      t.arriveAt = now + this.minutes(spec.travelMinutes);
      return;
    }
    const { teams, router, assets } = this.deps;
    const target = router.nearestNode(incident.lon, incident.lat);
    for (const type of spec.teamTypes) {
      const typeCode = TEAM_TYPES.indexOf(type);
      let best = -1;
      let bestD = Infinity;
      assets.teams.forEach((team, slot) => {
        if (TEAM_TYPES.indexOf(team.type) !== typeCode || teams.state[slot] !== AVAILABLE) return;
        const d = Math.hypot(teams.lon[slot] - incident.lon, (teams.lat[slot] - incident.lat) * 1.17);
        if (d < bestD) {
          bestD = d;
          best = slot;
        }
      });
      if (best < 0) continue;
      // Emergency vehicles run with lights at about free-flow speed and may pass a closure to reach
      // the flooded spot, so they route on the open network, not on today's speeds and closures.
      const route = router.route(teams.node[best], target);
      if (!route) continue;
      sendTeam(teams, best, route, incident.id);
      incident.teamSlot = best;
      incident.status = 'dispatched';
      return;
    }
    // No team free: look again in a minute rather than every step.
    t.dispatchAt = now + MIN;
  }

  private applyEffect(incident: Incident, onSite: boolean): void {
    const spec = CATEGORY_SPECS[incident.category];
    const { drainage } = this.deps;
    if (spec.effect === 'pumpOut' && incident.assetSlot !== null) {
      const assist = incident.assetKind === 'underpass' ? drainage.underpassAssist : drainage.waterlogAssist;
      assist[incident.assetSlot] = onSite ? PUMP_TRUCK_CM_MIN : 0;
    }
    if (spec.effect === 'repairPump' && !onSite && incident.assetSlot !== null) repairPump(drainage, incident.assetSlot);
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
