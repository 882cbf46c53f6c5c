import { describe, expect, it } from 'vitest';
import { applyChannel, ChannelCodecError, decodeChannel, encodeDelta, encodeFull, quantise } from '@/protocol/channelCodec';
import { packChannels, unpackChannels } from '@/protocol/channelFrame';

describe('channel codec', () => {
  it('round-trips a full Float32 frame', () => {
    const values = Float32Array.from([0, 1.5, 42.25, -3, NaN]);
    const target = new Float32Array(5);
    expect(applyChannel(target, encodeFull(values))).toBe(5);
    expect(Array.from(target.slice(0, 4))).toEqual([0, 1.5, 42.25, -3]);
    expect(Number.isNaN(target[4])).toBe(true);
  });

  it('round-trips a full Uint8 frame, padded to 4 bytes', () => {
    const values = Uint8Array.from([0, 1, 2, 3, 255]);
    const buffer = encodeFull(values);
    expect(buffer.byteLength % 4).toBe(0);
    const target = new Uint8Array(5);
    applyChannel(target, buffer);
    expect(Array.from(target)).toEqual([0, 1, 2, 3, 255]);
  });

  it('sends only the changed slots in a sparse delta', () => {
    const prev = new Float32Array(1000);
    const next = prev.slice();
    next[3] = 7.5;
    next[999] = 0.1;
    const buffer = encodeDelta(prev, next)!;
    const frame = decodeChannel(buffer);
    expect(frame.mode).toBe('sparse');
    expect(Array.from(frame.slots!)).toEqual([3, 999]);
    // 16-byte header, two f32 values, then the slots as varint gaps: 3 (1 byte) and 995 (2 bytes), padded.
    expect(buffer.byteLength).toBe(16 + 2 * 4 + 4);
    const client = prev.slice();
    expect(applyChannel(client, buffer)).toBe(2);
    expect(client).toEqual(next);
  });

  it('returns null when nothing changed, NaN included', () => {
    const a = Float32Array.from([1, NaN, 3]);
    expect(encodeDelta(a, a.slice())).toBeNull();
  });

  it('falls back to a full frame when most slots changed', () => {
    const prev = new Float32Array(10);
    const next = Float32Array.from({ length: 10 }, (_, i) => i + 1);
    expect(decodeChannel(encodeDelta(prev, next)!).mode).toBe('full');
  });

  it('applies partial deltas in sequence to reach the latest state', () => {
    const states = [new Float32Array(50)];
    for (let k = 1; k <= 20; k++) {
      const s = states[k - 1].slice();
      s[(k * 7) % 50] = k;
      s[(k * 13) % 50] = k / 2;
      states.push(s);
    }
    const client = states[0].slice();
    for (let k = 1; k < states.length; k++) applyChannel(client, encodeDelta(states[k - 1], states[k])!);
    expect(client).toEqual(states[states.length - 1]);
  });

  it('decodes a Node Buffer at an unaligned offset', () => {
    const encoded = new Uint8Array(encodeFull(Float32Array.from([1.25, 2.5])));
    const backing = Buffer.alloc(encoded.length + 3);
    backing.set(encoded, 3);
    const unaligned = backing.subarray(3);
    const target = new Float32Array(2);
    applyChannel(target, unaligned);
    expect(Array.from(target)).toEqual([1.25, 2.5]);
  });

  it('refuses frames that do not fit and writes nothing', () => {
    const target = Float32Array.from([9, 9, 9]);
    expect(() => applyChannel(target, encodeFull(new Float32Array(4)))).toThrow(ChannelCodecError);
    const bigSlot = encodeDelta(new Float32Array(100), Object.assign(new Float32Array(100), { 99: 1 }))!;
    expect(() => applyChannel(target, bigSlot)).toThrow(/out of range/);
    expect(Array.from(target)).toEqual([9, 9, 9]);
  });

  it('rejects truncated, foreign and mistyped frames clearly', () => {
    expect(() => decodeChannel(new ArrayBuffer(3))).toThrow(/shorter than its header/);
    const bad = new Uint8Array(encodeFull(new Float32Array(2)));
    bad[0] = 9;
    expect(() => decodeChannel(bad)).toThrow(/version 9/);
    const truncated = encodeFull(new Float32Array(4)).slice(0, 20);
    expect(() => decodeChannel(truncated)).toThrow(/length mismatch/);
    expect(() => applyChannel(new Uint8Array(2), encodeFull(new Float32Array(2)))).toThrow(/dtype/);
  });

  it('refuses a sparse frame whose slot list is cut short or runs past its length', () => {
    const prev = new Float32Array(100_000);
    const next = prev.slice();
    next[5] = 1;
    next[90_000] = 2;
    const good = new Uint8Array(encodeDelta(prev, next)!);
    const cut = good.slice(0, good.length - 4);
    expect(() => applyChannel(prev.slice(), cut)).toThrow(/truncated|length mismatch/);
    const overlong = new Uint8Array(good.length + 4);
    overlong.set(good);
    expect(() => applyChannel(prev.slice(), overlong)).toThrow(/length mismatch/);
  });

  it('refuses a delta between channels of different shapes', () => {
    expect(() => encodeDelta(new Float32Array(3), new Float32Array(4))).toThrow(/shape changed/);
  });
});

