/**
 * The feed stage: turns each tick's city state into a published frame. It encodes only the slots
 * that changed since the last published frame, numbers frames, and carries the tick's alarm,
 * incident, closure and weather-warning changes and every vital-sign indicator. The last published
 * readings (with the live event sets and vitals) are what a snapshot hands to a (re)connecting client.
 * Beside the readings, a frame carries when the slots fed from outside whose reading changed were
 * measured (a snapshot: every fed slot); a slot never fed was measured at the frame's time.
 */
import type { WireCatalog } from '../../src/protocol/assets';
import { encodeDelta, encodeFull } from '../../src/protocol/channelCodec';
import { packChannels, type ChannelChunks } from '../../src/protocol/channelFrame';
import { CHANNEL_IDS, wireFormatOf, type ChannelId } from '../../src/protocol/channels';
import { encodeChannelTimes, packReadingTimes, type ReadingTimesChunks } from '../../src/protocol/readingTimesCodec';
import { cityCongestionIndexOf } from '../../src/domain/congestion';
import type { CityEvent, CityEventState } from '../../src/protocol/cityEvents';
import type { WireDelta, WireSnapshot } from '../../src/protocol/events';
import type { IndicatorSpec, VitalsFrame } from '../../src/protocol/vitals';
import type { CityAssets } from '../city/assets';
import { allocateReadings, type Readings } from '../pipeline/readings';
import type { SimulationStatus } from '../simulator/simulatedCity';
import { VitalsTrail } from '../vitals/vitalsTrail';
import { TrackRing } from '../../src/domain/trackRing';

/** Receives the published readings once per simulated minute (for the assets' recent history). */
export interface ReadingsRecorder {
  record(simTimeMs: number, readings: Readonly<Readings>): void;
}

export interface LiveFeedOptions {
  /** Wall-clock ms between published frames. */
  tickMs: number;
  /** Simulated seconds per wall-clock second. */
  speed: number;
  /** Wall clock, injectable for tests. */
  now?: () => number;
  history?: ReadingsRecorder;
}

/** What the feed asks of the readings from outside (ingest/externalReadings.ts): when each was measured. */
export interface FedReadingTimes {
  /** Slots per channel whose newest reading changed since the last call (then forgotten). */
  takeChanged(): ReadonlyMap<ChannelId, ReadonlySet<number>>;
  /** Every fed slot of a channel with its newest reading's event time, epoch ms. */
  timesOf(channel: ChannelId): ReadonlyMap<number, number> | undefined;
}

/** What the feed reports besides its frames: the city's live event sets and what its source is doing. */
export interface FeedSubject {
  readonly assets: CityAssets;
  /** Readings from outside laid over the source (none: every slot is measured at the frame's time). */
  readonly external?: FedReadingTimes;
  eventState(): CityEventState;
  sourceStatus(): SimulationStatus;
}

/** Each listed slot's time as one channel's entry, slots in ascending order. */
function timesEntry(slots: Iterable<number>, times: ReadonlyMap<number, number>, frameTimeMs: number) {
  return encodeChannelTimes(Uint32Array.from(slots).sort(), (slot) => times.get(slot)!, frameTimeMs);
}

/** One tick's output, as the pipeline hands it over. */
export interface FeedFrame {
  timeMs: number;
  /** The readings as published (see cityState.ts), measured into {@link LiveFeed.spareReadings}. */
  readings: Readings;
  events: CityEvent[];
  vitals: VitalsFrame;
}

export interface LiveFeedStatus extends SimulationStatus {
  seq: number;
  simTime: number;
  speed: number;
  tickMs: number;
  activeAlarms: number;
  openIncidents: number;
  activeClosures: number;
  roadSegments: number;
  /** Length-weighted traffic performance index, 0–10. */
  cityTrafficIndex: number;
}

export class LiveFeed {
  private seq = 0;
  private timeMs: number;
  private published: Readings;
  private previous: Readings;
  private lastRecordedMinute = NaN;
  private vitals: VitalsFrame;
  private chunks: ChannelChunks = {};
  /** The last frame's reading times: of the slots that changed, and (made when first asked) of every fed slot. */
  private times: ReadingTimesChunks = {};
  private allTimes: { seq: number; chunks: ReadingTimesChunks } | null = null;
  private readonly now: () => number;
  /** The last hour of vitals, for a screen that (re)loads. */
  readonly vitalsTrail: VitalsTrail;
  /** The muck trucks' recent tracks, from the positions published (a screen that opens draws them at once). */
  readonly truckTracks: TrackRing;

  /** Starts from the city's first state (`first`, not yet a numbered frame). */
  constructor(
    readonly catalog: WireCatalog,
    private readonly subject: FeedSubject,
    first: Omit<FeedFrame, 'events'>,
    private readonly options: LiveFeedOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.timeMs = first.timeMs;
    this.published = first.readings;
    this.previous = allocateReadings(subject.assets);
    this.vitals = first.vitals;
    this.vitalsTrail = new VitalsTrail(catalog.indicators.length);
    this.vitalsTrail.record(this.vitals);
    this.truckTracks = new TrackRing(first.readings['truck.pos'].length / 2);
    this.truckTracks.addAll(first.readings['truck.pos']);
  }

