/**
 * Polls a city's SensorThings server (FROST and the like) for the Observations of the Datastreams the
 * map names, and hands them to the ingest gate as source `sensorthings`. Started by server.ts after
 * the HTTP server listens, stopped before the database closes.
 *
 * Per Datastream: first its unit (from its unitOfMeasurement, or the map's unit column) and the
 * factor into our measure's unit — a Datastream whose unit cannot be told or converted, or that the
 * server does not have, is refused and never polled; then, every poll, its Observations after the
 * last phenomenonTime read, oldest first, page by page, each page a batch for the gate. The cursor is
 * stored (sensorthings_cursors) once the gate has kept a page, so a restart continues where it
 * stopped: nothing re-read, nothing skipped, and an outage longer than any fixed look-back loses
 * nothing. A Datastream never polled before starts at `since`. Failures (unreachable, HTTP errors,
 * bodies that are not the API's JSON, a gate that cannot store) are logged, counted, and retried with
 * a backoff; nothing here throws into the server.
 */
import type { ReadingSink } from '../ingest/incomingReading';
import type { SensorThingsCursorStore } from '../storage/stores';
import { datastreamUnit, factorInto, type UnitOfMeasurement } from './datastreamUnit';
import { FrostClient, FrostError } from './frostClient';
import { observationReading } from './observationReading';
import type { DatastreamTarget, SensorThingsMap } from './sensorThingsMap';
import type { DatastreamStatus, SensorThingsStatus } from './sensorThingsStatus';

/** The gate's source name for what this poller brings in (counts, stored readings, logs). */
export const SENSORTHINGS_SOURCE = 'sensorthings';
/** Pages read from one Datastream in one poll at most; a longer backlog goes on at the next poll, so one Datastream cannot starve the others. */
export const MAX_PAGES_PER_POLL = 50;
/** Backoff after failures in a row: the poll interval doubled per failure, at most this (or the interval, if longer). */
export const MAX_BACKOFF_MS = 15 * 60_000;

export interface PollerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SensorThingsPollerDeps {
  /** The service root, e.g. http://frost:8080/FROST-Server/v1.1. */
  url: string;
  map: SensorThingsMap;
  everyMs: number;
  /** Where a Datastream with no stored cursor starts, epoch ms (exclusive). */
  since: number;
  readings: ReadingSink;
  cursors: SensorThingsCursorStore;
  /** Wall clock (tests move it). */
  now: () => number;
  log: PollerLog;
  fetch?: typeof fetch;
}

/** A mapped Datastream and where its polling stands. */
interface Tracked {
  target: DatastreamTarget;
  key: string;
  status: Omit<DatastreamStatus, 'lastPhenomenonTime' | 'lastPollAt' | 'nextPollAt' | 'lastError'>;
  cursor: number;
  lastPollAt: number | null;
  /** Not polled before this (a backoff); 0: at the next round. */
  dueAt: number;
  lastError: { at: number; message: string } | null;
}

const iso = (t: number): string => new Date(t).toISOString();

export class SensorThingsPoller {
  private readonly client: FrostClient;
  private readonly server: string;
  private readonly tracked: Tracked[];
  private readonly abort = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private nextRoundAt: number | null = null;
  private stopped = false;
  private rounds = 0;
  private failures = 0;

  private constructor(
    private readonly deps: SensorThingsPollerDeps,
    stored: Map<string, number>,
  ) {
    this.server = deps.url.replace(/\/+$/, '');
    this.client = new FrostClient({ url: this.server, fetch: deps.fetch });
    this.tracked = deps.map.targets.map((target) => {
      const key = String(target.datastreamId);
      return {
        target,
        key,
        cursor: stored.get(key) ?? deps.since,
        lastPollAt: null,
        dueAt: 0,
        lastError: null,
        status: {
          id: target.datastreamId,
          name: null,
          line: target.at,
          kind: target.kind,
          assetId: target.assetId,
          measure: target.measure,
          state: 'starting',
          unit: null,
          factor: null,
          observations: 0,
          accepted: 0,
          duplicates: 0,
          rejected: 0,
          lastRejection: null,
          failures: 0,
          failuresInARow: 0,
        },
      };
    });
  }

  /** A poller with its stored cursors loaded, not yet polling (start, or pollNow). */
  static async open(deps: SensorThingsPollerDeps): Promise<SensorThingsPoller> {
    return new SensorThingsPoller(deps, await deps.cursors.load(deps.url.replace(/\/+$/, '')));
  }

  /** Starts polling: the first round at once, then one every `everyMs` after the last ended. */
  start(): void {
    this.schedule(0);
  }

  /** Runs a round now (after the one under way, if any); resolves when it is done. Never rejects. */
  pollNow(): Promise<void> {
    this.running = this.running.then(() => this.round());
    return this.running;
  }

  status(): SensorThingsStatus {
    return {
      url: this.server,
      everyS: this.deps.everyMs / 1000,
      rounds: this.rounds,
      failures: this.failures,
      datastreams: this.tracked.map((t) => {
        const due = t.status.state === 'refused' || this.nextRoundAt === null ? null : Math.max(t.dueAt, this.nextRoundAt);
        return {
          ...t.status,
          lastPhenomenonTime: iso(t.cursor),
          lastPollAt: t.lastPollAt === null ? null : iso(t.lastPollAt),
          nextPollAt: due === null ? null : iso(due),
          lastError: t.lastError && { at: iso(t.lastError.at), message: t.lastError.message },
        };
      }),
    };
  }

