/**
 * Evaluates alarm rules over sampled readings: a rolling mean before the bands, hysteresis between
 * raising and clearing, an optional pending period before a rise is raised, one open alarm per
 * (rule, trigger, asset) that escalates or eases in place, a latched rate-of-rise, and the
 * frozen-sensor trigger: its own alarm when a sensor stops reporting.
 *
 * Two ways in. `evaluate` samples every slot at a fixed interval (the simulated city's sensors, read
 * each rule sample). `observe` takes one reading from outside at the time it was measured (event
 * time): the slot's rules run on it then, the slot is left out of the periodic samples from then on
 * except for its no-data check, and a reading no newer than the slot's newest moves nothing. Windows
 * and rates are measured in time over the samples kept (a ring of one window's worth of samples at
 * the sample interval), so both ways agree on a steady one-a-minute sensor.
 * Deterministic and free of IO: the caller receives the changes.
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { ChannelId } from '../../src/protocol/channels';
import { SEVERITY_RANK, type Alarm, type AlarmTrigger, type Severity } from '../../src/protocol/cityEvents';
import { PendingGate } from './pendingGate';
import { alarmIdOf, ruleTriggerOf, type RuleTrigger } from './ruleTrigger';
import type { GeofenceEngine } from './geofenceEngine';
import { isGeofenceRule, type AlarmRule, type Band, type StateRule, type ThresholdRule } from './ruleTypes';

/** What the rules sample: the current reading of each channel they watch, by slot. */
export type RuleReadings = Readonly<Partial<Record<ChannelId, ArrayLike<number>>>>;

export interface AssetRef {
  id: string;
  lon: number;
  lat: number;
  district: number;
}

export interface AlarmEngineDeps {
  rules: AlarmRule[];
  /** Number of slots of an asset kind. */
  count: (kind: AssetKind) => number;
  locate: (kind: AssetKind, slot: number) => AssetRef;
  /** Seconds between evaluate() calls; windows are counted in samples of this length. */
  sampleIntervalS: number;
  /**
   * Whether a sensor never heard from counts as silent from the first sample (the simulator's sensors
   * all report from the start, so one that never does is broken). Default true. Off for a city fed
   * from outside, where a registry's asset that has not reported yet is not yet a fault: its silence
   * is judged from its first reading on.
   */
  unheardIsSilent?: boolean;
  /** The muck trucks' geofences (the rules' `offRoute` and `dumpOffSite`), run beside the readings' rules. */
  geofence?: GeofenceEngine;
}

interface RuleState {
  rule: ThresholdRule | StateRule;
  slots: number;
  /** The slots the rule watches, where it names its assets (null: every slot). */
  watched: Uint8Array | null;
  /** The rule's pending period, where it has one. */
  pending: PendingGate | null;
  /** Ring of recent samples, `capacity` per slot, and the time of each. */
  samples: Float64Array;
  times: Float64Array;
  capacity: number;
  filled: Uint16Array;
  head: Uint16Array;
  /** Band index per slot, −1 for none. */
  level: Int8Array;
  rateLatched: Uint8Array;
  lastSeen: Float64Array;
  /** 1 where readings come from outside (`observe`): the periodic sample only checks for silence there. */
  external: Uint8Array;
  /** Event time of the newest reading observed per slot (−Infinity: none). */
  newest: Float64Array;
  /** Open alarms by slot, one map per trigger: a high reading and a silent sensor are separate episodes. */
  open: Record<RuleTrigger, Map<number, Alarm>>;
}

const worse = (a: Severity | null, b: Severity | null): Severity | null =>
  a === null ? b : b === null ? a : SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;

export class AlarmEngine {
  private readonly states: RuleState[];

  constructor(private readonly deps: AlarmEngineDeps) {
    const readingRules = deps.rules.filter((rule): rule is ThresholdRule | StateRule => !isGeofenceRule(rule));
    this.states = readingRules.map((rule) => {
      const slots = deps.count(rule.assetKind);
      const windowS = rule.trigger === 'threshold' ? Math.max(rule.windowS, rule.rate?.windowS ?? 0) : 0;
      const capacity = Math.max(1, Math.round(windowS / deps.sampleIntervalS)) + 1;
      const watched = rule.assetSlots ? new Uint8Array(slots) : null;
      for (const slot of rule.assetSlots ?? []) watched![slot] = 1;
      return {
        rule,
        slots,
        watched,
        pending: rule.pending ? new PendingGate(rule.pending, slots) : null,
        samples: new Float64Array(slots * capacity),
        times: new Float64Array(slots * capacity),
        capacity,
        filled: new Uint16Array(slots),
        head: new Uint16Array(slots),
        level: new Int8Array(slots).fill(-1),
        rateLatched: new Uint8Array(slots),
        lastSeen: new Float64Array(slots).fill(NaN),
        external: new Uint8Array(slots),
        newest: new Float64Array(slots).fill(-Infinity),
        open: { reading: new Map(), frozen: new Map() },
      };
    });
  }

