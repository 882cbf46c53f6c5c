/** The alarm engine after a restart (restore) and under a person's acknowledgement (acknowledge). */
import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../../mock-server/rules/alarmEngine';
import type { AlarmRule } from '../../../../mock-server/rules/ruleTypes';
import type { Alarm } from '@/protocol/cityEvents';

const MIN = 60_000;
const rule: AlarmRule = {
  id: 'underpass.depth',
  trigger: 'threshold',
  assetKind: 'underpass',
  channel: 'underpass.depth',
  unit: 'cm',
  windowS: 0,
  bands: [
    { severity: 'warning', above: 5, clearBelow: 3 },
    { severity: 'critical', above: 25, clearBelow: 20 },
  ],
  rate: { perMinute: 3, windowS: 120, minValue: 10, severity: 'critical', clearBelow: 8 },
  frozenAfterS: 600,
};

const engineOf = (rules: AlarmRule[] = [rule]) =>
  new AlarmEngine({
    rules,
    count: () => 2,
    locate: (_kind, slot) => ({ id: `U${slot}`, lon: 121.4, lat: 31.2, district: 0 }),
    sampleIntervalS: 60,
  });

/** Runs one slot-0 series from minute `from`, one reading a minute; slot 1 reads 0 throughout. */
function feed(engine: AlarmEngine, depths: number[], from = 0): Alarm[] {
  return depths.flatMap((d, i) => engine.evaluate((from + i) * MIN, { 'underpass.depth': [d, 0] }));
}

describe('AlarmEngine.restore', () => {
  it('continues a band alarm under the same id, holding it between its clear and raise lines', () => {
    const before = engineOf();
    const raised = feed(before, [0, 30]).find((a) => a.severity === 'critical')!;
    const after = engineOf();
    expect(after.restore(before.active())).toEqual([]);
    expect(after.active().map((a) => a.id)).toEqual([raised.id]);
    // 22 cm is under the raise line (25) but over the clear line (20): a fresh engine would say warning.
    expect(feed(after, [22, 22], 2)).toEqual([]);
    const eased = feed(after, [10], 4);
    expect(eased).toMatchObject([{ id: raised.id, severity: 'warning', raisedAt: raised.raisedAt }]);
    expect(feed(after, [1], 5)).toMatchObject([{ id: raised.id, state: 'cleared', clearedAt: 5 * MIN }]);
  });

  it('keeps a fast-rise alarm latched until the water falls below its clear line', () => {
    const before = engineOf();
    const rise = feed(before, [0, 5, 12]).find((a) => a.trigger === 'rateOfRise')!;
    expect(rise).toBeDefined();
    const after = engineOf();
    after.restore(before.active());
    expect(feed(after, [12, 12], 3)).toEqual([]);
    expect(feed(after, [7], 5)).toMatchObject([{ id: rise.id, state: 'active', severity: 'warning' }]);
  });

  it('keeps counting a no-data alarm from the last reading it knew, so it does not clear and re-raise', () => {
    const before = engineOf();
    const frozen = feed(before, [0, ...Array(11).fill(NaN)]).find((a) => a.trigger === 'frozen')!;
    expect(frozen).toMatchObject({ state: 'active', value: 600 });
    const after = engineOf();
    after.restore(before.active());
    expect(feed(after, [NaN, NaN], 12)).toEqual([]);
    expect(feed(after, [0], 14)).toMatchObject([{ id: frozen.id, trigger: 'frozen', state: 'cleared' }]);
  });

  it('hands back the alarms no rule or asset in force can take', () => {
    const before = engineOf();
    const [raised] = feed(before, [0, 30]);
    const elsewhere = { ...raised, id: 'x', assetId: 'U9' };
    const otherRule = { ...raised, id: 'y', ruleId: 'gone' };
    const after = engineOf();
    expect(after.restore([raised, elsewhere, otherRule]).map((a) => a.id)).toEqual(['x', 'y']);
    expect(after.active().map((a) => a.id)).toEqual([raised.id]);
  });
});

describe('AlarmEngine.acknowledge', () => {
  it('marks the open alarm acknowledged and keeps the mark on its later changes', () => {
    const engine = engineOf();
    const [raised] = feed(engine, [0, 10]);
    expect(raised.acknowledged).toBe(false);
    const acked = engine.acknowledge(raised.id, 3 * MIN);
    expect(acked).toMatchObject({ id: raised.id, acknowledged: true, ackedAt: 3 * MIN, state: 'active', severity: 'warning' });
    expect(engine.active()[0].acknowledged).toBe(true);
    expect(feed(engine, [30], 3)).toMatchObject([{ id: raised.id, severity: 'critical', acknowledged: true }]);
    expect(feed(engine, [0], 4)).toMatchObject([{ id: raised.id, state: 'cleared', acknowledged: true, ackedAt: 3 * MIN }]);
  });

  it('answers null for an alarm that is not open or is already acknowledged', () => {
    const engine = engineOf();
    const [raised] = feed(engine, [0, 10]);
    expect(engine.acknowledge('nope', 0)).toBeNull();
    expect(engine.acknowledge(raised.id, 1)).not.toBeNull();
    expect(engine.acknowledge(raised.id, 2)).toBeNull();
    feed(engine, [0], 2);
    expect(engine.acknowledge(raised.id, 3)).toBeNull();
  });

  it('survives a restore with its acknowledgement', () => {
    const before = engineOf();
    const [raised] = feed(before, [0, 10]);
    before.acknowledge(raised.id, MIN);
    const after = engineOf();
    after.restore(before.active());
    expect(feed(after, [30], 2)).toMatchObject([{ id: raised.id, acknowledged: true, ackedAt: MIN }]);
  });
});