  /** Stops polling: no new round, the request under way abandoned, and the round's last write finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.nextRoundAt = null;
    this.abort.abort();
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.nextRoundAt = this.deps.now() + delayMs;
    this.timer = setTimeout(() => {
      void this.pollNow().then(() => this.schedule(this.deps.everyMs));
    }, delayMs);
    this.timer.unref();
  }

  /** One pass over the Datastreams that are due; an unreachable server ends it (the rest would fail the same way). */
  private async round(): Promise<void> {
    if (this.stopped) return;
    this.rounds += 1;
    for (const t of this.tracked) {
      if (this.stopped) return;
      if (t.status.state === 'refused' || this.deps.now() < t.dueAt) continue;
      try {
        if (t.status.state === 'starting') await this.resolveUnit(t);
        if (t.status.state === 'polling') await this.poll(t);
        if (t.status.failuresInARow > 0) this.deps.log.info({ datastream: t.target.datastreamId }, `SensorThings Datastream ${t.key}: polling again after ${t.status.failuresInARow} failure(s)`);
        t.status.failuresInARow = 0;
        t.dueAt = 0;
      } catch (err) {
        if (this.stopped) return;
        this.fail(t, err);
        if (err instanceof FrostError && err.failure === 'unreachable') return;
      }
    }
  }

  /** Reads the Datastream's unit and the factor into the measure's; refuses the map line where there is none. */
  private async resolveUnit(t: Tracked): Promise<void> {
    const { target } = t;
    const datastream = await this.client.datastream(target.datastreamId, this.abort.signal);
    if (datastream === null) return this.refuse(t, `the server has no Datastream ${t.key} (HTTP 404)`);
    t.status.name = datastream.name ?? null;
    const label = `Datastream ${t.key}${datastream.name ? ` ("${datastream.name}")` : ''}`;
    let unit: string;
    let from: string;
    if (target.unit !== undefined) {
      unit = target.unit;
      from = 'the map';
    } else {
      const read = datastreamUnit(datastream.unitOfMeasurement as UnitOfMeasurement | undefined);
      if ('error' in read) return this.refuse(t, `${label}: ${read.error}`);
      ({ unit, from } = read);
    }
    t.status.unit = unit;
    const factor = factorInto(target.spec, unit);
    if (factor === undefined) {
      const takes = target.spec.units.map((u) => u.unit || '(no unit)').join(', ');
      return this.refuse(t, `${label} reports in ${unit || '(no unit)'} (${from}), which ${target.kind} ${target.measure} does not take: it takes ${takes}`);
    }
    t.status.factor = factor;
    t.status.state = 'polling';
    this.deps.log.info({ datastream: target.datastreamId, line: target.at }, `SensorThings ${label} → ${target.kind} ${target.assetId} ${target.measure}, in ${unit || '(no unit)'} (${from}) × ${factor}`);
  }

  private refuse(t: Tracked, message: string): void {
    t.status.state = 'refused';
    t.lastError = { at: this.deps.now(), message: `${t.target.at}: ${message}` };
    this.deps.log.error({ datastream: t.target.datastreamId, line: t.target.at }, `SensorThings map line refused: ${t.lastError.message}`);
  }

  /** Reads the Observations after the cursor, page by page, each page through the gate before the cursor moves past it. */
  private async poll(t: Tracked): Promise<void> {
    const { target } = t;
    const factor = t.status.factor!;
    let pages = 0;
    for await (const page of this.client.observationPages(target.datastreamId, t.cursor, this.abort.signal)) {
      t.lastPollAt = this.deps.now();
      // The server's "gt" on an interval may mean "ends after": what starts at or before the cursor was read already.
      const read = page.map((o) => observationReading(o, target, factor)).filter((r) => r.time === undefined || r.time.start > t.cursor);
      if (read.length > 0) {
        const verdict = await this.deps.readings.accept(
          read.map((r) => r.reading),
          SENSORTHINGS_SOURCE,
        );
        t.status.observations += read.length;
        t.status.accepted += verdict.accepted;
        t.status.duplicates += verdict.duplicates;
        t.status.rejected += verdict.rejected.length;
        if (verdict.rejected.length > 0) t.status.lastRejection = verdict.rejected[verdict.rejected.length - 1].reason;
        const newest = Math.max(...read.map((r) => r.time?.start ?? -Infinity));
        if (newest > t.cursor) {
          t.cursor = newest;
          await this.deps.cursors.save(this.server, t.key, newest, this.deps.now());
        }
      }
      pages += 1;
      if (pages >= MAX_PAGES_PER_POLL) break;
    }
  }

  private fail(t: Tracked, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.failures += 1;
    t.status.failures += 1;
    t.status.failuresInARow += 1;
    t.lastError = { at: this.deps.now(), message };
    const backoff = Math.min(this.deps.everyMs * 2 ** (t.status.failuresInARow - 1), Math.max(this.deps.everyMs, MAX_BACKOFF_MS));
    t.dueAt = this.deps.now() + backoff;
    this.deps.log.warn(
      { datastream: t.target.datastreamId, failuresInARow: t.status.failuresInARow, retryInS: Math.round(backoff / 1000), ...(err instanceof FrostError ? {} : { err }) },
      `SensorThings Datastream ${t.key}: ${message}`,
    );
  }
}
