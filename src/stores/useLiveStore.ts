/**
 * The live city as the client holds it: the static catalogue and one typed array per channel.
 * Nothing here is deeply reactive: arrays are written in place and `version` ticks once per applied
 * batch, which is what layers and panels watch.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import { cityCongestionIndexOf } from '@/domain/congestion';
import type { WireCatalog } from '@/protocol/assets';
import { toCatalogView, type CatalogView } from '@/protocol/catalogView';
import { applyChannel, ChannelCodecError } from '@/protocol/channelCodec';
import { unpackChannels } from '@/protocol/channelFrame';
import { allocateChannel, CHANNEL_IDS, CHANNELS, type ChannelArray, type ChannelId } from '@/protocol/channels';
import type { FrameStamp, WireDelta, WireSnapshot } from '@/protocol/events';
import type { VitalsFrame } from '@/protocol/vitals';
import { markApplied, timed } from '@/shared/benchTiming';

export interface FrameInfo extends FrameStamp {
  /** Client clock when the frame arrived. */
  receivedAt: number;
}

export type LiveChannels = Record<ChannelId, ChannelArray>;

export const useLiveStore = defineStore('live', () => {
  const catalog = shallowRef<CatalogView | null>(null);
  const channels = shallowRef<LiveChannels | null>(null);
  const frame = shallowRef<FrameInfo | null>(null);
  /** The latest vital-sign values, in the catalogue's indicator order. */
  const vitals = shallowRef<VitalsFrame | null>(null);
  const simSpeed = ref(1);
  const version = ref(0);
  /**
   * The `version` at which each channel last changed (plain, not reactive): a map layer whose
   * channels did not change in an update keeps its deck.gl layer, which deck then skips.
   */
  const changedAt = markRaw(Object.fromEntries(CHANNEL_IDS.map((id) => [id, 0])) as Record<ChannelId, number>);

  function setCatalog(wire: WireCatalog) {
    catalog.value = markRaw(toCatalogView(wire));
    channels.value = null;
  }

  /** Replaces every channel; false when the snapshot belongs to another catalogue version. */
  function applySnapshot(snapshot: WireSnapshot, receivedAt: number): boolean {
    const cat = catalog.value;
    if (!cat || cat.version !== snapshot.catalogVersion) return false;
    const frames = unpackChannels(snapshot.channels);
    const next = {} as LiveChannels;
    for (const id of CHANNEL_IDS) {
      next[id] = allocateChannel(id, cat.groups[CHANNELS[id].kind].count);
      const frame = frames[id];
      if (!frame) throw new ChannelCodecError(`snapshot lacks channel ${id}`);
      applyChannel(next[id], frame);
    }
    channels.value = markRaw(next);
    vitals.value = snapshot.vitals;
    simSpeed.value = snapshot.simSpeed;
    frame.value = { seq: snapshot.seq, simTime: snapshot.simTime, sentAt: snapshot.sentAt, receivedAt };
    version.value++;
    for (const id of CHANNEL_IDS) changedAt[id] = version.value;
    return true;
  }

  /** Applies deltas in order, then signals once. */
  function applyDeltas(deltas: readonly WireDelta[], receivedAt: number) {
    const live = channels.value;
    if (!live || deltas.length === 0) return;
    const next = version.value + 1;
    timed('decode', () => {
      for (const delta of deltas) {
        if (!delta.channels) continue;
        const frames = unpackChannels(delta.channels);
        for (const id of CHANNEL_IDS) {
          const frame = frames[id];
          if (!frame) continue;
          applyChannel(live[id], frame);
          changedAt[id] = next;
        }
      }
    });
    const last = deltas[deltas.length - 1];
    vitals.value = last.vitals;
    frame.value = { seq: last.seq, simTime: last.simTime, sentAt: last.sentAt, receivedAt };
    version.value = next;
    markApplied(last.seq);
  }

  /** Whether the city has an elevator feed (the stress scale): the map's elevator switch and legend. */
  const hasElevators = computed(() => (catalog.value?.groups.elevator.count ?? 0) > 0);

  /**
   * The city-wide traffic index from the road channel the map colours (header chip and traffic
   * panel): one pass over every segment when the road indices change, not once per reader per update.
   */
  let trafficCache = { at: -1, channels: null as LiveChannels | null, value: NaN };
  const cityTrafficIndex = computed(() => {
    void version.value; // the road channel changes in place; the version says when
    const roads = catalog.value?.groups.roadSegment;
    const ch = channels.value;
    if (!roads || !ch) return NaN;
    if (trafficCache.at !== changedAt['road.index'] || trafficCache.channels !== ch) {
      trafficCache = { at: changedAt['road.index'], channels: ch, value: cityCongestionIndexOf(ch['road.index'], roads.attributes.lengthKm ?? []) };
    }
    return trafficCache.value;
  });

  return { catalog, channels, changedAt, hasElevators, cityTrafficIndex, frame, vitals, simSpeed, version, setCatalog, applySnapshot, applyDeltas };
});
