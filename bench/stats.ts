/** Small pure helpers shared by the bench sections: percentiles and summaries of samples. */
import type { WireDelta } from '../src/protocol/events';

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..1) of ascending-sorted samples; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const list = Array.from(sorted);
  let sum = 0;
  for (const v of list) sum += v;
  return {
    count: list.length,
    mean: list.length ? sum / list.length : NaN,
    p50: percentile(list, 0.5),
    p95: percentile(list, 0.95),
    p99: percentile(list, 0.99),
    max: list.length ? list[list.length - 1] : NaN,
  };
}

/** CPU time (user + system, µs from `process.cpuUsage`) over a wall-clock span, as % of one core. */
export function cpuPercentOfCore(cpuMicros: number, wallMs: number): number {
  return wallMs > 0 ? (cpuMicros / 1000 / wallMs) * 100 : NaN;
}

export const fmt = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * Bytes a `readings:delta` frame takes on the wire, roughly: the binary attachment plus the JSON of
 * the socket.io packet around it (`451-["readings:delta",{…}]`, the attachment as a placeholder).
 */
export function frameBytes(delta: WireDelta): number {
  const binary = delta.channels ? delta.channels.byteLength : 0;
  const body = { ...delta, channels: delta.channels ? { _placeholder: true, num: 0 } : null };
  return binary + 4 + JSON.stringify(['readings:delta', body]).length;
}
