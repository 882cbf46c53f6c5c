/**
 * Turns the simulation into published frames: each tick advances simulated time, measures every
 * channel, encodes only the slots that changed since the last published frame, and carries the
 * alarm, incident, closure and weather-warning changes of the tick and every vital-sign indicator,
 * computed from what the frame publishes. The last published readings (and the active alarms,
 * closures, warnings, open incidents and vitals) are what a snapshot hands to a (re)connecting client.
 */
import type { WireCatalog } from '../../src/protocol/assets';
import { encodeDelta, encodeFull, quantise } from '../../src/protocol/channelCodec';
import { packChannels, type ChannelChunks } from '../../src/protocol/channelFrame';
import { CHANNEL_IDS, wireFormatOf, type ChannelId } from '../../src/protocol/channels';
import { cityCongestionIndexOf } from '../../src/domain/congestion';
import type { CityEventState } from '../../src/protocol/cityEvents';
import type { WireDelta, WireSnapshot } from '../../src/protocol/events';
import type { IndicatorSpec, VitalsFrame } from '../../src/protocol/vitals';
import { advance, setScenario, simTime, STEP_SECONDS, takeEvents, type CitySimulation } from '../simulator/citySimulation';
import { allocateReadings, createChannelReader, measureAll, type Readings } from '../simulator/measure';
import type { RainScenarioId } from '../simulator/scenarios/rainScenarios';
import { computeVitals } from '../vitals/computeVitals';
import { VitalsTrail } from '../vitals/vitalsTrail';
import { catalogToWire, catalogVersionOf } from './catalogToWire';

const HOUR_MS = 3_600_000;

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

export interface LiveFeedStatus {
  seq: number;
  simTime: number;
  speed: number;
  tickMs: number;
  scenario: string;
  seed: number;
  rainCells: number;
  activeAlarms: number;
  openIncidents: number;
  activeClosures: number;
  roadSegments: number;
  /** Length-weighted traffic performance index, 0–10. */
  cityTrafficIndex: number;
}

export class LiveFeed {
  readonly catalog: WireCatalog;
  private seq = 0;
  private published: Readings;
  private scratch: Readings;
  /** Fractional steps carried between ticks (speed × tick need not be whole seconds). */
  private pendingSteps = 0;
  private readonly now: () => number;
  private readonly read: ReturnType<typeof createChannelReader>;
  private lastRecordedMinute = NaN;
  private vitals: VitalsFrame;
  private chunks: ChannelChunks = {};
  /** The last hour of vitals, for a screen that (re)loads. */
  readonly vitalsTrail: VitalsTrail;
  /** Wall-clock ms the last vitals computation took (for benches). */
  lastVitalsMs = 0;

  constructor(
    readonly sim: CitySimulation,
    private readonly options: LiveFeedOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.catalog = catalogToWire(sim.assets, catalogVersionOf(sim.seed, sim.assets));
    this.published = allocateReadings(sim.assets);
    this.scratch = allocateReadings(sim.assets);
    this.read = createChannelReader(sim.assets);
    this.measure(this.published);
    this.vitals = this.computeVitals();
    this.vitalsTrail = new VitalsTrail(this.catalog.indicators.length);
    this.vitalsTrail.record(this.vitals);
  }

  /** Reads every channel, rounded to what its wire format carries: what is published is what clients decode. */
  private measure(out: Readings): void {
    measureAll(this.sim, out);
    for (const id of CHANNEL_IDS) quantise(out[id], wireFormatOf(id));
  }

  /** The indicators of the catalogue, in the order of every frame's values. */
  get indicators(): readonly IndicatorSpec[] {
    return this.catalog.indicators;
  }

