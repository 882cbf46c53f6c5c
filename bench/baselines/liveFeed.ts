/**
 * The live feed as a minimal page would consume it: the same socket events, codecs and timing marks
 * as the app, with no batching, sequencing or stores. Each delta is handled as it arrives, and the
 * whole handler (decode, then the page's draw call, then the microtasks it queued) is one
 * `cityops:update` measure.
 */
import { io, type Socket } from 'socket.io-client';
import { unpackCatalog } from '../../src/protocol/catalogPacking';
import { toCatalogView, type CatalogView } from '../../src/protocol/catalogView';
import { applyChannel } from '../../src/protocol/channelCodec';
import { unpackChannels } from '../../src/protocol/channelFrame';
import { allocateChannel, CHANNEL_IDS, CHANNELS, type ChannelArray, type ChannelId } from '../../src/protocol/channels';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/protocol/events';
import { markApplied, markReceived, timed } from '../../src/shared/benchTiming';

export type Channels = Record<ChannelId, ChannelArray>;

/**
 * maplibre's setData returns before it posts the data to its worker: the structured clone of every
 * feature runs a few microtasks later, in the same task. Ending the measure this many microtask hops
 * after the handler charges that work to the update it belongs to.
 */
const MICROTASK_HOPS = 16;

function measureThroughMicrotasks(name: string, work: () => void): void {
  const start = performance.now();
  work();
  let hops = MICROTASK_HOPS;
  const hop = () => (--hops > 0 ? queueMicrotask(hop) : performance.measure(`cityops:${name}`, { start, end: performance.now() }));
  queueMicrotask(hop);
}

export interface FeedHandlers {
  /** Every snapshot (the first, and again after a reconnect): build the scene from scratch. */
  snapshot(catalog: CatalogView, channels: Channels): void;
  /** After frame `seq`'s channels are written: push the changed ones to the map. */
  delta(changed: ReadonlySet<ChannelId>, seq: number): void;
}

export function connectLiveFeed(handlers: FeedHandlers): void {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(window.location.origin, {
    transports: ['websocket'],
  });
  let catalog: CatalogView | null = null;
  let channels: Channels | null = null;

  socket.on('city:catalog', (wire) => {
    catalog = toCatalogView(unpackCatalog(wire));
    channels = null;
  });
  socket.on('readings:snapshot', (snapshot) => {
    if (!catalog) return;
    const frames = unpackChannels(snapshot.channels);
    const next = {} as Channels;
    for (const id of CHANNEL_IDS) {
      next[id] = allocateChannel(id, catalog.groups[CHANNELS[id].kind].count);
      const frame = frames[id];
      if (frame) applyChannel(next[id], frame);
    }
    channels = next;
    handlers.snapshot(catalog, next);
  });
  socket.on('readings:delta', (delta) => {
    markReceived(delta.seq, delta.sentAt);
    const live = channels;
    if (!live || !delta.channels) return;
    const packed = delta.channels;
    measureThroughMicrotasks('update', () => {
      const changed = timed('decode', () => {
        const frames = unpackChannels(packed);
        const ids = new Set<ChannelId>();
        for (const id of CHANNEL_IDS) {
          const frame = frames[id];
          if (frame) {
            applyChannel(live[id], frame);
            ids.add(id);
          }
        }
        return ids;
      });
      handlers.delta(changed, delta.seq);
      markApplied(delta.seq);
    });
  });
}
