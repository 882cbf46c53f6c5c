/**
 * The muck trucks' geofences (seed 003: an illegal dump traced to the construction site): `offRoute`
 * while a truck is farther than its corridor from its permitted route, `dumpOffSite` while it unloads
 * farther than a radius from its disposal site. One open alarm per (rule, truck) that clears when the
 * truck is back (within 80% of its corridor, so GPS jitter on the line does not flap it) or has stopped
 * unloading. An alarm stands where the truck was when it was raised and names the site its load came from.
 *
 * Two ways in, as the readings' engine has: `evaluate` samples the trucks the simulator moves at each
 * rule sample; `observe` / `observePosition` take one report from outside at the time it was made
 * (event time), and a truck so reported is left out of the samples from then on. Pure: the caller
 * receives the changes.
 */
import { MUCK_TRUCK_STATES } from '../../src/protocol/assets';
import type { ChannelId } from '../../src/protocol/channels';
import type { Alarm, Severity } from '../../src/protocol/cityEvents';
import { distanceM, distanceToRouteM } from '../../src/domain/routeDistance';
import type { MuckTruck } from '../city/assets';
import { PendingGate } from './pendingGate';
import { alarmIdOf } from './ruleTrigger';
import type { GeofenceRule } from './ruleTypes';

/** What a sample reads, by channel (the readings' engine's RuleReadings, without importing it back). */
type SampledChannels = Readonly<Partial<Record<ChannelId, ArrayLike<number>>>>;

const IDLE = MUCK_TRUCK_STATES.indexOf('idle');
const UNLOADING = MUCK_TRUCK_STATES.indexOf('unloading');
/** Back within this share of its corridor, an off-route truck's alarm clears. */
const CLEAR_SHARE = 0.8;

export interface GeofenceDeps {
  rules: readonly GeofenceRule[];
  trucks: readonly MuckTruck[];
  /** The district a point lies in (−1 off land: the truck's own district is named). */
  districtAt?: (lon: number, lat: number) => number;
}

interface RuleState {
  rule: GeofenceRule;
  watched: Uint8Array | null;
  pending: PendingGate | null;
  open: Map<number, Alarm>;
}

export class GeofenceEngine {
  private readonly states: RuleState[];
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly posAt: Float64Array;
  private readonly state: Float64Array;
  private readonly stateAt: Float64Array;
  /** 1 where reports come from outside: the samples leave that truck alone. */
  private readonly external: Uint8Array;

  constructor(private readonly deps: GeofenceDeps) {
    const n = deps.trucks.length;
    this.lon = new Float64Array(n).fill(NaN);
    this.lat = new Float64Array(n).fill(NaN);
    this.posAt = new Float64Array(n).fill(-Infinity);
    this.state = new Float64Array(n).fill(NaN);
    this.stateAt = new Float64Array(n).fill(-Infinity);
    this.external = new Uint8Array(n);
    this.states = deps.rules.map((rule) => {
      const watched = rule.assetSlots ? new Uint8Array(n) : null;
      for (const slot of rule.assetSlots ?? []) watched![slot] = 1;
      return { rule, watched, pending: rule.pending ? new PendingGate(rule.pending, n) : null, open: new Map() };
    });
  }

  /** The channels a sample reads: positions and states. */
  get channels(): ChannelId[] {
    return this.states.length > 0 ? ['truck.pos', 'truck.state'] : [];
  }

  active(): Alarm[] {
    return this.states.flatMap((s) => [...s.open.values()]);
  }

  /** Puts stored active alarms of its rules back as open episodes; returns those that fit none. */
  restore(alarms: readonly Alarm[]): Alarm[] {
    return alarms.filter((alarm) => {
      const s = this.states.find((st) => st.rule.id === alarm.ruleId && st.rule.assetKind === alarm.assetKind);
      const fits = s && this.deps.trucks[alarm.slot]?.id === alarm.assetId && (!s.watched || s.watched[alarm.slot]);
      if (fits) s.open.set(alarm.slot, { ...alarm });
      return !fits;
    });
  }

  acknowledge(alarmId: string, at: number): Alarm | null {
    for (const s of this.states) {
      for (const alarm of s.open.values()) {
        if (alarm.id !== alarmId) continue;
        if (alarm.acknowledged) return null;
        Object.assign(alarm, { acknowledged: true, ackedAt: at });
        return { ...alarm };
      }
    }
    return null;
  }

