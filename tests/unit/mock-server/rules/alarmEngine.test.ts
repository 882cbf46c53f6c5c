import { describe, expect, it } from 'vitest';
import { AlarmEngine, nextLevel, ruleChannels } from '../../../../mock-server/rules/alarmEngine';
import type { AlarmRule, Band } from '../../../../mock-server/rules/ruleTypes';
import type { Alarm } from '@/protocol/cityEvents';

const MIN = 60_000;
const underpassRule: AlarmRule = {
  id: 'underpass.depth',
  trigger: 'threshold',
  assetKind: 'underpass',
  channel: 'underpass.depth',
  unit: 'cm',
  windowS: 120,
  bands: [
    { severity: 'warning', above: 5, clearBelow: 3 },
    { severity: 'critical', above: 25, clearBelow: 20 },
  ],
  rate: { perMinute: 1, windowS: 300, minValue: 15, severity: 'critical', clearBelow: 12 },
  frozenAfterS: 600,
};

/** Drives one rule over one or more slots with a series of readings, one per minute. */
function run(rule: AlarmRule, series: number[][], slots = series[0].length) {
  const engine = new AlarmEngine({
    rules: [rule],
    count: () => slots,
    locate: (_kind, slot) => ({ id: `A${slot}`, lon: 121.4, lat: 31.2, district: 0 }),
    sampleIntervalS: 60,
  });
  const changes: Alarm[][] = series.map((values, t) => engine.evaluate(t * MIN, { [rule.channel]: values }));
  return { engine, changes, all: changes.flat() };
}

describe('band levels', () => {
  const bands: Band[] = underpassRule.bands as Band[];
  it('escalates to the highest band reached and eases only past each clear line', () => {
    expect(nextLevel(bands, -1, 4)).toBe(-1);
    expect(nextLevel(bands, -1, 5)).toBe(0);
    expect(nextLevel(bands, -1, 30)).toBe(1);
    expect(nextLevel(bands, 1, 22)).toBe(1);
    expect(nextLevel(bands, 1, 19)).toBe(0);
    expect(nextLevel(bands, 1, 2)).toBe(-1);
    expect(nextLevel(bands, 0, 4)).toBe(0);
  });
});

