/**
 * Pure summaries of what the browser bench reads out of a page: `cityops:*` measures grouped into
 * updates, long animation frames split by whose script ran, and per-frame latency records.
 */
import type { FrameLatency } from '../src/shared/benchTiming';
import { summarize, type Summary } from './stats';

export interface Measure {
  name: string;
  start: number;
  duration: number;
  /** What the page attached (`deck:layers`: the layers deck.gl updated and held). */
  detail?: unknown;
}

/**
 * Measures that open an update: the app's `decode` (its layer rebuild and setProps follow in the same
 * task), a baseline's `update` (which wraps the whole handler).
 */
export const UPDATE_ANCHORS: readonly string[] = ['decode', 'update'];

/** Measures not nested inside another one (nested ones, like `layer:*` inside `layers`, are already counted). */
export function outermost(measures: readonly Measure[]): Measure[] {
  const sorted = [...measures].sort((a, b) => a.start - b.start || b.duration - a.duration);
  const out: Measure[] = [];
  let end = -Infinity;
  for (const m of sorted) {
    if (m.start + m.duration <= end) continue;
    out.push(m);
    end = Math.max(end, m.start + m.duration);
  }
  return out;
}

/**
 * Main-thread ms per update: each anchor measure plus the outermost measures after it, up to the
 * next anchor. Measures before the first anchor (an update cut by the window's start) are dropped.
 */
export function updateTotals(measures: readonly Measure[], anchors: readonly string[] = UPDATE_ANCHORS): number[] {
  const totals: number[] = [];
  for (const m of outermost(measures)) {
    if (anchors.includes(m.name)) totals.push(m.duration);
    else if (totals.length) totals[totals.length - 1] += m.duration;
  }
  return totals;
}

/**
 * Layers deck.gl updated per update (sublayers included; grouped like `updateTotals`), and the most
 * it held: counts that a busy machine does not skew, unlike the milliseconds.
 */
export function deckLayerUpdates(measures: readonly Measure[], anchors: readonly string[] = UPDATE_ANCHORS): { updated: number[]; held: number } {
  const updated: number[] = [];
  let held = 0;
  for (const m of [...measures].sort((a, b) => a.start - b.start)) {
    if (anchors.includes(m.name)) updated.push(0);
    const counts = m.name === 'deck:layers' ? (m.detail as { updated?: number; layers?: number } | undefined) : undefined;
    if (!counts) continue;
    held = Math.max(held, counts.layers ?? 0);
    if (updated.length) updated[updated.length - 1] += counts.updated ?? 0;
  }
  return { updated, held };
}

export interface StageTiming extends Summary {
  name: string;
}

export function stageTimings(measures: readonly Measure[]): StageTiming[] {
  const byName = new Map<string, number[]>();
  for (const m of measures) byName.set(m.name, [...(byName.get(m.name) ?? []), m.duration]);
  return [...byName].map(([name, values]) => ({ name, ...summarize(values) })).sort((a, b) => a.name.localeCompare(b.name));
}

export interface LoafScript {
  sourceURL: string;
  invoker: string;
  duration: number;
}

export interface LoafEntry {
  duration: number;
  /**
   * How long the frame kept the main thread from answering input: the part of each of its tasks
   * (rendering included) beyond 50 ms. 0 for a frame that was long only because its rendering was
   * delayed — waiting for a busy rasteriser or compositor — while the main thread was free.
   */
  blockingDuration: number;
  scripts: LoafScript[];
}

export interface InvokerTotal {
  invoker: string;
  count: number;
  ms: number;
}

export interface LoafSummary {
  /** Frames ≥ 50 ms that blocked the main thread, in which a script of the page's own bundle ran: the app's long tasks. */
  app: number;
  /** Blocking frames with no script of ours attributed (rendering, GC, a foreign script). */
  other: number;
  /** Every frame ≥ 50 ms, blocking or only delayed. */
  all: number;
  /** Script invokers by total time across the blocking frames, largest first. */
  invokers: InvokerTotal[];
}

/** Whether a script URL is the page's own bundle: same origin, under one of the bundle paths. */
export const isAppScript = (sourceURL: string, origin: string, bundlePaths: readonly string[]): boolean =>
  sourceURL.startsWith(origin) && bundlePaths.some((p) => sourceURL.startsWith(`${origin}${p}`));

export function summarizeLoafs(entries: readonly LoafEntry[], origin: string, bundlePaths: readonly string[], minMs = 50): LoafSummary {
  let app = 0;
  let other = 0;
  let all = 0;
  const invokers = new Map<string, InvokerTotal>();
  for (const e of entries) {
    if (e.duration < minMs) continue;
    all++;
    if (!(e.blockingDuration > 0)) continue;
    if (e.scripts.some((s) => isAppScript(s.sourceURL, origin, bundlePaths))) app++;
    else other++;
    for (const s of e.scripts) {
      const key = s.invoker || '(unknown)';
      const total = invokers.get(key) ?? { invoker: key, count: 0, ms: 0 };
      total.count++;
      total.ms += s.duration;
      invokers.set(key, total);
    }
  }
  return { app, other, all, invokers: sortInvokers(invokers.values()) };
}

const sortInvokers = (totals: Iterable<InvokerTotal>) => [...totals].sort((a, b) => b.ms - a.ms);

/** Several windows' LoAF summaries as one. */
export function mergeLoafs(summaries: readonly LoafSummary[]): LoafSummary {
  const invokers = new Map<string, InvokerTotal>();
  for (const s of summaries) {
    for (const i of s.invokers) {
      const total = invokers.get(i.invoker) ?? { invoker: i.invoker, count: 0, ms: 0 };
      invokers.set(i.invoker, { invoker: i.invoker, count: total.count + i.count, ms: total.ms + i.ms });
    }
  }
  const sum = (pick: (s: LoafSummary) => number) => summaries.reduce((n, s) => n + pick(s), 0);
  return { app: sum((s) => s.app), other: sum((s) => s.other), all: sum((s) => s.all), invokers: sortInvokers(invokers.values()) };
}

export interface LatencySummary {
  /** Frames drawn in the window. */
  count: number;
  receivedP50: number;
  appliedP50: number;
  drawn: Summary;
}

/** Emit → received / applied / drawn, ms, over the frames that made it all the way to the screen. */
export function summarizeLatency(records: readonly FrameLatency[]): LatencySummary {
  const done = records.filter((r) => r.appliedAt !== undefined && r.drawnAt !== undefined);
  return {
    count: done.length,
    receivedP50: summarize(done.map((r) => r.receivedAt - r.sentAt)).p50,
    appliedP50: summarize(done.map((r) => r.appliedAt! - r.sentAt)).p50,
    drawn: summarize(done.map((r) => r.drawnAt! - r.sentAt)),
  };
}

/** Gaps between consecutive animation-frame timestamps. */
export function intervals(timestamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < timestamps.length; i++) out.push(timestamps[i] - timestamps[i - 1]);
  return out;
}

/** The middle value (mean of the two middle ones for an even count), ignoring non-finite ones. */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
