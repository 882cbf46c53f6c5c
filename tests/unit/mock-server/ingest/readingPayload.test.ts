import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../mock-server/domainError';
import { MAX_BATCH_ENTRIES, parsePlainReadings, parsePositions, parseReadingBatch, readingTime } from '../../../../mock-server/ingest/readingPayload';

const T = Date.parse('2026-07-15T14:00:00+08:00');

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('reading times', () => {
  it('reads ISO 8601 with a zone and epoch milliseconds', () => {
    expect(readingTime('2026-07-15T14:00:00+08:00')).toBe(T);
    expect(readingTime('2026-07-15T06:00:00.250Z')).toBe(T + 250);
    expect(readingTime(T)).toBe(T);
  });

  it('refuses a time without a zone, a date alone, and what is not a time', () => {
    expect(readingTime('2026-07-15T14:00:00')).toEqual({ error: expect.stringMatching(/ISO 8601 time with its zone .* not the string "2026-07-15T14:00:00"/) });
    expect(readingTime('2026-07-15')).toHaveProperty('error');
    expect(readingTime('yesterday')).toHaveProperty('error');
    expect(readingTime(true)).toEqual({ error: expect.stringMatching(/not a boolean$/) });
    expect(readingTime(Number.POSITIVE_INFINITY)).toEqual({ error: '"t" must be a finite number of epoch milliseconds, not Infinity' });
    expect(readingTime(undefined)).toEqual({ error: '"t" (when it was measured) is required' });
  });
});

describe('plain MQTT payloads', () => {
  it('reads one {t, v} or an array of them for the topic’s asset, with the topic’s measure if it names one', () => {
    expect(parsePlainReadings({ t: T, v: 2.5 }, 'waterGauge', 'WL-1')).toEqual([{ kind: 'waterGauge', assetId: 'WL-1', tMs: T, v: 2.5 }]);
    expect(parsePlainReadings([{ t: T, v: 1 }, { t: '2026-07-15T14:01:00+08:00', v: 2 }], 'pumpStation', 'PS-1', 'flow')).toEqual([
      { kind: 'pumpStation', assetId: 'PS-1', measure: 'flow', tMs: T, v: 1 },
      { kind: 'pumpStation', assetId: 'PS-1', measure: 'flow', tMs: T + 60_000, v: 2 },
    ]);
  });

  it('refuses each bad entry at its index and keeps the rest', () => {
    const parsed = parsePlainReadings([{ t: T, v: '2.5' }, { t: T }, { v: 1 }, 7, JSON.parse(`{"t": ${T}, "v": 1e999}`), { t: T, v: 3 }], 'waterGauge', 'WL-1');
    expect(parsed).toEqual([
      { error: '"v" must be a finite number, not the string "2.5"' },
      { error: '"v" (the value) is required' },
      { error: '"t" (when it was measured) is required' },
      { error: 'a reading is a JSON object {"t", "v"}, not the number 7' },
      { error: '"v" must be a finite number, not Infinity' },
      { kind: 'waterGauge', assetId: 'WL-1', tMs: T, v: 3 },
    ]);
  });

  it('refuses a payload that is neither, and a giant array, as a whole', () => {
    expect(refusal(() => parsePlainReadings('3.2', 'waterGauge', 'WL-1')).message).toMatch(/send \{"t", "v"\} or an array of them, not the string "3.2"/);
    const giant = Array.from({ length: MAX_BATCH_ENTRIES + 1 }, () => ({ t: T, v: 1 }));
    expect(refusal(() => parsePlainReadings(giant, 'waterGauge', 'WL-1')).httpStatus).toBe(413);
  });
});

describe('the HTTP batch', () => {
  it('reads each entry with its kind, id and optional measure', () => {
    expect(parseReadingBatch({ readings: [{ kind: 'underpass', id: 'UP-1', t: '2026-07-15T14:00:00+08:00', v: 12 }, { kind: 'pumpStation', id: 'PS-1', measure: 'state', t: T, v: 2 }] })).toEqual([
      { kind: 'underpass', assetId: 'UP-1', tMs: T, v: 12 },
      { kind: 'pumpStation', assetId: 'PS-1', measure: 'state', tMs: T, v: 2 },
    ]);
  });

  it('refuses entries without a kind or id, or with a bad measure, at their index', () => {
    expect(parseReadingBatch({ readings: [{ id: 'UP-1', t: T, v: 1 }, { kind: 'underpass', t: T, v: 1 }, { kind: 'underpass', id: 3, t: T, v: 1 }, { kind: 'underpass', id: 'UP-1', measure: '', t: T, v: 1 }, null] })).toEqual([
      { error: '"kind" is required' },
      { error: '"id" (the asset\'s id) is required' },
      { error: '"id" must be a non-empty string, not the number 3' },
      { error: '"measure" must be a non-empty string, not the string ""' },
      { error: 'a reading is a JSON object {"kind", "id", "t", "v"}, not null' },
    ]);
  });

  it('refuses a body without a readings array, and one over the per-message limit', () => {
    expect(refusal(() => parseReadingBatch({ readings: { kind: 'underpass' } })).message).toMatch(/"readings" must be an array, not an object/);
    expect(refusal(() => parseReadingBatch([])).code).toBe('BAD_REQUEST');
    const giant = { readings: Array.from({ length: MAX_BATCH_ENTRIES + 1 }, () => ({})) };
    const err = refusal(() => parseReadingBatch(giant));
    expect(err.httpStatus).toBe(413);
    expect(err.message).toBe(`a message holds at most ${MAX_BATCH_ENTRIES} readings; this one has ${MAX_BATCH_ENTRIES + 1}: split it`);
  });
});

describe('positions', () => {
  it('reads {t, lon, lat} or an array of them, and refuses each bad entry at its index', () => {
    expect(parsePositions({ t: T, lon: 121.47, lat: 31.23 }, 'muckTruck', 'MT-1')).toEqual([{ kind: 'muckTruck', assetId: 'MT-1', tMs: T, lon: 121.47, lat: 31.23 }]);
    expect(parsePositions([{ t: T, lon: 181, lat: 31 }, { t: T, lon: 121, lat: '31' }, { t: T, lon: 121 }, { t: T, lon: 121.5, lat: -31.25 }], 'muckTruck', 'MT-1')).toEqual([
      { error: '"lon" must be degrees between -180 and 180, not 181' },
      { error: '"lat" must be a finite number, not the string "31"' },
      { error: '"lat" (the value) is required' },
      { kind: 'muckTruck', assetId: 'MT-1', tMs: T, lon: 121.5, lat: -31.25 },
    ]);
    expect(refusal(() => parsePositions(null, 'muckTruck', 'MT-1')).message).toMatch(/send \{"t", "lon", "lat"\}/);
  });
});