describe('alarm engine', () => {
  it('smooths with a rolling mean: a one-minute spike raises nothing', () => {
    const { all } = run({ ...underpassRule, rate: undefined }, [[0], [0], [9], [0], [0]]);
    expect(all).toEqual([]);
  });

  it('does not flap while the depth wobbles around the closing line (hysteresis)', () => {
    const depths = [0, 10, 20, 26, 27, 24, 26, 23, 25, 22, 21, 24, 19, 15];
    const { all } = run({ ...underpassRule, rate: undefined }, depths.map((d) => [d]));
    const severities = all.map((a) => `${a.state}:${a.severity}`);
    // warning on the way up, critical once, back to warning only below 20 (smoothed), never bouncing.
    expect(severities).toEqual(['active:warning', 'active:critical', 'active:warning']);
  });

  it('keeps one alarm per asset and rule, escalating and easing it in place', () => {
    const { all } = run({ ...underpassRule, rate: undefined }, [[10], [10], [30], [30], [30], [0], [0], [0]]);
    expect(new Set(all.map((a) => a.id)).size).toBe(1);
    expect(all.map((a) => a.severity)).toEqual(['warning', 'critical', 'warning', 'warning']);
    expect(all.at(-1)!.state).toBe('cleared');
    expect(all.at(-1)!.clearedAt).toBe(6 * MIN); // the 2-minute mean of 0 and 0
  });

  it('closes early on fast-rising water before the depth line is reached', () => {
    // 0 → 20 cm in five minutes: 4 cm/min, above 15 cm: critical while the mean is still below 25.
    const { all } = run(underpassRule, [0, 4, 8, 12, 16, 20].map((d) => [d]));
    const critical = all.find((a) => a.severity === 'critical')!;
    expect(critical.trigger).toBe('rateOfRise');
    expect(critical.value).toBeLessThan(25);
  });

  it('raises a separate frozen alarm when a sensor stops reporting, and clears it when data returns', () => {
    const series = [[5], ...Array.from({ length: 12 }, () => [NaN]), [6]];
    const { all, engine } = run(underpassRule, series);
    const frozen = all.filter((a) => a.trigger === 'frozen');
    expect(frozen.map((a) => a.state)).toEqual(['active', 'cleared']);
    expect(frozen[0].raisedAt).toBe(10 * MIN); // 600 s after the last reading, at minute 0
    // The frozen sensor is the rule's own trigger: ruleId stays the rule's id.
    expect(frozen[0].ruleId).toBe('underpass.depth');
    expect(engine.active().filter((a) => a.trigger === 'frozen')).toEqual([]);
  });

  it('keeps the frozen trigger and the reading trigger of one rule and asset as separate alarms', () => {
    // Flooded (critical, held through the silence), then silent for 10 minutes, then reporting again, dry.
    const series = [[30], [30], [30], ...Array.from({ length: 11 }, () => [NaN]), [0], [0], [0]];
    const { all, engine } = run({ ...underpassRule, rate: undefined }, series);
    const reading = all.filter((a) => a.trigger !== 'frozen');
    const frozen = all.filter((a) => a.trigger === 'frozen');
    expect(frozen.map((a) => a.state)).toEqual(['active', 'cleared']);
    expect(new Set(all.map((a) => a.ruleId))).toEqual(new Set(['underpass.depth']));
    expect(new Set(frozen.map((a) => a.id)).size).toBe(1);
    expect(frozen[0].id).not.toBe(reading[0].id);
    // While frozen, both are active at once; the flood alarm was neither cleared nor replaced by the silence.
    const during = run({ ...underpassRule, rate: undefined }, series.slice(0, 14)).engine.active();
    expect(during.map((a) => `${a.trigger}:${a.severity}`).sort()).toEqual(['frozen:minor', 'threshold:critical']);
    // The flood alarm clears on the readings alone: the window is two minutes of time, so the readings
    // from before the silence (twelve minutes back) are not in the mean of the first dry sample.
    expect(reading.filter((a) => a.state === 'cleared').map((a) => a.clearedAt)).toEqual([14 * MIN]);
    expect(frozen[1].clearedAt).toBe(14 * MIN);
    expect(engine.active()).toEqual([]);
  });

  it('samples only the channels its rules watch, and refuses a sample that leaves one out', () => {
    const water: AlarmRule = { ...underpassRule, id: 'w', channel: 'water' };
    expect(ruleChannels([underpassRule, water, { ...underpassRule, id: 'u2' }])).toEqual(['underpass.depth', 'water']);
    const engine = new AlarmEngine({ rules: [underpassRule], count: () => 1, locate: () => ({ id: 'A0', lon: 0, lat: 0, district: 0 }), sampleIntervalS: 60 });
    expect(() => engine.evaluate(0, { water: [1] })).toThrow(/underpass\.depth/);
  });

  it('holds a threshold alarm through a gap in the data instead of clearing it', () => {
    const { all } = run({ ...underpassRule, rate: undefined, frozenAfterS: undefined }, [[30], [30], [NaN], [NaN], [30]]);
    expect(all.filter((a) => a.state === 'cleared')).toEqual([]);
  });

  it('uses per-asset bands, such as each water gauge’s own lines', () => {
    const rule: AlarmRule = {
      id: 'water.level',
      trigger: 'threshold',
      assetKind: 'waterGauge',
      channel: 'water',
      unit: 'm',
      windowS: 60,
      bands: (slot) => [{ severity: 'major', above: slot === 0 ? 4.55 : 3.5, clearBelow: (slot === 0 ? 4.55 : 3.5) - 0.05 }],
    };
    const { all } = run(rule, [[4.0, 4.0]]);
    expect(all.map((a) => a.slot)).toEqual([1]);
    expect(all[0].threshold).toBe(3.5);
  });

  it('maps state codes to severities and treats silent states as missing data', () => {
    const rule: AlarmRule = { id: 'pump.state', trigger: 'state', assetKind: 'pumpStation', channel: 'pump.state', severities: { 2: 'major' }, silentStates: [3], frozenAfterS: 300 };
    const { all } = run(rule, [[1], [2], [3], [3], [2], [0]]);
    expect(all.map((a) => `${a.trigger}:${a.state}`)).toEqual(['state:active', 'state:cleared']);
    const frozen = run(rule, [[1], ...Array.from({ length: 6 }, () => [3])]).all;
    expect(frozen.map((a) => a.trigger)).toEqual(['frozen']);
  });
});

