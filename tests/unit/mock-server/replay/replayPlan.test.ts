import { describe, expect, it } from 'vitest';
import type { RecordedReading, RecordedSeries } from '../../../../mock-server/replay/recordedReading';
import { parseReplayMap, ReplayMapError } from '../../../../mock-server/replay/replayMap';
import { batchEnd, planReplay, wireReading, type OutgoingReading } from '../../../../mock-server/replay/replayPlan';

const MIN = 60_000;
const T0 = Date.parse('2023-09-29T12:00:00Z');
const NOW = Date.parse('2026-07-15T06:00:00Z');
const map = parseReplayMap('source_id,parameter,kind,asset_id,measure\nBK-1,depth,underpass,UP-0001,\n01491000,00065,waterGauge,WL-0001,\n');

const depth = (minutes: number, inches: number, sourceId = 'BK-1'): RecordedReading => ({ sourceId, parameter: 'depth', tMs: T0 + minutes * MIN, v: inches, unit: 'in' });
const seriesOf = (readings: RecordedReading[]): RecordedSeries => ({ readings, skipped: new Map(), notes: [] });
/** An hour of FloodNet-like depths, one a minute. */
const hour = seriesOf(Array.from({ length: 61 }, (_, m) => depth(m, m / 10)));

describe('planReplay', () => {
  it('maps each reading to its asset and converts it to the measure’s unit (inches to cm, feet to m)', () => {
    const plan = planReplay(seriesOf([depth(0, 10), { sourceId: '01491000', parameter: '00065', tMs: T0 + MIN, v: 6.48, unit: 'ft' }]), map, { speed: 1, startMs: NOW });
    expect(plan.readings.map((r) => [r.kind, r.assetId, r.measure, r.v])).toEqual([
      ['underpass', 'UP-0001', 'depth', 25.4],
      ['waterGauge', 'WL-0001', 'level', 1.975],
    ]);
  });

  it('at speed 1 lands the first reading at now and plays the series live', () => {
    const plan = planReplay(hour, map, { speed: 1, startMs: NOW });
    expect(plan.readings[0]).toMatchObject({ tMs: NOW, dueMs: 0, recordedMs: T0 });
    expect(plan.readings[60]).toMatchObject({ tMs: NOW + 60 * MIN, dueMs: 60 * MIN });
  });

  it('faster, keeps the recorded spacing and never sends a reading ahead of its time: the last lands at now when sent', () => {
    const plan = planReplay(hour, map, { speed: 100, startMs: NOW });
    const last = plan.readings[60];
    expect(last.dueMs).toBeCloseTo(36_000, 6);
    expect(last.tMs).toBe(NOW + last.dueMs);
    expect(plan.readings[1].tMs - plan.readings[0].tMs).toBe(MIN);
    expect(plan.readings.filter((r) => r.tMs > NOW + r.dueMs)).toEqual([]);
  });

  it('at speed 0 makes everything due at once, the series ending at now', () => {
    const plan = planReplay(hour, map, { speed: 0, startMs: NOW });
    expect(new Set(plan.readings.map((r) => r.dueMs))).toEqual(new Set([0]));
    expect(plan.readings[60].tMs).toBe(NOW);
    expect(plan.readings[0].tMs).toBe(NOW - 60 * MIN);
  });

  it('counts readings of unmapped series by source and parameter, and readings outside --from/--until', () => {
    const plan = planReplay(seriesOf([depth(0, 1), depth(1, 1, 'Q-9'), depth(2, 1, 'Q-9'), depth(90, 1)]), map, { speed: 1, startMs: NOW, untilMs: T0 + 60 * MIN });
    expect(plan.readings).toHaveLength(1);
    expect([...plan.unmapped]).toEqual([['Q-9 depth', 2]]);
    expect(plan.outsideWindow).toBe(1);
  });

  it('refuses a mapped series whose unit cannot become the measure’s, naming the map line', () => {
    const discharge: RecordedReading = { sourceId: '01491000', parameter: '00065', tMs: T0, v: 974, unit: 'ft3/s' };
    expect(() => planReplay(seriesOf([discharge]), map, { speed: 1, startMs: NOW })).toThrow(ReplayMapError);
    expect(() => planReplay(seriesOf([discharge]), map, { speed: 1, startMs: NOW })).toThrow(/line 3: 01491000 00065 is recorded in "ft3\/s" and waterGauge level is reported in "m"/);
  });

  it('has nothing to send when the map names no series of the recording', () => {
    expect(planReplay(seriesOf([depth(0, 1, 'Q-9')]), map, { speed: 1, startMs: NOW }).readings).toEqual([]);
  });
});

describe('wireReading', () => {
  it('is the HTTP batch entry, its time in ISO 8601', () => {
    const r: OutgoingReading = { kind: 'underpass', assetId: 'UP-0001', measure: 'depth', tMs: NOW, v: 3.5, dueMs: 0, recordedMs: T0 };
    expect(wireReading(r)).toEqual({ kind: 'underpass', id: 'UP-0001', measure: 'depth', t: '2026-07-15T06:00:00.000Z', v: 3.5 });
  });
});

describe('batchEnd', () => {
  const plan = planReplay(hour, map, { speed: 1, startMs: NOW });
  /** The body's bytes with the first n readings: `{"readings":[…]}`, a comma after each (one too many, erring small). */
  const bodyBytes = (n: number) => '{"readings":[]}'.length + plan.readings.slice(0, n).reduce((s, r) => s + JSON.stringify(wireReading(r)).length + 1, 0);

  it('takes the readings due by the elapsed time', () => {
    expect(batchEnd(plan.readings, 0, 2.5 * MIN, { maxEntries: 100, maxBytes: 1e6 })).toBe(3);
    expect(batchEnd(plan.readings, 3, 2.5 * MIN, { maxEntries: 100, maxBytes: 1e6 })).toBe(4);
  });

  it('holds a batch to the entry and byte limits, and always takes one', () => {
    expect(batchEnd(plan.readings, 0, Infinity, { maxEntries: 10, maxBytes: 1e6 })).toBe(10);
    expect(batchEnd(plan.readings, 0, Infinity, { maxEntries: 100, maxBytes: bodyBytes(5) })).toBe(5);
    expect(batchEnd(plan.readings, 0, Infinity, { maxEntries: 100, maxBytes: bodyBytes(5) - 1 })).toBe(4);
    expect(batchEnd(plan.readings, 0, Infinity, { maxEntries: 100, maxBytes: 1 })).toBe(1);
    expect(batchEnd(plan.readings, 60, Infinity, { maxEntries: 100, maxBytes: 1e6 })).toBe(61);
  });
});
