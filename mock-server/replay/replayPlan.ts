/**
 * The replay's plan: each recorded reading mapped to its asset, converted to the measure's unit, and
 * given the time it will carry and the moment it is due to be sent.
 *
 * Recorded times keep their spacing (the rules' windows and rates of rise see the series as it
 * happened) and are shifted by one offset. At `speed` × real time a reading is due `(t − t0) / speed`
 * after the start; the offset puts the series where no reading is ever sent ahead of its time (the
 * server refuses readings over 5 minutes in the future): at speed 1 the first reading lands at now
 * and the series plays live; faster, the last reading lands at now when it is sent and the earlier
 * ones arrive behind their time, as a gateway's buffered readings would (the server marks them late);
 * `speed` 0 sends everything at once, the whole series ending at now.
 */
import { ReplayMapError, targetOf, type ReplayMap } from './replayMap';
import type { RecordedSeries } from './recordedReading';
import { conversionFactor } from './unitConversion';

export interface PlanOptions {
  /** × real time; 0: as fast as the server answers. */
  speed: number;
  /** Wall clock at the replay's start, epoch ms. */
  startMs: number;
  /** Only recorded readings at or after this time (epoch ms, recorded time). */
  fromMs?: number;
  /** Only recorded readings before this time (epoch ms, recorded time). */
  untilMs?: number;
}

/** A reading ready to send: our asset, the measure's unit, the shifted time. */
export interface OutgoingReading {
  kind: string;
  assetId: string;
  measure: string;
  /** The time it carries, epoch ms (recorded time + the plan's shift). */
  tMs: number;
  v: number;
  /** When it is due, ms after the replay's start. */
  dueMs: number;
  /** Its recorded time, epoch ms (for progress). */
  recordedMs: number;
}

export interface ReplayPlan {
  readings: OutgoingReading[];
  /** Readings of series the map does not name, by `sourceId parameter`. */
  unmapped: Map<string, number>;
  /** Readings outside `fromMs`..`untilMs`. */
  outsideWindow: number;
  /** Added to every recorded time, ms. */
  shiftMs: number;
}

/** Values are rounded to a thousandth of the measure's unit (a hundredth of a millimetre of depth). */
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Maps, converts and times a recorded series. Throws ReplayMapError when a mapped series' unit cannot be converted. */
export function planReplay(series: RecordedSeries, map: ReplayMap, options: PlanOptions): ReplayPlan {
  const { speed, startMs, fromMs = -Infinity, untilMs = Infinity } = options;
  const unmapped = new Map<string, number>();
  const problems = new Map<string, string>();
  let outsideWindow = 0;
  const mapped: Omit<OutgoingReading, 'tMs' | 'dueMs'>[] = [];
  for (const r of series.readings) {
    if (r.tMs < fromMs || r.tMs >= untilMs) {
      outsideWindow++;
      continue;
    }
    const target = targetOf(map, r);
    const name = r.parameter ? `${r.sourceId} ${r.parameter}` : r.sourceId;
    if (!target) {
      unmapped.set(name, (unmapped.get(name) ?? 0) + 1);
      continue;
    }
    const factor = conversionFactor(r.unit ?? target.unit, target.unit, target.accepted);
    if (factor === undefined) {
      problems.set(`${name} ${r.unit}`, `line ${target.line}: ${name} is recorded in "${r.unit}" and ${target.kind} ${target.measure} is reported in "${target.unit}": no conversion between them`);
      continue;
    }
    mapped.push({ kind: target.kind, assetId: target.assetId, measure: target.measure, v: round3(r.v * factor), recordedMs: r.tMs });
  }
  if (problems.size > 0) throw new ReplayMapError([...problems.values()]);
  if (mapped.length === 0) return { readings: [], unmapped, outsideWindow, shiftMs: 0 };
  const t0 = mapped[0].recordedMs;
  const span = mapped[mapped.length - 1].recordedMs - t0;
  const behind = speed === 0 ? 1 : Math.max(0, 1 - 1 / speed);
  const shiftMs = Math.round(startMs - t0 - span * behind);
  const readings = mapped.map((r) => ({ ...r, tMs: r.recordedMs + shiftMs, dueMs: speed === 0 ? 0 : (r.recordedMs - t0) / speed }));
  return { readings, unmapped, outsideWindow, shiftMs };
}

/** The body entry of `POST /api/ingest/readings` for a reading (docs/ingest.md). */
export function wireReading(r: OutgoingReading): { kind: string; id: string; measure: string; t: string; v: number } {
  return { kind: r.kind, id: r.assetId, measure: r.measure, t: new Date(r.tMs).toISOString(), v: r.v };
}

/** Limits of one send: entries, and bytes of the HTTP body (kept well under the server's limit). */
export interface BatchLimits {
  maxEntries: number;
  maxBytes: number;
}

/**
 * The end (exclusive) of the batch that starts at `from`: the readings due by `elapsedMs`, as many as
 * the limits hold; at least one, so a send always moves the replay on.
 */
export function batchEnd(readings: readonly OutgoingReading[], from: number, elapsedMs: number, limits: BatchLimits): number {
  let bytes = '{"readings":[]}'.length;
  let end = from;
  while (end < readings.length && readings[end].dueMs <= elapsedMs && end - from < limits.maxEntries) {
    bytes += JSON.stringify(wireReading(readings[end])).length + 1;
    if (bytes > limits.maxBytes && end > from) break;
    end++;
  }
  return Math.max(end, Math.min(from + 1, readings.length));
}
