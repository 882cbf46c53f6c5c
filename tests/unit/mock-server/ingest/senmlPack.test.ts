import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../mock-server/domainError';
import { MAX_BATCH_ENTRIES } from '../../../../mock-server/ingest/readingPayload';
import { parseSenmlPack, resolveSenmlPack, type ResolvedRecord } from '../../../../mock-server/ingest/senmlPack';

const NOW_S = 1_784_095_200; // 2026-07-15T06:00:00Z
const NOW_MS = NOW_S * 1000;

/** Compares resolved records, times to the microsecond (the RFC prints them as decimal seconds). */
function expectResolved(actual: ReturnType<typeof resolveSenmlPack>, expected: ResolvedRecord[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((record, i) => {
    expect('error' in record ? record.error : undefined).toBeUndefined();
    const { t, ...rest } = record as ResolvedRecord;
    const { t: expectedT, ...expectedRest } = expected[i];
    expect(rest).toEqual(expectedRest);
    expect(t).toBeCloseTo(expectedT, 6);
  });
}

describe('RFC 8428 examples resolve to the RFC’s resolved forms', () => {
  it('single datapoint: no time means now', () => {
    const pack = [{ n: 'urn:dev:ow:10e2073a01080063', u: 'Cel', v: 23.1 }];
    expectResolved(resolveSenmlPack(pack, NOW_S), [{ n: 'urn:dev:ow:10e2073a01080063', u: 'Cel', v: 23.1, t: NOW_S }]);
  });

  it('multiple datapoints: the base name prefixes every name', () => {
    const pack = [
      { bn: 'urn:dev:ow:10e2073a01080063:', n: 'voltage', u: 'V', v: 120.1 },
      { n: 'current', u: 'A', v: 1.2 },
    ];
    expectResolved(resolveSenmlPack(pack, NOW_S), [
      { n: 'urn:dev:ow:10e2073a01080063:voltage', u: 'V', v: 120.1, t: NOW_S },
      { n: 'urn:dev:ow:10e2073a01080063:current', u: 'A', v: 1.2, t: NOW_S },
    ]);
  });

  it('multiple measurements: base time plus each record’s time, base unit where a record has none', () => {
    const pack = [
      { bn: 'urn:dev:ow:10e2073a0108006:', bt: 1.276020076001e9, bu: 'A', bver: 5, n: 'voltage', u: 'V', v: 120.1 },
      { n: 'current', t: -5, v: 1.2 },
      { n: 'current', t: -4, v: 1.3 },
      { n: 'current', t: -3, v: 1.4 },
      { n: 'current', t: -2, v: 1.5 },
      { n: 'current', t: -1, v: 1.6 },
      { n: 'current', v: 1.7 },
    ];
    const current = (t: number, v: number) => ({ n: 'urn:dev:ow:10e2073a0108006:current', u: 'A', v, t });
    expectResolved(resolveSenmlPack(pack, NOW_S), [
      { n: 'urn:dev:ow:10e2073a0108006:voltage', u: 'V', v: 120.1, t: 1.276020076001e9 },
      current(1.276020071001e9, 1.2),
      current(1.276020072001e9, 1.3),
      current(1.276020073001e9, 1.4),
      current(1.276020074001e9, 1.5),
      current(1.276020075001e9, 1.6),
      current(1.276020076001e9, 1.7),
    ]);
  });

  it('a series under one base name: base unit and base time carried forward, a record’s own unit for itself only', () => {
    const pack = [
      { bn: 'urn:dev:ow:10e2073a01080063', bt: 1.320067464e9, bu: '%RH', v: 20 },
      { u: 'lon', v: 24.30621 },
      { u: 'lat', v: 60.07965 },
      { t: 60, v: 20.3 },
      { u: 'lon', t: 60, v: 24.30622 },
      { u: 'lat', t: 60, v: 60.07965 },
      { t: 120, v: 20.7 },
    ];
    const n = 'urn:dev:ow:10e2073a01080063';
    expectResolved(resolveSenmlPack(pack, NOW_S), [
      { n, u: '%RH', t: 1.320067464e9, v: 20 },
      { n, u: 'lon', t: 1.320067464e9, v: 24.30621 },
      { n, u: 'lat', t: 1.320067464e9, v: 60.07965 },
      { n, u: '%RH', t: 1.320067524e9, v: 20.3 },
      { n, u: 'lon', t: 1.320067524e9, v: 24.30622 },
      { n, u: 'lat', t: 1.320067524e9, v: 60.07965 },
      { n, u: '%RH', t: 1.320067584e9, v: 20.7 },
    ]);
  });

  it('multiple data types: string, boolean and data values resolve; as readings, boolean and data are refused', () => {
    const pack = [
      { bn: 'urn:dev:ow:10e2073a01080063:', n: 'temp', u: 'Cel', v: 23.1 },
      { n: 'label', vs: 'Machine Room' },
      { n: 'open', vb: false },
      { n: 'nfc-reader', vd: 'aGkgCg' },
    ];
    const base = 'urn:dev:ow:10e2073a01080063:';
    expectResolved(resolveSenmlPack(pack, NOW_S), [
      { n: `${base}temp`, u: 'Cel', v: 23.1, t: NOW_S },
      { n: `${base}label`, vs: 'Machine Room', t: NOW_S },
      { n: `${base}open`, vb: false, t: NOW_S },
      { n: `${base}nfc-reader`, vd: 'aGkgCg', t: NOW_S },
    ]);
    const readings = parseSenmlPack(pack, NOW_MS);
    expect(readings[2]).toEqual({ error: expect.stringMatching(/boolean values \("vb"\) are not read/) });
    expect(readings[3]).toEqual({ error: expect.stringMatching(/data values \("vd"\) are not read/) });
  });

  it('base value and base sum add to each record’s value and sum', () => {
    expectResolved(resolveSenmlPack([{ bn: 'a', bv: 100, bs: 10, v: 1.5, s: 2 }, { v: -1 }], NOW_S), [
      { n: 'a', v: 101.5, s: 12, t: NOW_S },
      { n: 'a', v: 99, t: NOW_S },
    ]);
  });

  it('relative times: under 2^28 seconds counts from now, at or above it is absolute', () => {
    const [past, abs] = resolveSenmlPack([{ n: 'a', t: -90, v: 1 }, { n: 'a', t: 2 ** 28, v: 1 }], NOW_S) as ResolvedRecord[];
    expect(past.t).toBe(NOW_S - 90);
    expect(abs.t).toBe(2 ** 28);
  });
});

describe('SenML to readings', () => {
  it('reads <kind>/<assetId>/<measure> names, converts units to the measure’s own, and takes <kind>/<assetId> as the first measure', () => {
    const pack = [
      { bn: 'waterGauge/WL-0001/', bt: NOW_S - 60, n: 'level', u: 'm', v: 2.5 },
      { n: 'level', t: 30, u: 'cm', v: 251 },
      { bn: 'underpass/UP-7', n: '', u: 'mm', v: 120, t: 0 },
      { bn: '', n: 'weatherStation/WS-1/wind', u: 'km/h', v: 36 },
      { n: 'roadSegment/RS-1/speed', u: 'm/s', v: 10 },
    ];
    const readings = parseSenmlPack(pack, NOW_MS);
    expect(readings[0]).toEqual({ kind: 'waterGauge', assetId: 'WL-0001', measure: 'level', tMs: NOW_MS - 60_000, v: 2.5 });
    expect(readings[1]).toEqual({ kind: 'waterGauge', assetId: 'WL-0001', measure: 'level', tMs: NOW_MS - 30_000, v: 2.51 });
    expect(readings[2]).toMatchObject({ kind: 'underpass', assetId: 'UP-7', tMs: NOW_MS - 60_000 });
    expect(readings[2]).not.toHaveProperty('measure');
    expect((readings[2] as { v: number }).v).toBeCloseTo(12);
    expect((readings[3] as { v: number }).v).toBeCloseTo(10);
    expect((readings[4] as { v: number }).v).toBeCloseTo(36);
  });

  it('takes a state by name in "vs" or by code in "v"', () => {
    const readings = parseSenmlPack(
      [
        { bn: 'pumpStation/PS-01/', n: 'state', vs: 'fault' },
        { n: 'state', v: 1 },
        { bn: 'elevator/EL-9/', n: 'state', vs: 'trapped', u: '' },
        { n: 'state', vs: 'exploded' },
        { bn: 'waterGauge/WL-1/', n: 'level', vs: 'high' },
      ],
      NOW_MS,
    );
    expect(readings.slice(0, 3)).toEqual([
      { kind: 'pumpStation', assetId: 'PS-01', measure: 'state', tMs: NOW_MS, v: 2 },
      { kind: 'pumpStation', assetId: 'PS-01', measure: 'state', tMs: NOW_MS, v: 1 },
      { kind: 'elevator', assetId: 'EL-9', measure: 'state', tMs: NOW_MS, v: 4 },
    ]);
    expect(readings[3]).toEqual({ error: '"exploded" is not a elevator state: one of idle, running, maintenance, fault, trapped, offline' });
    expect(readings[4]).toEqual({ error: 'waterGauge level is a number: send it in "v", not "vs"' });
  });

  it('refuses, per record with its reason, what it cannot read, and keeps the rest', () => {
    const readings = parseSenmlPack(
      [
        { n: 'waterGauge/WL-1/level', u: 'ft', v: 3 },
        { n: 'waterGauge/WL-1/level', v: '3.2' },
        { n: 'waterGauge/WL-1/level', v: Number.NaN },
        { n: 'waterGauge/WL-1/level', v: Number.POSITIVE_INFINITY },
        { n: 'waterGauge/WL-1/level', t: '2026-07-15', v: 1 },
        { n: 'waterGauge/WL-1/level', s: 40 },
        { n: 'waterGauge/WL-1/level', v: 1, vs: 'x' },
        { n: 'waterGauge/WL-1' },
        { n: 'WL-1', v: 1 },
        { n: 'bad name!', v: 1 },
        { v: 1 },
        'level=3',
        null,
        { n: 'waterGauge/WL-1/level', v: 1, crit_: true },
        { n: 'waterGauge/WL-1/level', v: 2.75 },
      ],
      NOW_MS,
    );
    const reasons = readings.map((r) => ('error' in r ? r.error : 'ok'));
    expect(reasons[0]).toBe('waterGauge level is not read in "ft": "m" or "cm"');
    expect(reasons[1]).toBe('"v" must be a finite number, not the string "3.2"');
    expect(reasons[2]).toBe('"v" must be a finite number, not NaN');
    expect(reasons[3]).toBe('"v" must be a finite number, not Infinity');
    expect(reasons[4]).toBe('"t" must be a finite number, not the string "2026-07-15"');
    expect(reasons[5]).toMatch(/sums \("s"\) are not read/);
    expect(reasons[6]).toMatch(/one value: "v" or "vs", not both/);
    expect(reasons[7]).toMatch(/has no value/);
    expect(reasons[8]).toMatch(/is not <kind>\/<assetId>\/<measure>/);
    expect(reasons[9]).toMatch(/is not a SenML name/);
    expect(reasons[10]).toMatch(/has no name/);
    expect(reasons[11]).toBe('a SenML record is a JSON object, not the string "level=3"');
    expect(reasons[12]).toBe('a SenML record is a JSON object, not null');
    expect(reasons[13]).toMatch(/"crit_" must be understood/);
    expect(readings[14]).toEqual({ kind: 'waterGauge', assetId: 'WL-1', measure: 'level', tMs: NOW_MS, v: 2.75 });
  });

  it('leaves unknown kinds and measures to the gate, named as sent', () => {
    expect(parseSenmlPack([{ n: 'volcano/V-1/lava', v: 1 }, { n: 'waterGauge/WL-1/flow', v: 1 }], NOW_MS)).toEqual([
      { kind: 'volcano', assetId: 'V-1', measure: 'lava', tMs: NOW_MS, v: 1 },
      { kind: 'waterGauge', assetId: 'WL-1', measure: 'flow', tMs: NOW_MS, v: 1 },
    ]);
  });

  it('refuses every record after one whose base fields cannot be read, rather than misname them', () => {
    const readings = parseSenmlPack([{ bn: 'waterGauge/WL-1/', n: 'level', v: 1 }, { bn: 7, n: 'level', v: 2 }, { n: 'level', v: 3 }], NOW_MS);
    expect(readings[0]).toMatchObject({ assetId: 'WL-1', v: 1 });
    expect(readings[1]).toEqual({ error: '"bn" must be a string, not the number 7' });
    expect(readings[2]).toEqual({ error: "record 1's base fields cannot be read, so this record's name and time are unknown" });
  });

  it('refuses a pack of a later SenML version from that record on', () => {
    const readings = parseSenmlPack([{ n: 'waterGauge/WL-1/level', v: 1, bver: 10 }, { bver: 11, n: 'waterGauge/WL-1/level', v: 2 }, { n: 'waterGauge/WL-1/level', v: 3 }], NOW_MS);
    expect(readings[0]).toMatchObject({ v: 1 });
    expect(readings[1]).toEqual({ error: 'the pack is SenML version 11 (record 1); version 10 is read' });
    expect(readings[2]).toEqual(readings[1]);
  });

  it('refuses what is not a pack, and a pack over the per-message limit, as a whole', () => {
    expect(() => parseSenmlPack({ n: 'a', v: 1 }, NOW_MS)).toThrow(/a SenML pack is a JSON array of records, not an object/);
    const giant = Array.from({ length: MAX_BATCH_ENTRIES + 1 }, () => ({ n: 'waterGauge/WL-1/level', v: 1 }));
    let thrown: unknown;
    try {
      parseSenmlPack(giant, NOW_MS);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).httpStatus).toBe(413);
    expect(parseSenmlPack(giant.slice(1), NOW_MS)).toHaveLength(MAX_BATCH_ENTRIES);
  });
});
