import { describe, expect, it } from 'vitest';
import { RecordingError } from '../../../../mock-server/replay/recordedReading';
import { readSenmlPack } from '../../../../mock-server/replay/senmlReader';

const NOW = Date.parse('2026-07-15T06:00:00Z');

describe('readSenmlPack', () => {
  it('resolves base name, time and unit (RFC 8428 §5.1.2 style), each full name a source id', () => {
    const pack = [
      { bn: 'urn:dev:ow:10e2073a01080063:', bt: 1.320067464e9, bu: 'cm', n: 'depth', v: 12.5 },
      { n: 'depth', t: 60, v: 14 },
      { n: 'level', u: 'm', t: 60, v: 2.3 },
    ];
    const series = readSenmlPack(pack, NOW);
    expect(series.readings).toEqual([
      { sourceId: 'urn:dev:ow:10e2073a01080063:depth', parameter: '', tMs: 1_320_067_464_000, v: 12.5, unit: 'cm' },
      { sourceId: 'urn:dev:ow:10e2073a01080063:depth', parameter: '', tMs: 1_320_067_524_000, v: 14, unit: 'cm' },
      { sourceId: 'urn:dev:ow:10e2073a01080063:level', parameter: '', tMs: 1_320_067_524_000, v: 2.3, unit: 'm' },
    ]);
    expect(series.notes).toEqual(['3 records, 3 numbers of 2 names']);
  });

  it('yields readings in time order, relative times counted from now', () => {
    const series = readSenmlPack([{ bn: 'gw/', n: 'a', t: -60, v: 1 }, { n: 'a', t: -120, v: 2 }], NOW);
    expect(series.readings.map((r) => [r.tMs, r.v])).toEqual([
      [NOW - 120_000, 2],
      [NOW - 60_000, 1],
    ]);
  });

  it('skips and counts records without a number, and records the parser refuses', () => {
    const series = readSenmlPack([{ n: 'pump', vs: 'running', t: 1.7e9 }, { n: 'door', vb: true, t: 1.7e9 }, { n: 'x', v: 'high', t: 1.7e9 }, { n: 'ok', v: 1, t: 1.7e9 }], NOW);
    expect(series.readings).toHaveLength(1);
    expect([...series.skipped]).toEqual([
      ['records without a number "v" (a string, boolean or data value, or a sum)', 2],
      ['records that cannot be read ("v" must be a finite number, not the string "high")', 1],
    ]);
  });

  it('reads a pack longer than one message may be, base fields carried across the parts', () => {
    const pack: unknown[] = [{ bn: 'underpass/UP-0001/', bt: 1.7e9, bu: 'mm', n: 'depth', v: 0 }];
    for (let i = 1; i < 25_000; i++) pack.push({ n: 'depth', t: i * 60, v: i });
    const series = readSenmlPack(pack, NOW);
    expect(series.readings).toHaveLength(25_000);
    expect(series.skipped.size).toBe(0);
    expect(series.readings[24_999]).toEqual({ sourceId: 'underpass/UP-0001/depth', parameter: '', tMs: (1.7e9 + 24_999 * 60) * 1000, v: 24_999, unit: 'mm' });
  });

  it('refuses what is not a pack, and says when a pack is empty', () => {
    expect(() => readSenmlPack({ bn: 'x' }, NOW)).toThrow(RecordingError);
    expect(readSenmlPack([], NOW).notes).toEqual(['the pack has no records']);
  });
});