describe('narrow wire formats', () => {
  it('carries scaled u16 values (road speeds at 0.1 km/h) exactly as the sender quantised them, NaN included', () => {
    const format = { type: 'u16', scale: 0.1 } as const;
    const speeds = Float32Array.from([0, 35.26, 80.04, 129.99, NaN, 7000]);
    quantise(speeds, format);
    expect(Array.from(speeds.slice(0, 4)).map((v) => Math.round(v * 10) / 10)).toEqual([0, 35.3, 80, 130]);
    // Out of range clamps to the largest code below the NaN marker.
    expect(speeds[5]).toBeCloseTo(6553.4, 1);
    const buffer = encodeFull(speeds, format);
    expect(buffer.byteLength).toBe(16 + 12);
    const target = new Float32Array(6);
    applyChannel(target, buffer);
    expect(Number.isNaN(target[4])).toBe(true);
    expect(Array.from(target)).toEqual(Array.from(speeds));
  });

  it('carries scaled u8 values (a 0–10 index at 0.1) in a byte each', () => {
    const format = { type: 'u8', scale: 0.1 } as const;
    const index = Float32Array.from([0, 2.5, 6.1, 10, NaN]);
    quantise(index, format);
    const target = new Float32Array(5);
    applyChannel(target, encodeFull(index, format));
    expect(Array.from(target)).toEqual(Array.from(index));
    expect(encodeFull(index, format).byteLength).toBe(16 + 8);
  });

  it('packs small states two to a byte (u4), in full frames and sparse deltas', () => {
    const format = { type: 'u4' } as const;
    const states = Uint8Array.from({ length: 11 }, (_, i) => i % 6);
    const full = encodeFull(states, format);
    expect(full.byteLength).toBe(16 + 8);
    const target = new Uint8Array(11);
    applyChannel(target, full);
    expect(target).toEqual(states);
    const prev = new Uint8Array(1000);
    const next = prev.slice();
    next[1] = 5;
    next[2] = 3;
    next[999] = 4;
    const frame = decodeChannel(encodeDelta(prev, next, format)!);
    expect(frame.mode).toBe('sparse');
    expect(Array.from(frame.slots!)).toEqual([1, 2, 999]);
    expect(Array.from(frame.values)).toEqual([5, 3, 4]);
    const client = prev.slice();
    applyChannel(client, encodeDelta(prev, next, format)!);
    expect(client).toEqual(next);
    expect(() => encodeFull(Uint8Array.from([16]), format)).toThrow(/does not fit/);
  });

  it('refuses formats that do not fit the array', () => {
    expect(() => encodeFull(new Float32Array(2), { type: 'u4' })).toThrow(/does not fit/);
    expect(() => encodeFull(new Float32Array(2), { type: 'u16' })).toThrow(/does not fit/);
    expect(() => encodeFull(new Uint8Array(2), { type: 'u16', scale: 1 })).toThrow(/does not fit/);
  });

  it('reaches the latest state through partial deltas of every size of slot gap', () => {
    // Gaps of 0, 127/128 (one/two varint bytes) and 16383/16384 (two/three bytes) and a last slot far out.
    const n = 300_000;
    const format = { type: 'u4' } as const;
    let prev = new Uint8Array(n);
    const client = prev.slice();
    const slotsPerRound = [
      [0, 1, 129, 258],
      [16_384, 32_769, 299_999],
      [7, 8, 9, 10, 200_000],
    ];
    for (const [round, slots] of slotsPerRound.entries()) {
      const next = prev.slice();
      for (const s of slots) next[s] = (round + s) % 6 || 1;
      applyChannel(client, encodeDelta(prev, next, format)!);
      expect(client).toEqual(next);
      prev = next;
    }
  });

  it('keeps a stress-scale delta small: 10 % churn of 240,000 states is about one byte and a half per changed slot', () => {
    const prev = Uint8Array.from({ length: 240_000 }, (_, i) => i % 2);
    const next = prev.slice();
    for (let i = 0; i < next.length; i += 10) next[i] = 3;
    const buffer = encodeDelta(prev, next, { type: 'u4' })!;
    expect(decodeChannel(buffer).mode).toBe('sparse');
    // 24,000 changes: 12,000 bytes of values and 24,000 one-byte gaps.
    expect(buffer.byteLength).toBeLessThanOrEqual(16 + 12_000 + 24_000);
  });
});

describe('packed channel frames', () => {
  it('carries several channels in one buffer and unpacks them as aligned views', () => {
    const rain = encodeFull(Float32Array.from([1, 2, 3]));
    const state = encodeFull(Uint8Array.from([0, 1, 2]));
    const packed = packChannels({ rain, 'pump.state': state });
    const frames = unpackChannels(packed);
    expect(Object.keys(frames).sort()).toEqual(['pump.state', 'rain']);
    const target = new Float32Array(3);
    applyChannel(target, frames.rain!);
    expect(Array.from(target)).toEqual([1, 2, 3]);
    expect(frames.rain!.byteOffset % 4).toBe(0);
  });

  it('rejects a truncated or foreign packed buffer', () => {
    const packed = packChannels({ rain: encodeFull(Float32Array.from([1, 2, 3])) });
    expect(() => unpackChannels(packed.slice(0, 10))).toThrow(/truncated/);
    const foreign = new Uint8Array(packed.slice(0));
    foreign[4] = 250;
    expect(() => unpackChannels(foreign)).toThrow(/unknown channel index/);
  });
});
