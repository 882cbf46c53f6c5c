/**
 * Evaluates alarm rules over sampled readings: a rolling mean before the bands, hysteresis between
 * raising and clearing, an optional pending period before a rise is raised, one open alarm per
 * (rule, trigger, asset) that escalates or eases in place, a latched rate-of-rise, and the
 * frozen-sensor trigger: its own alarm when a sensor stops reporting.
 * Deterministic and free of IO: the caller samples at a fixed interval and receives the changes.
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { ChannelId } from '../../src/protocol/channels';
import { SEVERITY_RANK, type Alarm, type AlarmTrigger, type Severity } from '../../src/protocol/cityEvents';
import { PendingGate } from './pendingGate';
import { alarmIdOf, type RuleTrigger } from './ruleTrigger';
import type { AlarmRule, Band, StateRule, ThresholdRule } from './ruleTypes';

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
}

interface RuleState {
  rule: AlarmRule;
  slots: number;
  /** The slots the rule watches, where it names its assets (null: every slot). */
  watched: Uint8Array | null;
  /** The rule's pending period, where it has one. */
  pending: PendingGate | null;
  /** Ring of recent samples, `capacity` per slot. */
  samples: Float64Array;
  capacity: number;
  filled: Uint16Array;
  head: Uint16Array;
  /** Band index per slot, −1 for none. */
  level: Int8Array;
  rateLatched: Uint8Array;
  lastSeen: Float64Array;
  /** Open alarms by slot, one map per trigger: a high reading and a silent sensor are separate episodes. */
  open: Record<RuleTrigger, Map<number, Alarm>>;
}

const worse = (a: Severity | null, b: Severity | null): Severity | null =>
  a === null ? b : b === null ? a : SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;

export class AlarmEngine {
  private readonly states: RuleState[];

  constructor(private readonly deps: AlarmEngineDeps) {
    this.states = deps.rules.map((rule) => {
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
        capacity,
        filled: new Uint16Array(slots),
        head: new Uint16Array(slots),
        level: new Int8Array(slots).fill(-1),
        rateLatched: new Uint8Array(slots),
        lastSeen: new Float64Array(slots).fill(NaN),
        open: { reading: new Map(), frozen: new Map() },
      };
    });
  }

  /** Every alarm that is active now. */
  active(): Alarm[] {
    return this.states.flatMap((s) => [...s.open.reading.values(), ...s.open.frozen.values()]);
  }

  /** Takes one sample of every rule's channel at `now` and returns the alarms raised, changed or cleared. */
  evaluate(now: number, readings: RuleReadings): Alarm[] {
    const changes: Alarm[] = [];
    for (const state of this.states) {
      const values = readings[state.rule.channel];
      if (!values) throw new Error(`rule ${state.rule.id} samples ${state.rule.channel}, which was not read`);
      for (let slot = 0; slot < state.slots; slot++) {
        if (state.watched && !state.watched[slot]) continue;
        if (state.rule.trigger === 'threshold') this.evaluateThreshold(state, state.rule, slot, values[slot], now, changes);
        else this.evaluateState(state, state.rule, slot, values[slot], now, changes);
      }
    }
    return changes;
  }

  private evaluateThreshold(state: RuleState, rule: ThresholdRule, slot: number, value: number, now: number, out: Alarm[]): void {
    const finite = Number.isFinite(value);
    this.checkFrozen(state, rule.frozenAfterS, slot, finite, now, out);
    if (!finite) return; // no data: hold the alarm as it is; the frozen trigger speaks for the silence
    this.push(state, slot, value);
    const mean = this.mean(state, slot, Math.max(1, Math.round(rule.windowS / this.deps.sampleIntervalS)));
    const bands = typeof rule.bands === 'function' ? rule.bands(slot) : rule.bands;
    const next = nextLevel(bands, state.level[slot], mean);
    // A pending period holds a rise back until it has lasted; easing is never held back.
    if (!state.pending || state.pending.admit(slot, next > state.level[slot], now)) state.level[slot] = next;

    let rateSeverity: Severity | null = null;
    if (rule.rate) {
      const back = Math.round(rule.rate.windowS / this.deps.sampleIntervalS);
      const old = this.sampleAgo(state, slot, back);
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

  private evaluateState(state: RuleState, rule: StateRule, slot: number, value: number, now: number, out: Alarm[]): void {
    const silent = !Number.isFinite(value) || (rule.silentStates ?? []).includes(value);
    this.checkFrozen(state, rule.frozenAfterS, slot, !silent, now, out);
    if (silent) return;
    const read = rule.severities[value] ?? null;
    const current = state.open.reading.get(slot)?.severity ?? null;
    const rising = read !== null && (current === null || SEVERITY_RANK[read] < SEVERITY_RANK[current]);
    const severity = !state.pending || state.pending.admit(slot, rising, now) ? read : current;
    this.settle(state, 'reading', slot, severity, { trigger: 'state', value, unit: '', threshold: NaN }, now, out);
  }

  private checkFrozen(state: RuleState, frozenAfterS: number | undefined, slot: number, reporting: boolean, now: number, out: Alarm[]): void {
    if (reporting || Number.isNaN(state.lastSeen[slot])) state.lastSeen[slot] = now;
    if (frozenAfterS === undefined) return;
    const silentS = (now - state.lastSeen[slot]) / 1000;
    const severity: Severity | null = silentS >= frozenAfterS ? 'minor' : null;
    this.settle(state, 'frozen', slot, severity, { trigger: 'frozen', value: Math.round(silentS), unit: 's', threshold: frozenAfterS }, now, out);
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

  private push(state: RuleState, slot: number, value: number): void {
    const base = slot * state.capacity;
    state.samples[base + state.head[slot]] = value;
    state.head[slot] = (state.head[slot] + 1) % state.capacity;
    if (state.filled[slot] < state.capacity) state.filled[slot]++;
  }

  /** The sample `back` evaluations before the latest (NaN if not yet sampled). */
  private sampleAgo(state: RuleState, slot: number, back: number): number {
    if (back >= state.filled[slot]) return NaN;
    const i = (state.head[slot] - 1 - back + state.capacity * 2) % state.capacity;
    return state.samples[slot * state.capacity + i];
  }

  private mean(state: RuleState, slot: number, window: number): number {
    const n = Math.min(window, state.filled[slot]);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += this.sampleAgo(state, slot, k);
    return sum / n;
  }
}

/** The channels a rule set samples, each once, in rule order. */
export function ruleChannels(rules: readonly AlarmRule[]): ChannelId[] {
  return [...new Set(rules.map((r) => r.channel))];
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