  /** The indicators of the catalogue, in the order of every frame's values. */
  get indicators(): readonly IndicatorSpec[] {
    return this.catalog.indicators;
  }

  /** The buffer the next frame is measured into: the readings before the last frame, not needed once a new one is measured. */
  spareReadings(): Readings {
    return this.previous;
  }

  /** Publishes one tick: the delta to broadcast (null channels and no events: a heartbeat). */
  publish(frame: FeedFrame): WireDelta {
    const changed: ChannelChunks = {};
    for (const id of CHANNEL_IDS) {
      const encoded = encodeDelta(this.published[id], frame.readings[id], wireFormatOf(id));
      if (encoded) changed[id] = encoded;
    }
    const channels = Object.keys(changed).length > 0 ? packChannels(changed) : null;
    this.chunks = changed;
    this.times = this.changedTimes(frame.timeMs);
    this.previous = this.published;
    this.published = frame.readings;
    this.timeMs = frame.timeMs;
    this.seq++;
    const minute = Math.floor(frame.timeMs / 60_000);
    if (minute !== this.lastRecordedMinute) {
      this.lastRecordedMinute = minute;
      this.options.history?.record(frame.timeMs, this.published);
    }
    this.vitals = frame.vitals;
    this.vitalsTrail.record(this.vitals);
    if (changed['truck.pos']) this.truckTracks.addAll(this.published['truck.pos']);
    const readingTimes = this.readingTimesFor(null);
    return { seq: this.seq, simTime: frame.timeMs, sentAt: this.now(), channels, events: frame.events, vitals: this.vitals, ...(readingTimes && { readingTimes }) };
  }

  /**
   * The last frame's reading times for a client that draws `channels` (null: all): of the slots that
   * changed in it, or (`all`, for a snapshot or a catch-up) of every slot fed from outside.
   */
  readingTimesFor(channels: ReadonlySet<ChannelId> | null, all = false): ArrayBuffer | undefined {
    return packReadingTimes(all ? this.everyTime() : this.times, channels);
  }

  private changedTimes(frameTimeMs: number): ReadingTimesChunks {
    const external = this.subject.external;
    const out: ReadingTimesChunks = {};
    if (!external) return out;
    for (const [id, slots] of external.takeChanged()) {
      const times = external.timesOf(id);
      if (times && slots.size > 0) out[id] = timesEntry(slots, times, frameTimeMs);
    }
    return out;
  }

  private everyTime(): ReadingTimesChunks {
    const external = this.subject.external;
    if (!external) return {};
    if (this.allTimes?.seq !== this.seq) {
      const chunks: ReadingTimesChunks = {};
      for (const id of CHANNEL_IDS) {
        const times = external.timesOf(id);
        if (times && times.size > 0) chunks[id] = timesEntry(times.keys(), times, this.timeMs);
      }
      this.allTimes = { seq: this.seq, chunks };
    }
    return this.allTimes.chunks;
  }

  /** Every channel in full (or only those asked for), with the active events and the vitals. */
  snapshot(channels: ReadonlySet<ChannelId> | null = null): WireSnapshot {
    const readingTimes = this.readingTimesFor(channels, true);
    return {
      seq: this.seq,
      simTime: this.timeMs,
      sentAt: this.now(),
      catalogVersion: this.catalog.version,
      tickMs: this.options.tickMs,
      simSpeed: this.options.speed,
      channels: packChannels(Object.fromEntries(CHANNEL_IDS.filter((id) => !channels || channels.has(id)).map((id) => [id, encodeFull(this.published[id], wireFormatOf(id))]))),
      events: this.eventState(),
      vitals: this.vitals,
      ...(readingTimes && { readingTimes }),
    };
  }

  /** The active alarms, closures, warnings and open incidents as they stand now (commands included). */
  eventState(): CityEventState {
    return this.subject.eventState();
  }

  /** Seq of the last published frame. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Each changed channel of the last frame, encoded (for frames of a subset of channels). */
  get lastChunks(): Readonly<ChannelChunks> {
    return this.chunks;
  }

  /** The readings just before the last frame (the state at seq - 1; reused by the next tick). */
  get previousReadings(): Readonly<Readings> {
    return this.previous;
  }

  /** The readings of the last published frame (read-only: the next tick reuses the buffers). */
  get readings(): Readonly<Readings> {
    return this.published;
  }

  /** The vital signs of the last published frame. */
  currentVitals(): VitalsFrame {
    return this.vitals;
  }

  /** The readings last published, read-only by convention (for health and tests). */
  current(): Readonly<Readings> {
    return this.published;
  }

  status(): LiveFeedStatus {
    const events = this.eventState();
    const { roads } = this.subject.assets;
    return {
      seq: this.seq,
      simTime: this.timeMs,
      speed: this.options.speed,
      tickMs: this.options.tickMs,
      ...this.subject.sourceStatus(),
      activeAlarms: events.alarms.length,
      openIncidents: events.incidents.length,
      activeClosures: events.closures.length,
      roadSegments: roads.segmentCount,
      cityTrafficIndex: cityCongestionIndexOf(this.published['road.index'], roads.lengthKm),
    };
  }
}
