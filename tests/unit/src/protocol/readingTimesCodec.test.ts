import { describe, expect, it } from 'vitest';
import { ChannelCodecError } from '@/protocol/channelCodec';
import { applyReadingTimes, encodeChannelTimes, packReadingTimes } from '@/protocol/readingTimesCodec';

const T = Date.UTC(2026, 6, 15, 6, 0, 0);
const at = (times: Record<number, number>) => (slot: number) => times[slot];
const arrays = (n: number) => ({ water: new Float64Array(n).fill(NaN), rain: new Float64Array(n).fill(NaN) });

describe('reading times codec', () => {
  it('carries each slot its event time to the second, before the frame or (a little) after it', () => {
    const times = { 0: T - 3 * 60_000, 7: T - 1_400, 300: T + 120_000, 301: T - 40 * 86_400_000 };
    const chunk = packReadingTimes({ water: encodeChannelTimes([0, 7, 300, 301], at(times), T) })!;
    const into = arrays(400);
    expect(applyReadingTimes(chunk, T, into)).toEqual(['water']);
    expect(into.water[0]).toBe(T - 180_000);
    expect(into.water[7]).toBe(T - 1_000); // rounded to whole seconds
    expect(into.water[300]).toBe(T + 120_000);
    expect(into.water[301]).toBe(T - 40 * 86_400_000); // years would fit too: ages are not 32-bit
    expect(Number.isNaN(into.water[1])).toBe(true); // not listed: left as it was
    expect(Number.isNaN(into.rain[0])).toBe(true);
  });

  it('is small: a minute-old reading at each of 1,000 gauges is about 3 bytes a gauge', () => {
    const slots = Array.from({ length: 1000 }, (_, i) => i);
    const chunk = packReadingTimes({ water: encodeChannelTimes(slots, () => T - 60_000, T) })!;
    expect(chunk.byteLength).toBeLessThan(3 * 1000 + 8);
  });

  it('hands a client only the channels it asked for, and nothing when none is fed', () => {
    const entries = { water: encodeChannelTimes([1], () => T - 5000, T), rain: encodeChannelTimes([2], () => T - 9000, T) };
    const into = arrays(3);
    expect(applyReadingTimes(packReadingTimes(entries, new Set(['rain']))!, T, into)).toEqual(['rain']);
    expect(into.rain[2]).toBe(T - 9000);
    expect(Number.isNaN(into.water[1])).toBe(true);
    expect(packReadingTimes({})).toBeUndefined();
    expect(packReadingTimes(entries, new Set(['pump.state']))).toBeUndefined();
  });

  it('skips channels the client holds no array for, and reads a Node Buffer at any offset', () => {
    const packed = new Uint8Array(packReadingTimes({ rain: encodeChannelTimes([0], () => T, T), water: encodeChannelTimes([2], () => T - 2000, T) })!);
    const unaligned = Buffer.concat([Buffer.from([9]), packed]).subarray(1);
    const water = new Float64Array(3).fill(NaN);
    expect(applyReadingTimes(unaligned, T, { water })).toEqual(['water']);
    expect(water[2]).toBe(T - 2000);
  });

  it('refuses slots out of order, a slot past the channel and a truncated buffer', () => {
    expect(() => encodeChannelTimes([3, 3], () => T, T)).toThrow(ChannelCodecError);
    const chunk = new Uint8Array(packReadingTimes({ water: encodeChannelTimes([5], () => T, T) })!);
    expect(() => applyReadingTimes(chunk, T, { water: new Float64Array(5) })).toThrow(/slot 5 outside water/);
    expect(() => applyReadingTimes(chunk.slice(0, chunk.length - 1), T, arrays(9))).toThrow(ChannelCodecError);
    expect(() => applyReadingTimes(Uint8Array.from([200, 1, 0]), T, arrays(9))).toThrow(/unknown channel index/);
  });
});
