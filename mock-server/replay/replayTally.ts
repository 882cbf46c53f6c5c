/**
 * What a replay sent and what became of it: the server's verdicts summed over every send, refusals
 * grouped by reason, and the closing lines the CLI prints.
 */
import type { IngestVerdict } from '../ingest/incomingReading';

/** A group of refusals whose reasons differ only in numbers and times; `example` is the first. */
export interface RefusalGroup {
  example: string;
  count: number;
}

export interface ReplayTally {
  sent: number;
  sends: number;
  accepted: number;
  duplicates: number;
  refused: number;
  refusals: Map<string, RefusalGroup>;
  /** Sends answered with per-reading verdicts (HTTP); MQTT's broker only acknowledges receipt. */
  verdicts: boolean;
}

export function newTally(verdicts: boolean): ReplayTally {
  return { sent: 0, sends: 0, accepted: 0, duplicates: 0, refused: 0, refusals: new Map(), verdicts };
}

const ISO_TIME = /\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)?/g;

/**
 * The group a refusal belongs to: its text with times and numbers outside quotes blanked, so
 * "measured 7 min in the future (…)" and "measured 9 min in the future (…)" count together while
 * "no underpass with id "UP-0042"" stays apart from "UP-0043" (a quoted id names what to fix).
 */
export function refusalGroup(reason: string): string {
  return reason
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(ISO_TIME, '…').replace(/\d+(\.\d+)?/g, '#')))
    .join('');
}

/** Adds one send of `sent` readings and, over HTTP, the server's verdict on them. */
export function addSend(tally: ReplayTally, sent: number, verdict?: IngestVerdict): void {
  tally.sent += sent;
  tally.sends++;
  if (!verdict) return;
  tally.accepted += verdict.accepted;
  tally.duplicates += verdict.duplicates;
  tally.refused += verdict.rejected.length;
  for (const { reason } of verdict.rejected) {
    const key = refusalGroup(reason);
    const group = tally.refusals.get(key);
    if (group) group.count++;
    else tally.refusals.set(key, { example: reason, count: 1 });
  }
}

const n = (x: number) => x.toLocaleString('en-US');

/** The most refusal groups and unmapped sensors listed by name; the rest are summed on one line. */
export const LISTED = 10;

/** Skipped readings: by reason (the reader's, unmapped sensors, outside the window). */
export interface SkippedCounts {
  reader: ReadonlyMap<string, number>;
  unmapped: ReadonlyMap<string, number>;
  outsideWindow: number;
}

function listed(entries: [string, number][], label: (name: string, count: number) => string): string[] {
  const sorted = entries.sort((a, b) => b[1] - a[1]);
  const lines = sorted.slice(0, LISTED).map(([name, count]) => `      ${label(name, count)}`);
  const rest = sorted.slice(LISTED);
  if (rest.length > 0) lines.push(`      … and ${rest.length} more (${n(rest.reduce((s, [, c]) => s + c, 0))} readings)`);
  return lines;
}

/** The closing count: sent, then (HTTP) accepted, duplicates and refused with reasons, then what was skipped. */
export function summaryLines(tally: ReplayTally, skipped: SkippedCounts): string[] {
  const lines = [`sent        ${n(tally.sent)} readings in ${n(tally.sends)} ${tally.verdicts ? 'requests' : 'batches of MQTT messages'}`];
  if (tally.verdicts) {
    lines.push(`accepted    ${n(tally.accepted)}`, `duplicates  ${n(tally.duplicates)}`, `refused     ${n(tally.refused)}`);
    lines.push(...listed([...tally.refusals.values()].map((g) => [g.example, g.count]), (reason, count) => `${n(count)} × ${reason}`));
  } else {
    lines.push('            (acknowledged by the broker; MQTT carries no verdict back: the server counts accepted, duplicate and refused per integration on GET /api/health)');
  }
  const unmappedTotal = [...skipped.unmapped.values()].reduce((s, c) => s + c, 0);
  if (unmappedTotal > 0) {
    lines.push(`unmapped    ${n(unmappedTotal)} readings of ${n(skipped.unmapped.size)} series the map does not name, skipped`);
    lines.push(...listed([...skipped.unmapped], (name, count) => `${name}: ${n(count)}`));
  }
  if (skipped.outsideWindow > 0) lines.push(`outside     ${n(skipped.outsideWindow)} readings outside --from/--until, skipped`);
  const unreadable = [...skipped.reader.values()].reduce((s, c) => s + c, 0);
  if (unreadable > 0) {
    lines.push(`unreadable  ${n(unreadable)} values in the recording, skipped`);
    lines.push(...listed([...skipped.reader], (reason, count) => `${n(count)} × ${reason}`));
  }
  return lines;
}
