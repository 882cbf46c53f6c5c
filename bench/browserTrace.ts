/**
 * Main-thread tasks from a Chromium trace, by CPU time. A long animation frame's duration is wall
 * time: on this 2-core machine the software rasteriser (SwiftShader, in the GPU process) takes a
 * core, so a 20 ms task that is descheduled half-way reads as a 60 ms long frame. The trace's
 * `RunTask` events carry the thread's own CPU time (`tdur`) too, so a task counted here as long
 * did ≥ 50 ms of work on the page's main thread itself. Both counts are reported; the gap between
 * them is the machine, not the page.
 */

/** The fields of a Chrome trace event this reads (times in µs). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface TaskSummary {
  tasks: number;
  /** Tasks with at least `minCpuMs` of main-thread CPU time. */
  longByCpu: number;
  /** Of those, the ones in which a script of the page's own bundle ran. */
  longByCpuApp: number;
  /** Tasks at least `minCpuMs` long in wall time (whatever the CPU did meanwhile). */
  longByWall: number;
  maxCpuMs: number;
  cpuMsTotal: number;
}

/** The page's main thread: the renderer main thread that ran the most task time. */
function mainThreadOf(events: readonly TraceEvent[]): string | null {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'RunTask' && e.ph === 'X' && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  return [...busy].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function summarizeTasks(events: readonly TraceEvent[], isAppScript: (url: string) => boolean, minCpuMs = 50): TaskSummary {
  const main = mainThreadOf(events);
  const summary: TaskSummary = { tasks: 0, longByCpu: 0, longByCpuApp: 0, longByWall: 0, maxCpuMs: 0, cpuMsTotal: 0 };
  if (!main) return summary;
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const calls = onMain.filter((e) => e.name === 'FunctionCall' && e.args?.data?.url && isAppScript(e.args.data.url));
  let c = 0;
  for (const task of tasks) {
    const cpuMs = (task.tdur ?? task.dur ?? 0) / 1000;
    const end = task.ts + (task.dur ?? 0);
    summary.tasks++;
    summary.cpuMsTotal += cpuMs;
    summary.maxCpuMs = Math.max(summary.maxCpuMs, cpuMs);
    if ((task.dur ?? 0) / 1000 >= minCpuMs) summary.longByWall++;
    while (c < calls.length && calls[c].ts < task.ts) c++;
    if (cpuMs < minCpuMs) continue;
    summary.longByCpu++;
    if (c < calls.length && calls[c].ts <= end) summary.longByCpuApp++;
  }
  return summary;
}

export interface CallSummary {
  count: number;
  cpuMsTotal: number;
  maxCpuMs: number;
}

/**
 * Top-level script calls into some scripts on the page's main thread: with the chart library's
 * chunks, each is one chart's render frame (ECharts draws from its own animation-frame callback).
 */
export function summarizeCalls(events: readonly TraceEvent[], matches: (url: string) => boolean): CallSummary {
  const main = mainThreadOf(events);
  const out: CallSummary = { count: 0, cpuMsTotal: 0, maxCpuMs: 0 };
  for (const e of events) {
    if (e.name !== 'FunctionCall' || e.ph !== 'X' || `${e.pid}:${e.tid}` !== main || !matches(e.args?.data?.url ?? '')) continue;
    const ms = (e.tdur ?? e.dur ?? 0) / 1000;
    out.count++;
    out.cpuMsTotal += ms;
    out.maxCpuMs = Math.max(out.maxCpuMs, ms);
  }
  return out;
}

export const NO_TASKS: TaskSummary = { tasks: 0, longByCpu: 0, longByCpuApp: 0, longByWall: 0, maxCpuMs: 0, cpuMsTotal: 0 };
export const NO_CALLS: CallSummary = { count: 0, cpuMsTotal: 0, maxCpuMs: 0 };

/** Two traced stretches of one window as one (a long window is traced in pieces: one trace would not fit in a string). */
export function mergeTasks(a: TaskSummary, b: TaskSummary): TaskSummary {
  return {
    tasks: a.tasks + b.tasks,
    longByCpu: a.longByCpu + b.longByCpu,
    longByCpuApp: a.longByCpuApp + b.longByCpuApp,
    longByWall: a.longByWall + b.longByWall,
    maxCpuMs: Math.max(a.maxCpuMs, b.maxCpuMs),
    cpuMsTotal: a.cpuMsTotal + b.cpuMsTotal,
  };
}

export function mergeCalls(a: CallSummary, b: CallSummary): CallSummary {
  return { count: a.count + b.count, cpuMsTotal: a.cpuMsTotal + b.cpuMsTotal, maxCpuMs: Math.max(a.maxCpuMs, b.maxCpuMs) };
}