  /** Advances one tick and returns the delta to broadcast (null channels and no events: a heartbeat). */
  tick(): WireDelta {
    this.pendingSteps += (this.options.speed * this.options.tickMs) / 1000 / STEP_SECONDS;
    const steps = Math.floor(this.pendingSteps);
    this.pendingSteps -= steps;
    advance(this.sim, steps, this.read);
    this.measure(this.scratch);
    const changed: ChannelChunks = {};
    for (const id of CHANNEL_IDS) {
      const encoded = encodeDelta(this.published[id], this.scratch[id], wireFormatOf(id));
      if (encoded) changed[id] = encoded;
    }
    const channels = Object.keys(changed).length > 0 ? packChannels(changed) : null;
    this.chunks = changed;
    [this.published, this.scratch] = [this.scratch, this.published];
    this.seq++;
    const minute = Math.floor(simTime(this.sim) / 60_000);
    if (minute !== this.lastRecordedMinute) {
      this.lastRecordedMinute = minute;
      this.options.history?.record(simTime(this.sim), this.published);
    }
    const events = takeEvents(this.sim);
    this.vitals = this.computeVitals();
    this.vitalsTrail.record(this.vitals);
    return { seq: this.seq, simTime: simTime(this.sim), sentAt: this.now(), channels, events, vitals: this.vitals };
  }

  /** Every channel in full (or only those asked for), with the active events and the vitals. */
  snapshot(channels: ReadonlySet<ChannelId> | null = null): WireSnapshot {
    return {
      seq: this.seq,
      simTime: simTime(this.sim),
      sentAt: this.now(),
      catalogVersion: this.catalog.version,
      tickMs: this.options.tickMs,
      simSpeed: this.options.speed,
      channels: packChannels(Object.fromEntries(CHANNEL_IDS.filter((id) => !channels || channels.has(id)).map((id) => [id, encodeFull(this.published[id], wireFormatOf(id))]))),
      events: this.eventState(),
      vitals: this.vitals,
    };
  }

  eventState(): CityEventState {
    return {
      alarms: this.sim.engine.active(),
      incidents: this.sim.desk.openIncidents(),
      closures: this.sim.desk.activeClosures(),
      warnings: this.sim.office.active(),
    };
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
    return this.scratch;
  }

  /** The readings of the last published frame (read-only: the next tick reuses the buffers). */
  get readings(): Readonly<Readings> {
    return this.published;
  }

  /** The vital signs of the last published frame. */
  currentVitals(): VitalsFrame {
    return this.vitals;
  }

  /** Computes the indicators from what was just published (readings) and the discrete state behind it. */
  private computeVitals(): VitalsFrame {
    const t0 = performance.now();
    const now = simTime(this.sim);
    const { sim } = this;
    const frame = computeVitals(this.catalog.indicators, {
      timeMs: now,
      seed: sim.seed,
      readings: this.published,
      roadLengthKm: sim.assets.roads.lengthKm,
      alarms: sim.engine.active(),
      incidents: sim.desk.openIncidents(),
      warnings: sim.office.active(),
      maxRain1hMm: sim.office.rain.maxTotal(1),
      incidentsLastHour: sim.desk.openedSince(now - HOUR_MS),
    });
    this.lastVitalsMs = performance.now() - t0;
    return frame;
  }

  /** The readings last published, read-only by convention (for health and tests). */
  current(): Readonly<Readings> {
    return this.published;
  }

  setScenario(scenario: RainScenarioId): void {
    setScenario(this.sim, scenario);
  }

  status(): LiveFeedStatus {
    const events = this.eventState();
    return {
      seq: this.seq,
      simTime: simTime(this.sim),
      speed: this.options.speed,
      tickMs: this.options.tickMs,
      scenario: this.sim.scenario,
      seed: this.sim.seed,
      rainCells: this.sim.cells.length,
      activeAlarms: events.alarms.length,
      openIncidents: events.incidents.length,
      activeClosures: events.closures.length,
      roadSegments: this.sim.assets.roads.segmentCount,
      cityTrafficIndex: cityCongestionIndexOf(this.published['road.index'], this.sim.assets.roads.lengthKm),
    };
  }
}