  /** Every alarm that is active now. */
  active(): Alarm[] {
    return [...this.states.flatMap((s) => [...s.open.reading.values(), ...s.open.frozen.values()]), ...(this.deps.geofence?.active() ?? [])];
  }

  /**
   * Puts stored active alarms back as open episodes after a restart, so a change continues under the
   * same id with its acknowledgement: a band alarm resumes at its band (hysteresis holds), a fast rise
   * stays latched, a no-data alarm keeps counting from the last reading it knew. Returns the alarms
   * that fit no rule or asset in force (the rules file or registry changed): the caller clears them.
   */
  restore(alarms: readonly Alarm[]): Alarm[] {
    const unplaced: Alarm[] = [];
    for (const alarm of alarms) {
      const state = this.states.find((s) => s.rule.id === alarm.ruleId && s.rule.assetKind === alarm.assetKind);
      const fits = state && alarm.slot < state.slots && (!state.watched || state.watched[alarm.slot]) && this.deps.locate(alarm.assetKind, alarm.slot).id === alarm.assetId;
      if (!fits) {
        unplaced.push(alarm);
        continue;
      }
      const trigger = ruleTriggerOf(alarm);
      state.open[trigger].set(alarm.slot, { ...alarm });
      const rule = state.rule;
      if (trigger === 'frozen') state.lastSeen[alarm.slot] = alarm.raisedAt - alarm.value * 1000;
      else if (rule.trigger === 'threshold') {
        const bands = typeof rule.bands === 'function' ? rule.bands(alarm.slot) : rule.bands;
        if (alarm.trigger === 'rateOfRise') state.rateLatched[alarm.slot] = 1;
        else state.level[alarm.slot] = bands.findIndex((b) => b.severity === alarm.severity);
      }
    }
    return this.deps.geofence?.restore(unplaced) ?? unplaced;
  }

  /**
   * Marks the open alarm `alarmId` acknowledged at `at` (the city's time) and returns it as changed;
   * null when no open alarm has that id or it is already acknowledged. The acknowledgement stays with
   * the episode through escalation, easing and clearing (ThingsBoard's active/cleared × acked/unacked).
   */
  acknowledge(alarmId: string, at: number): Alarm | null {
    for (const state of this.states) {
      for (const open of [state.open.reading, state.open.frozen]) {
        for (const alarm of open.values()) {
          if (alarm.id !== alarmId) continue;
          if (alarm.acknowledged) return null;
          Object.assign(alarm, { acknowledged: true, ackedAt: at });
          return { ...alarm };
        }
      }
    }
    return this.deps.geofence?.acknowledge(alarmId, at) ?? null;
  }

  /** Takes one sample of every rule's channel at `now` and returns the alarms raised, changed or cleared. */
  evaluate(now: number, readings: RuleReadings): Alarm[] {
    const changes: Alarm[] = [];
    for (const state of this.states) {
      const values = readings[state.rule.channel];
      if (!values) throw new Error(`rule ${state.rule.id} samples ${state.rule.channel}, which was not read`);
      for (let slot = 0; slot < state.slots; slot++) {
        if (state.watched && !state.watched[slot]) continue;
        if (state.external[slot]) {
          this.checkFrozen(state, state.rule.frozenAfterS, slot, false, now, changes);
          continue;
        }
        if (state.rule.trigger === 'threshold') this.evaluateThreshold(state, state.rule, slot, values[slot], now, changes);
        else this.evaluateState(state, state.rule, slot, values[slot], now, changes);
      }
    }
    if (this.deps.geofence) changes.push(...this.deps.geofence.evaluate(now, readings));
    return changes;
  }

