/**
 * One tick of the live city, read top to bottom:
 *
 *   source → city state → rules → desk → vitals → feed
 *
 * The source moves its clock on moment by moment. At each moment the world reports on (every ten
 * simulated seconds) the desk follows its teams and takes in city life, and the warning office reads
 * the gauges, stations and radar; at each rule sample (every simulated minute) the alarm rules read
 * the channels they watch and the desk answers their alarms. At the end of the tick the city state
 * (readings as published, the active sets) is computed once, the vitals from it, and the feed
 * publishes the frame. Every stage takes plain data and returns plain data; only the desk reaches
 * back into the world, through its port (incidents/deskWorld.ts).
 */
import type { ChannelId } from '../../src/protocol/channels';
import type { Alarm, CityEvent, CityEventState } from '../../src/protocol/cityEvents';
import type { WireDelta } from '../../src/protocol/events';
import type { VitalsFrame } from '../../src/protocol/vitals';
import type { CapWarnings } from '../cap/capWarnings';
import type { OfficeCapWriter } from '../cap/officeCap';
import type { CityAssets } from '../city/assets';
import type { LiveFeed } from '../feed/liveFeed';
import type { IncidentDesk } from '../incidents/incidentDesk';
import type { ExternalReadings } from '../ingest/externalReadings';
import type { AcceptedReading } from '../ingest/ingestGate';
import type { AcceptedPosition } from '../ingest/positionGate';
import type { StaleAfterByChannel } from '../ingest/readingStaleness';
import type { AlarmEngine, RuleReadings } from '../rules/alarmEngine';
import type { WeatherOffice } from '../rules/weatherOffice';
import { computeVitals } from '../vitals/computeVitals';
import { INDICATOR_DEFINITIONS } from '../vitals/indicatorCatalogue';
import { vitalsFacts } from '../vitals/vitalsFacts';
import type { Cadence } from './cadence';
import type { CitySource, WorldReport } from './citySource';
import { publishedReadings, type CityState } from './cityState';
import type { Readings } from './readings';

const HOUR_MS = 3_600_000;

/** What a tick runs: any source, and the stages downstream of it. */
export interface PipelineStages {
  readonly seed: number;
  /** A simulator plays the city services the vitals report (hotline, power, water…); false: they have no value. */
  readonly simulatedServices: boolean;
  readonly assets: CityAssets;
  readonly source: CitySource;
  /** The newest reading from outside per slot (laid over the source's own). */
  readonly external: ExternalReadings;
  /** Per channel, how long a reading from outside stands before its slot reads no data. */
  readonly staleAfterMs: StaleAfterByChannel;
  /** Readings the ingest gate kept since the last tick, waiting for it. */
  readonly incoming: AcceptedReading[];
  /** Positions the position gate took since the last tick (teams' terminals, with the simulator off). */
  readonly incomingPositions: AcceptedPosition[];
  readonly alarms: AlarmEngine;
  readonly ruleChannels: readonly ChannelId[];
  readonly ruleCadence: Cadence;
  readonly office: WeatherOffice;
  /** CAP warnings received from outside (cap/capWarnings.ts), beside the office's. */
  readonly capWarnings: CapWarnings;
  /**
   * The office speaking CAP (cap/officeCap.ts): its changes become CAP documents in `outbox`, which
   * the server takes through the CAP ingest after the tick, so its warnings reach the wall as CAP
   * warnings. Null: the office's warnings go on the wall directly (a pipeline without the server).
   */
  readonly officeCap: { writer: OfficeCapWriter; outbox: string[] } | null;
  readonly desk: IncidentDesk;
  readonly inbox: CityEvent[];
  eventState(): CityEventState;
}

/** Runs the city up to `untilMs` (source time) and publishes one frame. */
export function cityTick(stages: PipelineStages, feed: LiveFeed, untilMs: number): WireDelta {
  // Commands since the last tick come first: they happened before anything below.
  const events = stages.inbox.splice(0);
  // Readings from outside since the last tick: measured before the moments the source moves on to.
  events.push(...ingestStep(stages, stages.source.timeMs));
  // Source: each moment in turn; rules and desk run on what it reads at the moments they are due.
  for (const moment of stages.source.advanceTo(untilMs)) {
    if (moment.world) events.push(...worldStep(stages, moment.timeMs, moment.world));
    if (stages.ruleCadence.due(moment.timeMs)) events.push(...ruleStep(stages, moment.timeMs));
  }
  // CAP warnings whose `expires` came meanwhile end in this frame.
  events.push(...stages.capWarnings.expire(stages.source.timeMs));
  // City state, as the frame will carry it.
  const readings = publishedReadings(stages.source, feed.spareReadings());
  const state = cityStateOf(stages, readings);
  // Vitals from that state, then the feed publishes the frame.
  return feed.publish({ timeMs: state.timeMs, readings, events, vitals: vitalsOf(stages, state) });
}