describe('readings from outside, on event time', () => {
  const rule: AlarmRule = { ...underpassRule, rate: undefined };
  const engineFor = (slots = 2) =>
    new AlarmEngine({ rules: [rule], count: () => slots, locate: (_kind, slot) => ({ id: `A${slot}`, lon: 121.4, lat: 31.2, district: 0 }), sampleIntervalS: 60 });

  it('raises and clears an alarm at the times the readings were measured, marked late when asked', () => {
    const engine = engineFor();
    const now = 120 * MIN;
    // An hour-old buffered upload: dry, flooded for ten minutes, dry again.
    const depths = [0, 0, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 0, 0, 0];
    const changes = depths.flatMap((d, m) => engine.observe('underpass.depth', 0, d, (60 + m) * MIN, now, true));
    const reading = changes.filter((a) => a.trigger !== 'frozen');
    // The 2-minute mean: 15 at minute 62, 30 from 63; back under 20 at 72 and under 3 at 73.
    expect(reading.map((a) => `${a.state}:${a.severity}@${(a.state === 'cleared' ? a.clearedAt! : a.updatedAt) / MIN}`)).toEqual([
      'active:warning@62',
      'active:critical@63',
      'active:warning@72',
      'cleared:warning@73',
    ]);
    expect(reading.every((a) => a.late === true)).toBe(true);
    expect(reading[0].raisedAt).toBe(62 * MIN);
    // The newest reading is still 46 minutes old at the city's clock: the no-data alarm, raised now, stays.
    expect(changes.filter((a) => a.trigger === 'frozen').map((a) => `${a.state}@${a.raisedAt / MIN}:${a.late ?? false}`)).toEqual(['active@120:false']);
  });

  it('keeps an older reading out of the alarms: it moves nothing once a newer one is in', () => {
    const engine = engineFor();
    engine.observe('underpass.depth', 0, 0, 10 * MIN, 10 * MIN);
    expect(engine.observe('underpass.depth', 0, 40, 9 * MIN, 10 * MIN)).toEqual([]);
    expect(engine.observe('underpass.depth', 0, 40, 10 * MIN, 10 * MIN)).toEqual([]);
    expect(engine.active()).toEqual([]);
  });

  it('leaves an observed slot out of the periodic samples but still checks it for silence', () => {
    const engine = engineFor();
    engine.observe('underpass.depth', 0, 30, 0, 0);
    engine.observe('underpass.depth', 0, 30, MIN, MIN);
    expect(engine.active().map((a) => a.slot)).toEqual([0]);
    // The periodic sample reads 0 for both slots: slot 0 is fed from outside, so its 0 is not a reading.
    for (let m = 2; m < 11; m++) expect(engine.evaluate(m * MIN, { 'underpass.depth': [0, 0] })).toEqual([]);
    const silent = engine.evaluate(11 * MIN, { 'underpass.depth': [0, 0] });
    expect(silent.map((a) => `${a.trigger}:${a.slot}:${a.value}`)).toEqual(['frozen:0:600']);
    // Data resumes: the no-data alarm clears at the city's clock, the flood alarm eases on the reading.
    const resumed = engine.observe('underpass.depth', 0, 0, 12 * MIN, 12 * MIN);
    expect(resumed.map((a) => `${a.trigger}:${a.state}`).sort()).toEqual(['frozen:cleared', 'threshold:cleared']);
  });

  it('does not end a silence with a buffered reading that is itself older than the no-data interval', () => {
    const engine = engineFor();
    engine.observe('underpass.depth', 0, 1, 0, 0);
    expect(engine.evaluate(10 * MIN, { 'underpass.depth': [0, 0] }).map((a) => a.trigger)).toEqual(['frozen']);
    // A reading from minute 1 arrives at minute 30: the feed is still 29 minutes behind.
    expect(engine.observe('underpass.depth', 0, 1, MIN, 30 * MIN, true)).toEqual([]);
    expect(engine.active().map((a) => a.trigger)).toEqual(['frozen']);
    const fresh = engine.observe('underpass.depth', 0, 1, 29 * MIN, 30 * MIN, true);
    expect(fresh.map((a) => `${a.trigger}:${a.state}:${a.late ?? false}`)).toEqual(['frozen:cleared:false']);
  });

  it('averages over the window in time when readings come faster than the sample interval', () => {
    const engine = engineFor();
    // Every 20 s. The ring keeps one window's worth of samples at the sample interval (3 for two
    // minutes), so at 100 s the mean is of the newest three (0, 12, 12), not of the whole window.
    const times = [0, 20, 40, 60, 80, 100].map((s) => s * 1000);
    const values = [0, 0, 0, 0, 12, 12];
    const changes = times.flatMap((t, i) => engine.observe('underpass.depth', 1, values[i], t, t));
    expect(changes.map((a) => `${a.severity}:${a.value}`)).toEqual(['warning:8']);
  });
});