  /** A rule sample of the trucks the source moves (not those reported from outside). */
  evaluate(now: number, readings: SampledChannels): Alarm[] {
    if (this.states.length === 0) return [];
    const pos = readings['truck.pos'];
    const state = readings['truck.state'];
    if (!pos || !state) throw new Error('the geofences sample truck.pos and truck.state, which were not read');
    const out: Alarm[] = [];
    for (let slot = 0; slot < this.deps.trucks.length; slot++) {
      if (this.external[slot]) continue;
      [this.lon[slot], this.lat[slot], this.state[slot]] = [pos[slot * 2], pos[slot * 2 + 1], state[slot]];
      this.check(slot, now, out);
    }
    return out;
  }

  /** A truck's state reported from outside, measured at `t`; a report no newer than its last moves nothing. */
  observe(channel: ChannelId, slot: number, value: number, t: number): Alarm[] {
    if (channel !== 'truck.state' || slot >= this.deps.trucks.length || t <= this.stateAt[slot]) return [];
    this.external[slot] = 1;
    this.stateAt[slot] = t;
    this.state[slot] = value;
    const out: Alarm[] = [];
    this.check(slot, t, out);
    return out;
  }

  /** A truck's position reported from outside at `t` (basemap datum). */
  observePosition(slot: number, lon: number, lat: number, t: number): Alarm[] {
    if (slot >= this.deps.trucks.length || t <= this.posAt[slot]) return [];
    this.external[slot] = 1;
    this.posAt[slot] = t;
    this.lon[slot] = lon;
    this.lat[slot] = lat;
    const out: Alarm[] = [];
    this.check(slot, t, out);
    return out;
  }

  private check(slot: number, now: number, out: Alarm[]): void {
    const lon = this.lon[slot];
    const lat = this.lat[slot];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    const truck = this.deps.trucks[slot];
    const state = this.state[slot];
    for (const s of this.states) {
      if (s.watched && !s.watched[slot]) continue;
      const limit = s.rule.limitM(slot);
      const open = s.open.get(slot);
      let distance: number;
      let over: boolean;
      if (s.rule.trigger === 'offRoute') {
        // A parked truck (between shifts, at its depot) is off duty, not off its route.
        distance = state === IDLE ? 0 : distanceToRouteM(lon, lat, truck.route);
        over = distance > (open ? limit * CLEAR_SHARE : limit);
      } else {
        const n = truck.route.length / 2;
        distance = distanceM(truck.route[n * 2 - 2], truck.route[n * 2 - 1], lon, lat);
        over = state === UNLOADING && distance > limit;
      }
      const rising = over && !open;
      const severity: Severity | null = !s.pending || s.pending.admit(slot, rising, now) ? (over ? s.rule.severity : null) : open ? s.rule.severity : null;
      this.settle(s, slot, severity, Math.round(distance), limit, lon, lat, now, out);
    }
  }

  private settle(s: RuleState, slot: number, severity: Severity | null, value: number, threshold: number, lon: number, lat: number, now: number, out: Alarm[]): void {
    const current = s.open.get(slot);
    if (!current && severity === null) return;
    if (!current) {
      const truck = this.deps.trucks[slot];
      const district = this.deps.districtAt?.(lon, lat) ?? -1;
      const alarm: Alarm = {
        id: alarmIdOf(s.rule.id, 'reading', truck.id, now),
        ruleId: s.rule.id,
        trigger: s.rule.trigger,
        assetKind: s.rule.assetKind,
        slot,
        assetId: truck.id,
        severity: severity!,
        value,
        unit: 'm',
        threshold,
        raisedAt: now,
        updatedAt: now,
        clearedAt: null,
        state: 'active',
        acknowledged: false,
        // Where the truck was, in the district it was in, and where its load came from.
        lon,
        lat,
        district: district >= 0 ? district : truck.district,
        origin: truck.site,
      };
      s.open.set(slot, alarm);
      out.push({ ...alarm });
      return;
    }
    if (severity === null) {
      s.open.delete(slot);
      out.push({ ...current, value, state: 'cleared', clearedAt: now, updatedAt: now });
    }
  }
}
