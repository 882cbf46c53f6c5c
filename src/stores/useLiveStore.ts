/**
 * The live city as the client holds it: the static catalogue and one typed array per channel, with
 * when each slot's reading was measured and which readings are stale (issue 15). Nothing here is
 * deeply reactive: arrays are written in place and `version` ticks once per applied batch (or when
 * readings fall stale as time passes), which is what layers and panels watch.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, watch } from 'vue';
import { cityCongestionIndexOf } from '@/domain/congestion';
import type { WireCatalog } from '@/protocol/assets';
import { toCatalogView, type CatalogView } from '@/protocol/catalogView';
import { applyChannel, ChannelCodecError } from '@/protocol/channelCodec';
import { unpackChannels } from '@/protocol/channelFrame';
import { allocateChannel, CHANNEL_IDS, CHANNELS, type ChannelArray, type ChannelId } from '@/protocol/channels';
import type { FrameStamp, WireDelta, WireSnapshot } from '@/protocol/events';
import { applyReadingTimes } from '@/protocol/readingTimesCodec';
import type { VitalsFrame } from '@/protocol/vitals';
import { markApplied, timed } from '@/shared/benchTiming';
import { SENSOR_CHANNELS, writeStaleMask } from '@/shared/readingAge';
import { useNow } from '@/shared/useNow';
import { TrackRing, type TrackPaths } from '@/domain/trackRing';

export interface FrameInfo extends FrameStamp {
  /** Client clock when the frame arrived. */
  receivedAt: number;
}

export type LiveChannels = Record<ChannelId, ChannelArray>;
/** Per channel, one event time per slot (epoch ms, source time); NaN: measured at its frame's time. */
export type ReadingTimes = Record<ChannelId, Float64Array>;
/** Per sensor channel, 1 per slot whose reading is stale (readingAge.ts). */
export type StaleMasks = Partial<Record<ChannelId, Uint8Array>>;

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

  const readingTimes = shallowRef<ReadingTimes | null>(null);
  const stale = shallowRef<StaleMasks | null>(null);

  /** The muck trucks' recent tracks, extended from the frames (and seeded from the server's once fetched). */
  const truckTracks = shallowRef<TrackRing | null>(null);

  function setCatalog(wire: WireCatalog) {
    catalog.value = markRaw(toCatalogView(wire));
    truckTracks.value = markRaw(new TrackRing(catalog.value.groups.muckTruck.count));
    channels.value = null;
    readingTimes.value = null;
    stale.value = null;
  }

  /** Re-marks stale readings at client time `now`; each channel whose marks changed is stamped `at`. */
  function markStale(now: number, at: number): boolean {
    const times = readingTimes.value;
    const masks = stale.value;
    const f = frame.value;
    const cat = catalog.value;
    if (!times || !masks || !f || !cat) return false;
    let any = false;
    for (const id of SENSOR_CHANNELS) {
      if (writeStaleMask(times[id], f, now, cat.staleAfterMs[id], masks[id]!)) {
        changedAt[id] = at;
        any = true;
      }
    }
    return any;
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
    const slots = (id: ChannelId) => cat.groups[CHANNELS[id].kind].count;
    const times = Object.fromEntries(CHANNEL_IDS.map((id) => [id, new Float64Array(slots(id)).fill(NaN)])) as ReadingTimes;
    if (snapshot.readingTimes) applyReadingTimes(snapshot.readingTimes, snapshot.simTime, times);
    channels.value = markRaw(next);
    truckTracks.value?.addAll(next['truck.pos']);
    readingTimes.value = markRaw(times);
    stale.value = markRaw(Object.fromEntries([...SENSOR_CHANNELS].map((id) => [id, new Uint8Array(slots(id))])) as StaleMasks);
    vitals.value = snapshot.vitals;
    simSpeed.value = snapshot.simSpeed;
    frame.value = { seq: snapshot.seq, simTime: snapshot.simTime, sentAt: snapshot.sentAt, receivedAt };
    version.value++;
    markStale(receivedAt, version.value);
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
        // Times change no value: the stale marks below say whether they change what is drawn.
        if (delta.readingTimes && readingTimes.value) applyReadingTimes(delta.readingTimes, delta.simTime, readingTimes.value);
        if (!delta.channels) continue;
        const frames = unpackChannels(delta.channels);
        for (const id of CHANNEL_IDS) {
          const frame = frames[id];
          if (!frame) continue;
          applyChannel(live[id], frame);
          changedAt[id] = next;
        }
      }
      if (changedAt['truck.pos'] === next) truckTracks.value?.addAll(live['truck.pos']);
    });
    const last = deltas[deltas.length - 1];
    vitals.value = last.vitals;
    frame.value = { seq: last.seq, simTime: last.simTime, sentAt: last.sentAt, receivedAt };
    markStale(receivedAt, next);
    version.value = next;
    markApplied(last.seq);
  }

  // Readings age while no frame comes: once a second, those past their kind's limit turn stale.
  watch(useNow(), (now) => {
    if (markStale(now, version.value + 1)) version.value++;
  });

  /** Whether the city has an elevator feed (the stress scale): the map's elevator switch and legend. */
  const hasElevators = computed(() => (catalog.value?.groups.elevator.count ?? 0) > 0);

  /**
   * The city-wide traffic index from the road channel the map colours (header chip and traffic
   * panel), without the segments whose readings are stale: one pass over every segment when the road
   * indices or their stale marks change (a change of marks stamps the channel), not once per reader
   * per update.
   */
  let trafficCache = { at: -1, channels: null as LiveChannels | null, value: NaN };
  const cityTrafficIndex = computed(() => {
    void version.value; // the road channel changes in place; the version says when
    const roads = catalog.value?.groups.roadSegment;
    const ch = channels.value;
    if (!roads || !ch) return NaN;
    if (trafficCache.at !== changedAt['road.index'] || trafficCache.channels !== ch) {
      const value = cityCongestionIndexOf(ch['road.index'], roads.attributes.lengthKm ?? [], stale.value?.['road.index']);
      trafficCache = { at: changedAt['road.index'], channels: ch, value };
    }
    return trafficCache.value;
  });

  /** Lays the server's tracks (`GET /api/tracks/muckTruck`) under what the frames added, for the catalogue they were read for. */
  function seedTruckTracks(catalogVersion: string, paths: TrackPaths) {
    const tracks = truckTracks.value;
    if (!tracks || catalog.value?.version !== catalogVersion) return;
    tracks.seed(paths);
    if (channels.value) tracks.addAll(channels.value['truck.pos']);
    version.value++;
  }

  return { catalog, channels, readingTimes, stale, changedAt, truckTracks, hasElevators, cityTrafficIndex, frame, vitals, simSpeed, version, setCatalog, applySnapshot, applyDeltas, markStale, seedTruckTracks };
});
