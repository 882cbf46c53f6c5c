import { describe, expect, it } from 'vitest';
import { decodeChannel } from '@/protocol/channelCodec';
import { unpackChannels } from '@/protocol/channelFrame';
import { allocateChannel, CHANNEL_IDS, type ChannelId } from '@/protocol/channels';
import type { CityEvent } from '@/protocol/cityEvents';
import type { WireDelta } from '@/protocol/events';
import { frameFor, MAX_HELD_EVENTS, newPacedClient, pace, type PublishedFrame } from '../../../../mock-server/realtime/framePacer';
import { encodeDelta } from '@/protocol/channelCodec';
import { applyReadingTimes, encodeChannelTimes, packReadingTimes } from '@/protocol/readingTimesCodec';
import type { Readings } from '../../../../mock-server/pipeline/readings';
import { makeIncident } from '../../../support/incidentFixture';

const SLOTS = 8;
const readings = (fill: (id: ChannelId, i: number) => number): Readings =>
  Object.fromEntries(
    CHANNEL_IDS.map((id) => {
      const a = allocateChannel(id, SLOTS * (id === 'team.pos' ? 2 : 1));
      for (let i = 0; i < a.length; i++) a[i] = fill(id, i);
      return [id, a];
    }),
  ) as Readings;

const event = (n: number): CityEvent => ({ type: 'incident', incident: makeIncident({ id: `INC-${String(n).padStart(6, '0')}` }) });

/** A world of frames: state k has rain slot 0 = k, and each frame k carries one event. */
function frame(k: number): PublishedFrame {
  const previous = readings((id, i) => (id === 'rain' && i === 0 ? k - 1 : i));
  const current = readings((id, i) => (id === 'rain' && i === 0 ? k : i));
  const delta: WireDelta = { seq: k, simTime: k * 60_000, sentAt: 0, channels: null, events: [event(k)], vitals: { t: k, values: [] } };
  return { delta, current, previous };
}

const rainOf = (delta: WireDelta) => {
  const chunks = delta.channels ? unpackChannels(delta.channels) : {};
  return chunks.rain ? decodeChannel(chunks.rain) : null;
};

describe('frame pacer', () => {
  it('sends the shared frame to a client that keeps up', () => {
    const c = newPacedClient(0);
    for (let k = 1; k <= 3; k++) expect(pace(c, frame(k), true)).toEqual({ kind: 'shared' });
    expect(c.lastSentSeq).toBe(3);
  });

  it('sends nothing for a frame its snapshot already holds, and the next frame as to any client that keeps up', () => {
    // It connected after the feed moved to seq 5 and before frame 5 was fanned out.
    const c = newPacedClient(5);
    expect(pace(c, frame(5), true)).toEqual({ kind: 'hold' });
    expect(pace(c, frame(5), false)).toEqual({ kind: 'hold' });
    expect(c).toEqual(newPacedClient(5));
    expect(pace(c, frame(6), true)).toEqual({ kind: 'shared' });
  });

  it('holds a busy client, then catches it up in one delta from what it last got, with every missed event', () => {
    const c = newPacedClient(0);
    expect(pace(c, frame(1), true).kind).toBe('shared');
    expect(pace(c, frame(2), false).kind).toBe('hold');
    expect(pace(c, frame(3), false).kind).toBe('hold');
    const d = pace(c, frame(4), true);
    expect(d.kind).toBe('catchUp');
    if (d.kind !== 'catchUp') return;
    expect(d.delta).toMatchObject({ seq: 4, baseSeq: 1 });
    expect(d.delta.events.map((e) => (e.type === 'incident' ? e.incident.id : ''))).toEqual(['INC-000002', 'INC-000003', 'INC-000004']);
    // Only what differs from state 1: rain slot 0 went from 1 to 4.
    const rain = rainOf(d.delta)!;
    expect(rain.mode).toBe('sparse');
    expect([...rain.slots!]).toEqual([0]);
    expect(rain.values[0]).toBe(4);
    // Back to the shared frames.
    expect(pace(c, frame(5), true).kind).toBe('shared');
  });

  it('sends a snapshot instead when a held client has missed too much', () => {
    const c = newPacedClient(0);
    pace(c, frame(1), false);
    const flood = frame(2);
    flood.delta.events = Array.from({ length: MAX_HELD_EVENTS }, (_, i) => event(i));
    expect(pace(c, flood, false).kind).toBe('hold');
    expect(c.base).toBeNull();
    expect(pace(c, frame(3), true).kind).toBe('snapshot');
    expect(c.lastSentSeq).toBe(3);
    expect(pace(c, frame(4), true).kind).toBe('shared');
  });

  it('gives a subscribed client only its channels, in catch-ups and in shared frames', () => {
    const c = newPacedClient(0, new Set<ChannelId>(['water']));
    pace(c, frame(1), false);
    const d = pace(c, frame(2), true);
    expect(d.kind === 'catchUp' && d.delta.channels).toBeNull();
    const f = frame(3);
    const chunks = { rain: encodeDelta(f.previous.rain, f.current.rain)! };
    expect(frameFor(new Set<ChannelId>(['water']), f.delta, chunks).channels).toBeNull();
    expect(rainOf(frameFor(new Set<ChannelId>(['rain']), f.delta, chunks))!.values[0]).toBe(3);
    expect(frameFor(null, f.delta, chunks)).toBe(f.delta);
  });

  it('catches a held client up with the time of every slot fed from outside, of its channels only', () => {
    const c = newPacedClient(0, new Set<ChannelId>(['water']));
    const f2 = frame(2);
    const measured = f2.delta.simTime - 90_000;
    const all = (channels: ReadonlySet<ChannelId> | null) =>
      packReadingTimes({ water: encodeChannelTimes([5], () => measured, f2.delta.simTime), rain: encodeChannelTimes([1], () => measured, f2.delta.simTime) }, channels);
    // The last frame changed only rain's times; the held client missed water's in an earlier one.
    f2.delta.readingTimes = packReadingTimes({ rain: encodeChannelTimes([1], () => measured, f2.delta.simTime) });
    pace(c, frame(1), false);
    const d = pace(c, { ...f2, allReadingTimes: all }, true);
    if (d.kind !== 'catchUp') throw new Error(`expected a catch-up, got ${d.kind}`);
    const got = { water: new Float64Array(SLOTS).fill(NaN), rain: new Float64Array(SLOTS).fill(NaN) };
    expect(applyReadingTimes(d.delta.readingTimes!, d.delta.simTime, got)).toEqual(['water']);
    expect(got.water[5]).toBe(measured);
    // A shared frame for a subscription carries the times the feed picked for it, and none else.
    expect(frameFor(new Set<ChannelId>(['water']), f2.delta, {}, undefined).readingTimes).toBeUndefined();
    expect(frameFor(null, f2.delta, {}).readingTimes).toBe(f2.delta.readingTimes);
  });
});
