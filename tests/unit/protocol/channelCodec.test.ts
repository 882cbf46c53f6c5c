import { describe, expect, it } from 'vitest';
import { applyChannel, ChannelCodecError, decodeChannel, encodeDelta, encodeFull } from '../../../src/protocol/channelCodec';
import { packChannels, unpackChannels } from '../../../src/protocol/channelFrame';

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
    expect(buffer.byteLength).toBe(8 + 2 * 4 + 2 * 4);
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
    const truncated = encodeFull(new Float32Array(4)).slice(0, 12);
    expect(() => decodeChannel(truncated)).toThrow(/length mismatch/);
    expect(() => applyChannel(new Uint8Array(2), encodeFull(new Float32Array(2)))).toThrow(/dtype/);
  });

  it('refuses a delta between channels of different shapes', () => {
    expect(() => encodeDelta(new Float32Array(3), new Float32Array(4))).toThrow(/shape changed/);
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
