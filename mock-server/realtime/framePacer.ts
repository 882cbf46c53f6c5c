/**
 * Per-client coalescing of the live feed. A client whose connection can take the next frame gets
 * the frame every up-to-date client gets (encoded once). A client whose connection is still busy
 * is not queued a backlog: it is held, and once it can take a frame again it gets one delta from
 * the state it last received to the state now (changed slots only, with every event it missed, in
 * order), so a slow wall catches up in one frame and never slows the others. Too many missed events
 * (an hour behind) and it gets a snapshot instead. Pure: the hub supplies writability and state.
 */
import { encodeDelta } from '../../src/protocol/channelCodec';
import { packChannels, type ChannelChunks } from '../../src/protocol/channelFrame';
import { CHANNEL_IDS, wireFormatOf, type ChannelId } from '../../src/protocol/channels';
import type { CityEvent } from '../../src/protocol/cityEvents';
import type { WireDelta } from '../../src/protocol/events';
import type { Readings } from '../pipeline/readings';

/** Events a held client may miss before it is sent a snapshot instead of a catch-up delta. */
export const MAX_HELD_EVENTS = 5000;

export interface PacedClient {
  /** The channels this client asked for (null: all). */
  channels: ReadonlySet<ChannelId> | null;
  /** Seq of the last frame (or snapshot) it was sent. */
  lastSentSeq: number;
  /** While held: a copy of the state at lastSentSeq, to diff against when it can take a frame again. */
  base: Partial<Readings> | null;
  heldEvents: CityEvent[];
  needsSnapshot: boolean;
}

export interface PublishedFrame {
  delta: WireDelta;
  /** The readings now, and just before this frame (the state at seq - 1). */
  current: Readonly<Readings>;
  previous: Readonly<Readings>;
  /** When every slot fed from outside was measured, for the channels asked (a catch-up carries them all). */
  allReadingTimes?: (channels: ReadonlySet<ChannelId> | null) => ArrayBuffer | undefined;
}

export type PaceDecision = { kind: 'shared' } | { kind: 'hold' } | { kind: 'catchUp'; delta: WireDelta } | { kind: 'snapshot' };

export function newPacedClient(seq: number, channels: ReadonlySet<ChannelId> | null = null): PacedClient {
  return { channels, lastSentSeq: seq, base: null, heldEvents: [], needsSnapshot: false };
}

const wanted = (client: PacedClient) => (client.channels ? CHANNEL_IDS.filter((id) => client.channels!.has(id)) : CHANNEL_IDS);

function copyOf(readings: Readonly<Readings>, ids: readonly ChannelId[]): Partial<Readings> {
  const out: Partial<Readings> = {};
  for (const id of ids) out[id] = readings[id].slice() as Readings[ChannelId];
  return out;
}

/** Decides what one client gets for a published frame, updating its state. */
export function pace(client: PacedClient, frame: PublishedFrame, writable: boolean): PaceDecision {
  const { delta } = frame;
  // Its snapshot already holds this frame (it connected or resynced after the feed moved to this seq
  // and before the frame was fanned out): nothing to send, and no reason to think it is behind.
  if (delta.seq <= client.lastSentSeq) return { kind: 'hold' };
  if (!client.base && !client.needsSnapshot) {
    if (writable && client.lastSentSeq === delta.seq - 1) {
      client.lastSentSeq = delta.seq;
      return { kind: 'shared' };
    }
    // Busy (or behind for another reason): hold it, remembering the state it last got.
    client.base = client.lastSentSeq === delta.seq - 1 ? copyOf(frame.previous, wanted(client)) : null;
    client.needsSnapshot = client.base === null;
    client.heldEvents = [];
  }
  if (!client.needsSnapshot) {
    if (client.heldEvents.length + delta.events.length > MAX_HELD_EVENTS) {
      client.needsSnapshot = true;
      client.base = null;
      client.heldEvents = [];
    } else client.heldEvents.push(...delta.events);
  }
  if (!writable) return { kind: 'hold' };
  if (client.needsSnapshot) {
    client.needsSnapshot = false;
    client.lastSentSeq = delta.seq;
    return { kind: 'snapshot' };
  }
  const chunks: ChannelChunks = {};
  for (const id of wanted(client)) {
    const encoded = encodeDelta(client.base![id]!, frame.current[id], wireFormatOf(id));
    if (encoded) chunks[id] = encoded;
  }
  const catchUp: WireDelta = {
    ...delta,
    baseSeq: client.lastSentSeq,
    channels: Object.keys(chunks).length ? packChannels(chunks) : null,
    events: client.heldEvents,
    readingTimes: frame.allReadingTimes?.(client.channels),
  };
  client.base = null;
  client.heldEvents = [];
  client.lastSentSeq = delta.seq;
  return { kind: 'catchUp', delta: catchUp };
}

/**
 * The frame for up-to-date clients that asked for only some channels (all channels: the frame as
 * published), with the reading times of those channels (`readingTimes`, from the feed).
 */
export function frameFor(channels: ReadonlySet<ChannelId> | null, delta: WireDelta, chunks: ChannelChunks, readingTimes?: ArrayBuffer): WireDelta {
  if (!channels) return delta;
  const subset: ChannelChunks = {};
  for (const id of CHANNEL_IDS) if (channels.has(id) && chunks[id]) subset[id] = chunks[id];
  return { ...delta, channels: Object.keys(subset).length ? packChannels(subset) : null, readingTimes };
}
