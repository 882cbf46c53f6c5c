/**
 * The one way readings from outside enter the city. Every ingest path (HTTP, MQTT, SensorThings,
 * replay) parses its own payload into ParsedReading entries and hands the batch here; the gate checks
 * each against the catalogue and the clock, keeps the good ones durably (a repeat of the same asset,
 * measure and time is a duplicate, counted and applied once), answers per entry, and queues what it
 * kept for the next tick, which runs the rules on each reading's own time (cityTick.ts, ingestStep).
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { ChannelId } from '../../src/protocol/channels';
import type { ReadingStore, StoredReading } from '../storage/stores';
import { isAssetKind, type AssetLookup } from './assetLookup';
import type { IngestVerdict, ParsedReading, ReadingSink, RejectedReading } from './incomingReading';
import { INGEST_MEASURES, measureOf } from './ingestChannels';

/** A reading more than this far ahead of the city's clock is refused (a gateway with a wrong clock). */
export const FUTURE_LIMIT_MS = 5 * 60_000;
/** A reading this far behind the city's clock when it arrives is late: what it changes is marked so. */
export const LATE_AFTER_MS = 2 * 60_000;
/** Readings are kept this long after they arrive (alarm history and the minute records outlive them). */
export const READINGS_RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 3_600_000;
/** Times before this are taken for a unit mistake (seconds sent as milliseconds). */
const EARLIEST_MS = Date.UTC(2000, 0, 1);

/** A reading the gate kept, resolved to the city's channel and slot, waiting for the next tick. */
export interface AcceptedReading {
  kind: AssetKind;
  channel: ChannelId;
  slot: number;
  tMs: number;
  v: number;
  /** It arrived more than LATE_AFTER_MS after it was measured. */
  late: boolean;
}

/** Counts since start, per integration, for the health route. */
export interface IngestCounts {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Newest arrival, epoch ms (wall clock); null before the first. */
  lastAt: number | null;
}

export interface IngestGateDeps {
  lookup: AssetLookup;
  store: ReadingStore;
  /** The city's clock (source time, epoch ms). */
  cityNow: () => number;
  /**
   * Wall clock: when a reading was received. "In the future" and "late" are judged against the later
   * of the two clocks: real sensors keep real time, and a simulated clock that fell a few ticks behind
   * must not make them look early.
   */
  wallNow: () => number;
  /** Where kept readings go: the pipeline's queue for its next tick. */
  deliver: (readings: AcceptedReading[]) => void;
}

export class IngestGate implements ReadingSink {
  private readonly counts = new Map<string, IngestCounts>();
  private prunedAt = -Infinity;

  constructor(private readonly deps: IngestGateDeps) {}

  async accept(batch: readonly ParsedReading[], source: string): Promise<IngestVerdict> {
    const now = Math.max(this.deps.cityNow(), this.deps.wallNow());
    const rejected: RejectedReading[] = [];
    const rows: StoredReading[] = [];
    const resolved: AcceptedReading[] = [];
    batch.forEach((entry, index) => {
      const checked = this.check(entry, now);
      if (typeof checked === 'string') rejected.push({ index, reason: checked });
      else {
        rows.push(checked.row);
        resolved.push(checked.reading);
      }
    });
    const receivedAt = this.deps.wallNow();
    const fresh = await this.deps.store.keepNew(rows, source, receivedAt);
    const kept = resolved.filter((_, i) => fresh[i]);
    if (kept.length > 0) this.deps.deliver(kept);
    if (receivedAt - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = receivedAt;
      // Kept readings are already on their way: a failed prune must not fail their answer (a retry
      // would find them duplicates and they would never reach the city). The next hour tries again.
      await this.deps.store.prune(receivedAt - READINGS_RETENTION_DAYS * 86_400_000).catch(() => undefined);
    }
    const verdict: IngestVerdict = { accepted: kept.length, duplicates: rows.length - kept.length, rejected };
    this.count(source, verdict);
    return verdict;
  }

  /** Counts per integration since start. */
  status(): Record<string, IngestCounts> {
    return Object.fromEntries(this.counts);
  }

  private check(entry: ParsedReading, now: number): { row: StoredReading; reading: AcceptedReading } | string {
    if ('error' in entry) return entry.error;
    const { kind, assetId, tMs, v } = entry;
    if (!isAssetKind(kind)) return `unknown asset kind "${kind}"`;
    if (!INGEST_MEASURES[kind]) return `${kind} takes no readings from outside`;
    const measure = measureOf(kind, entry.measure);
    if (!measure) return `${kind} has no measure "${entry.measure}": one of ${Object.keys(INGEST_MEASURES[kind]!).join(', ')}`;
    const slot = this.deps.lookup(kind, assetId);
    if (slot === undefined) return `no ${kind} with id "${assetId}" in the registry`;
    if (!Number.isFinite(tMs)) return 'the time is not a valid time';
    if (tMs < EARLIEST_MS) return `measured before 2000 (${new Date(tMs).toISOString()}): is the time in seconds where milliseconds were meant?`;
    if (tMs > now + FUTURE_LIMIT_MS) {
      const ahead = Math.round((tMs - now) / 60_000);
      return `measured ${ahead} min in the future (${new Date(tMs).toISOString()}; the server's clock reads ${new Date(now).toISOString()}): readings more than 5 minutes ahead are refused`;
    }
    if (!Number.isFinite(v)) return 'the value is not a finite number';
    const { states } = measure.spec;
    if (states && !(Number.isInteger(v) && v >= 0 && v < states.length)) return `${measure.name} is a state: a code 0–${states.length - 1} (${states.join(', ')})`;
    return {
      row: { kind, assetId, measure: measure.name, t: tMs, v },
      reading: { kind, channel: measure.spec.channel, slot, tMs, v, late: tMs < now - LATE_AFTER_MS },
    };
  }

  private count(source: string, verdict: IngestVerdict): void {
    const counts = this.counts.get(source) ?? { accepted: 0, duplicates: 0, rejected: 0, lastAt: null };
    counts.accepted += verdict.accepted;
    counts.duplicates += verdict.duplicates;
    counts.rejected += verdict.rejected.length;
    counts.lastAt = this.deps.wallNow();
    this.counts.set(source, counts);
  }
}
