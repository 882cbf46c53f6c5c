import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../../mock-server/rules/alarmEngine';
import { PendingGate } from '../../../../mock-server/rules/pendingGate';
import type { AlarmRule, Pending } from '../../../../mock-server/rules/ruleTypes';
import type { Alarm } from '@/protocol/cityEvents';

const MIN = 60_000;

const depthRule = (pending?: Pending, assetSlots?: number[]): AlarmRule => ({
  id: 'depth',
  trigger: 'threshold',
  assetKind: 'underpass',
  channel: 'underpass.depth',
  unit: 'cm',
  windowS: 0,
  bands: [
    { severity: 'warning', above: 5, clearBelow: 3 },
    { severity: 'critical', above: 25, clearBelow: 20 },
  ],
  ...(pending && { pending }),
  ...(assetSlots && { assetSlots }),
});

/** Drives one rule with one reading per minute per slot; returns each minute's changes. */
function run(rule: AlarmRule, series: number[][]): Alarm[][] {
  const engine = new AlarmEngine({
    rules: [rule],
    count: () => series[0].length,
    locate: (_kind, slot) => ({ id: `A${slot}`, lon: 121.4, lat: 31.2, district: 0 }),
    sampleIntervalS: 60,
  });
  return series.map((values, t) => engine.evaluate(t * MIN, { [rule.channel]: values }));
}

const minuteOf = (changes: Alarm[][], severity: string) => changes.findIndex((c) => c.some((a) => a.state === 'active' && a.severity === severity));

describe('the pending gate', () => {
  it('admits a rise on its Nth sample in a row, and starts over when the rise stops', () => {
    const gate = new PendingGate({ samples: 3 }, 1);
    expect([gate.admit(0, true, 0), gate.admit(0, true, 1), gate.admit(0, false, 2)]).toEqual([false, false, true]);
    expect([gate.admit(0, true, 3), gate.admit(0, true, 4), gate.admit(0, true, 5)]).toEqual([false, false, true]);
  });

  it('admits a rise once it has lasted the duration since it was first seen', () => {
    const gate = new PendingGate({ durationS: 120 }, 2);
    expect([0, 1, 2].map((m) => gate.admit(0, true, m * MIN))).toEqual([false, false, true]);
    // Each slot waits on its own.
    expect(gate.admit(1, true, 2 * MIN)).toBe(false);
  });
});

describe('a rule with a pending period', () => {
  it('raises no earlier than the rule without one, and exactly N−1 samples later', () => {
    const series = [[0], [30], [30], [30], [30], [0]];
    const now = run(depthRule(), series);
    const held = run(depthRule({ samples: 3 }), series);
    expect(minuteOf(now, 'critical')).toBe(1);
    expect(minuteOf(held, 'critical')).toBe(3);
    // Clearing is never held back.
    expect(held[5].map((a) => a.state)).toEqual(['cleared']);
  });

  it('raises nothing for a spike shorter than the period', () => {
    expect(run(depthRule({ durationS: 180 }), [[0], [30], [30], [0], [30], [0]]).flat()).toEqual([]);
  });

  it('holds an escalation too, and raises straight to the level reached once it has lasted', () => {
    const changes = run(depthRule({ samples: 2 }), [[6], [6], [30], [30]]);
    expect(changes.map((c) => c.map((a) => a.severity))).toEqual([[], ['warning'], [], ['critical']]);
  });

  it('holds a state rule as well', () => {
    const pump: AlarmRule = { id: 'pump', trigger: 'state', assetKind: 'pumpStation', channel: 'pump.state', severities: { 2: 'major' }, pending: { samples: 2 } };
    const changes = run(pump, [[2], [2], [1]]);
    expect(changes.map((c) => c.map((a) => `${a.state}:${a.severity}`))).toEqual([[], ['active:major'], ['cleared:major']]);
  });
});

describe('a rule that names its assets', () => {
  it('watches only those slots', () => {
    const changes = run(depthRule(undefined, [1]), [[30, 30, 30]]);
    expect(changes[0].map((a) => a.assetId)).toEqual(['A1']);
  });
});
