import { describe, expect, it } from 'vitest';
import { mergeCalls, mergeTasks, NO_CALLS, NO_TASKS, summarizeCalls, summarizeTasks, type TraceEvent } from '../../../bench/browserTrace';

const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const task = (ts: number, durMs: number, cpuMs: number, tid = 1): TraceEvent => ({ name: 'RunTask', ph: 'X', pid: 10, tid, ts, dur: durMs * 1000, tdur: cpuMs * 1000 });
const call = (ts: number, url: string, tid = 1): TraceEvent => ({ name: 'FunctionCall', ph: 'X', pid: 10, tid, ts, dur: 100, args: { data: { url } } });
const isApp = (url: string) => url.includes('/assets/');

describe('main-thread tasks from a trace', () => {
  it('counts long tasks by the thread’s own CPU time, and which of them ran the page’s scripts', () => {
    const events: TraceEvent[] = [
      thread(10, 1, 'CrRendererMain'),
      thread(10, 2, 'Compositor'),
      // 80 ms of wall time, 20 ms of CPU: descheduled, not long by the page's own work.
      task(0, 80, 20),
      call(1_000, 'http://h/assets/index.js'),
      // 70 ms of CPU running our bundle.
      task(100_000, 75, 70),
      call(101_000, 'http://h/assets/index.js'),
      // 60 ms of CPU in a foreign script only.
      task(200_000, 60, 60),
      call(201_000, 'http://h/vendor/x.js'),
      // Short.
      task(300_000, 5, 5),
      // Another thread's long task is not the page's.
      task(0, 500, 500, 2),
    ];
    expect(summarizeTasks(events, isApp)).toEqual({ tasks: 4, longByCpu: 2, longByCpuApp: 1, longByWall: 3, maxCpuMs: 70, cpuMsTotal: 155 });
  });

  it('reads an empty or foreign trace as no tasks', () => {
    expect(summarizeTasks([], isApp).tasks).toBe(0);
    expect(summarizeTasks([task(0, 90, 90)], isApp).tasks).toBe(0);
  });
});

describe('script calls from a trace', () => {
  it('adds up the calls into the matching scripts on the main thread', () => {
    const chart = (ts: number, cpuMs: number, tid = 1): TraceEvent => ({ name: 'FunctionCall', ph: 'X', pid: 10, tid, ts, dur: cpuMs * 1000 + 10, tdur: cpuMs * 1000, args: { data: { url: 'http://h/assets/EChart-x.js' } } });
    const events = [thread(10, 1, 'CrRendererMain'), task(0, 100, 100), chart(10, 4), chart(500, 9), call(900, 'http://h/assets/index.js'), chart(10, 50, 2)];
    expect(summarizeCalls(events, (url) => url.includes('EChart'))).toEqual({ count: 2, cpuMsTotal: 13, maxCpuMs: 9 });
  });
});

describe('a window traced in pieces', () => {
  it('adds the pieces up, keeping the longest', () => {
    const a = { tasks: 3, longByCpu: 1, longByCpuApp: 1, longByWall: 2, maxCpuMs: 60, cpuMsTotal: 90 };
    const b = { tasks: 2, longByCpu: 0, longByCpuApp: 0, longByWall: 1, maxCpuMs: 40, cpuMsTotal: 50 };
    expect(mergeTasks(mergeTasks(NO_TASKS, a), b)).toEqual({ tasks: 5, longByCpu: 1, longByCpuApp: 1, longByWall: 3, maxCpuMs: 60, cpuMsTotal: 140 });
    expect(mergeCalls(mergeCalls(NO_CALLS, { count: 2, cpuMsTotal: 8, maxCpuMs: 5 }), { count: 1, cpuMsTotal: 7, maxCpuMs: 7 })).toEqual({ count: 3, cpuMsTotal: 15, maxCpuMs: 7 });
  });
});