  /**
   * One reading from outside: `value` of `channel` at `slot`, measured at `t`; `now` is the city's
   * clock. Each rule on the channel runs on it at `t`, as it would have then; changes it makes are
   * marked `late` when `late` is set (a gateway's buffered upload). A reading no newer than the
   * slot's newest moves nothing (returns no change); a no-data alarm it ends clears at `now`.
   */
  observe(channel: ChannelId, slot: number, value: number, t: number, now: number, late = false): Alarm[] {
    const changes: Alarm[] = [];
    for (const state of this.states) {
      if (state.rule.channel !== channel || slot >= state.slots || (state.watched && !state.watched[slot])) continue;
      state.external[slot] = 1;
      if (t <= state.newest[slot]) continue;
      state.newest[slot] = t;
      const reading: Alarm[] = [];
      if (state.rule.trigger === 'threshold') this.evaluateThreshold(state, state.rule, slot, value, t, reading, now);
      else this.evaluateState(state, state.rule, slot, value, t, reading, now);
      for (const alarm of reading) changes.push(late && alarm.trigger !== 'frozen' ? { ...alarm, late: true } : alarm);
    }
    for (const alarm of this.deps.geofence?.observe(channel, slot, value, t) ?? []) changes.push(late ? { ...alarm, late: true } : alarm);
    return changes;
  }

  /** A muck truck's position from outside at `t`: its geofences judge it then. */
  observePosition(slot: number, lon: number, lat: number, t: number): Alarm[] {
    return this.deps.geofence?.observePosition(slot, lon, lat, t) ?? [];
  }

  /** `clock` is when a silence can be judged: `now` for a sample, the city's clock for an observed reading. */
  private evaluateThreshold(state: RuleState, rule: ThresholdRule, slot: number, value: number, now: number, out: Alarm[], clock = now): void {
    const finite = Number.isFinite(value);
    this.checkFrozen(state, rule.frozenAfterS, slot, finite, now, out, clock);
    if (!finite) return; // no data: hold the alarm as it is; the frozen trigger speaks for the silence
    this.push(state, slot, value, now);
    const mean = this.mean(state, slot, rule.windowS, now);
    const bands = typeof rule.bands === 'function' ? rule.bands(slot) : rule.bands;
    const next = nextLevel(bands, state.level[slot], mean);
    // A pending period holds a rise back until it has lasted; easing is never held back.
    if (!state.pending || state.pending.admit(slot, next > state.level[slot], now)) state.level[slot] = next;

    let rateSeverity: Severity | null = null;
    if (rule.rate) {
      const old = this.sampleAt(state, slot, now - rule.rate.windowS * 1000);
      const minutes = rule.rate.windowS / 60;
      if (Number.isFinite(old) && (value - old) / minutes >= rule.rate.perMinute && value >= rule.rate.minValue) state.rateLatched[slot] = 1;
      if (mean < rule.rate.clearBelow) state.rateLatched[slot] = 0;
      if (state.rateLatched[slot]) rateSeverity = rule.rate.severity;
    }
    const level = state.level[slot];
    const bandSeverity = level >= 0 ? bands[level].severity : null;
    const severity = worse(bandSeverity, rateSeverity);
    const trigger: AlarmTrigger = severity !== null && severity === rateSeverity && severity !== bandSeverity ? 'rateOfRise' : 'threshold';
    const threshold = trigger === 'rateOfRise' ? rule.rate!.minValue : level >= 0 ? bands[level].above : NaN;
    // A fast rise is reported with the latest reading (the mean lags behind rising water).
    const reported = trigger === 'rateOfRise' ? value : mean;
    this.settle(state, 'reading', slot, severity, { trigger, value: round(reported), unit: rule.unit, threshold }, now, out);
  }

  private evaluateState(state: RuleState, rule: StateRule, slot: number, value: number, now: number, out: Alarm[], clock = now): void {
    const silent = !Number.isFinite(value) || (rule.silentStates ?? []).includes(value);
    this.checkFrozen(state, rule.frozenAfterS, slot, !silent, now, out, clock);
    if (silent) return;
    const read = rule.severities[value] ?? null;
    const current = state.open.reading.get(slot)?.severity ?? null;
    const rising = read !== null && (current === null || SEVERITY_RANK[read] < SEVERITY_RANK[current]);
    const severity = !state.pending || state.pending.admit(slot, rising, now) ? read : current;
    this.settle(state, 'reading', slot, severity, { trigger: 'state', value, unit: '', threshold: NaN }, now, out);
  }