/** The world moved: the desk follows its teams and takes in city life; the warning office looks at the sky. */
export function worldStep(stages: PipelineStages, now: number, world: WorldReport): CityEvent[] {
  const { desk, office, source } = stages;
  const events = desk.step(now, world.arrivedTeams);
  for (const { category, site } of world.cityLife) events.push(desk.addCityLife(category, site, now));
  const warnings = office.step(now, world.dtS, {
    rain: source.read('rain'),
    wind: source.read('weather.wind'),
    temp: source.read('weather.temp'),
    cells: world.weather.radar,
    forecastMaxC: world.weather.forecastMaxC,
  });
  for (const warning of warnings) {
    if (stages.officeCap === null) events.push({ type: 'warning', warning });
    else {
      const xml = stages.officeCap.writer.write(warning, now);
      if (xml !== null) stages.officeCap.outbox.push(xml);
    }
  }
  return events;
}

/**
 * Readings from outside, each on the time it was measured, in time order: a slot's newest becomes what
 * the city reads there, and its rules run on it then (an older one than the slot's newest is history
 * only). The desk answers the alarms, except those that rose and fell within the batch: a flood a
 * gateway reports after it is over is on the record, not a job to dispatch now.
 */
export function ingestStep(stages: PipelineStages, now: number): CityEvent[] {
  const { world } = stages.source;
  const alarms: Alarm[] = [];
  for (const p of stages.incomingPositions.splice(0).sort((a, b) => a.tMs - b.tMs)) {
    if (p.channel === 'team.pos') world.teamReportedAt?.(p.slot, p.lon, p.lat, p.tMs);
    // A truck's newest position is where the city has it, and its geofences judge it then.
    else if (world.truckReportedAt?.(p.slot, p.lon, p.lat, p.tMs)) {
      for (const alarm of stages.alarms.observePosition(p.slot, p.lon, p.lat, p.tMs)) alarms.push(p.late ? { ...alarm, late: true } : alarm);
    }
  }
  if (stages.incoming.length === 0 && alarms.length === 0) return [];
  const readings = stages.incoming.splice(0).sort((a, b) => a.tMs - b.tMs);
  for (const r of readings) {
    if (stages.external.set(r.channel, r.slot, r.v, r.tMs)) alarms.push(...stages.alarms.observe(r.channel, r.slot, r.v, r.tMs, now, r.late));
  }
  const raised = new Set(alarms.filter((a) => a.raisedAt === a.updatedAt && a.state === 'active').map((a) => a.id));
  const over = new Set(alarms.filter((a) => a.state === 'cleared' && raised.has(a.id)).map((a) => a.id));
  const forDesk = alarms.filter((a) => !over.has(a.id));
  return [...alarms.map((alarm): CityEvent => ({ type: 'alarm', alarm })), ...stages.desk.onAlarms(forDesk, now)];
}

/** A rule sample: the alarm rules read the channels they watch; the desk answers their alarms. */
export function ruleStep(stages: PipelineStages, now: number): CityEvent[] {
  const readings: RuleReadings = Object.fromEntries(stages.ruleChannels.map((id) => [id, stages.source.read(id)]));
  const alarms = stages.alarms.evaluate(now, readings);
  return [...alarms.map((alarm): CityEvent => ({ type: 'alarm', alarm })), ...stages.desk.onAlarms(alarms, now)];
}

/** The city state a frame publishes, from the readings just measured and the stages' active sets. */
export function cityStateOf(stages: PipelineStages, readings: Readings): CityState {
  const timeMs = stages.source.timeMs;
  return {
    timeMs,
    readings,
    events: stages.eventState(),
    incidentsLastHour: stages.desk.openedSince(timeMs - HOUR_MS),
    maxRain1hMm: stages.office.rain.maxTotal(1),
  };
}

/** Every vital-sign indicator of the catalogue, from the city state. */
export function vitalsOf(stages: PipelineStages, state: CityState): VitalsFrame {
  return computeVitals(INDICATOR_DEFINITIONS, vitalsFacts(state, { seed: stages.simulatedServices ? stages.seed : null, roadLengthKm: stages.assets.roads.lengthKm }));
}