  /**
   * The no-data trigger: silent since the newest reading (`now`, when `reporting`) for `frozenAfterS`
   * or more, judged at `clock` — the sample's time, or the city's clock for an observed reading, so a
   * buffered upload of old readings does not end a silence the feed still has.
   */
  private checkFrozen(state: RuleState, frozenAfterS: number | undefined, slot: number, reporting: boolean, now: number, out: Alarm[], clock = now): void {
    if (Number.isNaN(state.lastSeen[slot])) {
      if (!reporting && this.deps.unheardIsSilent === false) return;
      state.lastSeen[slot] = now;
    } else if (reporting) state.lastSeen[slot] = Math.max(state.lastSeen[slot], now);
    if (frozenAfterS === undefined) return;
    const silentS = Math.max(0, (clock - state.lastSeen[slot]) / 1000);
    const severity: Severity | null = silentS >= frozenAfterS ? 'minor' : null;
    this.settle(state, 'frozen', slot, severity, { trigger: 'frozen', value: Math.round(silentS), unit: 's', threshold: frozenAfterS }, clock, out);
  }

  /** Raises, updates or clears the (rule, trigger, slot) alarm so it matches `severity`; records each change. */
  private settle(
    state: RuleState,
    trigger: RuleTrigger,
    slot: number,
    severity: Severity | null,
    detail: Pick<Alarm, 'trigger' | 'value' | 'unit' | 'threshold'>,
    now: number,
    out: Alarm[],
  ): void {
    const alarms = state.open[trigger];
    const current = alarms.get(slot);
    if (!current && severity === null) return;
    if (!current) {
      const asset = this.deps.locate(state.rule.assetKind, slot);
      const alarm: Alarm = {
        id: alarmIdOf(state.rule.id, trigger, asset.id, now),
        ruleId: state.rule.id,
        assetKind: state.rule.assetKind,
        slot,
        assetId: asset.id,
        severity: severity!,
        ...detail,
        raisedAt: now,
        updatedAt: now,
        clearedAt: null,
        state: 'active',
        acknowledged: false,
        lon: asset.lon,
        lat: asset.lat,
        district: asset.district,
      };
      alarms.set(slot, alarm);
      out.push({ ...alarm });
      return;
    }
    if (severity === null) {
      alarms.delete(slot);
      out.push({ ...current, ...detail, trigger: current.trigger, state: 'cleared', clearedAt: now, updatedAt: now });
      return;
    }
    if (severity !== current.severity) {
      Object.assign(current, detail, { severity, updatedAt: now });
      out.push({ ...current });
    }
  }

  private push(state: RuleState, slot: number, value: number, t: number): void {
    const i = slot * state.capacity + state.head[slot];
    state.samples[i] = value;
    state.times[i] = t;
    state.head[slot] = (state.head[slot] + 1) % state.capacity;
    if (state.filled[slot] < state.capacity) state.filled[slot]++;
  }

  /** Ring index of the sample `back` before the latest (−1 if there are not that many). */
  private indexAgo(state: RuleState, slot: number, back: number): number {
    if (back >= state.filled[slot]) return -1;
    return slot * state.capacity + ((state.head[slot] - 1 - back + state.capacity * 2) % state.capacity);
  }

  /** The newest sample taken at or before `t` (NaN if none is kept). */
  private sampleAt(state: RuleState, slot: number, t: number): number {
    for (let back = 0, i = this.indexAgo(state, slot, 0); i >= 0; i = this.indexAgo(state, slot, ++back)) {
      if (state.times[i] <= t) return state.samples[i];
    }
    return NaN;
  }

  /** Mean of the samples taken in the `windowS` seconds up to `now` (the latest one at least). */
  private mean(state: RuleState, slot: number, windowS: number, now: number): number {
    const from = now - windowS * 1000;
    let sum = 0;
    let n = 0;
    for (let back = 0, i = this.indexAgo(state, slot, 0); i >= 0; i = this.indexAgo(state, slot, ++back)) {
      if (n > 0 && state.times[i] <= from) break;
      sum += state.samples[i];
      n++;
    }
    return sum / n;
  }
}

/** The channels a rule set samples, each once, in rule order (a geofence reads its trucks' states beside their positions). */
export function ruleChannels(rules: readonly AlarmRule[]): ChannelId[] {
  return [...new Set(rules.flatMap((r): ChannelId[] => (isGeofenceRule(r) ? [r.channel, 'truck.state'] : [r.channel])))];
}

/** Escalate to the highest band reached; ease down only past each band's clear line. */
export function nextLevel(bands: Band[], level: number, value: number): number {
  let next = level;
  for (let k = bands.length - 1; k > next; k--) {
    if (value >= bands[k].above) {
      next = k;
      break;
    }
  }
  while (next >= 0 && value < bands[next].clearBelow) next--;
  return next;
}

const round = (v: number) => Math.round(v * 100) / 100;
