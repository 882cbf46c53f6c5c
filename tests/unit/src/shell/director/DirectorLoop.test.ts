import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DirectorLoop } from '@/shell/director/DirectorLoop';

const cfg = { count: 5, intervalMs: 15_000, idleResumeMs: 120_000 };

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('director loop', () => {
  it('cycles focus on a single timer for hours without piling up timers or state', () => {
    const focus: number[] = [];
    const states: unknown[] = [];
    const loop = new DirectorLoop({ ...cfg, onFocus: (i) => focus.push(i), onState: (s) => states.push(s) });
    loop.start(true);
    expect(focus).toEqual([0]);
    for (let k = 0; k < 4 * 240; k++) {
      vi.advanceTimersByTime(15_000);
      expect(vi.getTimerCount()).toBe(1);
    }
    // Four hours: 960 steps after the first focus, round the five dimensions.
    expect(focus).toHaveLength(961);
    expect(focus.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 0, 1]);
    expect(loop.current.index).toBe(960 % 5);
    loop.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds for a spotlight, pauses and resumes, and stops for good when disposed', () => {
    const focus: number[] = [];
    const loop = new DirectorLoop({ ...cfg, onFocus: (i) => focus.push(i) });
    loop.start(true);
    loop.send({ type: 'hold' });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(focus).toEqual([0]);
    loop.send({ type: 'release' });
    vi.advanceTimersByTime(15_000);
    expect(focus).toEqual([0, 1]);
    loop.send({ type: 'toggle' });
    expect(loop.current.mode).toBe('paused');
    vi.advanceTimersByTime(60_000);
    expect(focus).toEqual([0, 1]);
    loop.send({ type: 'toggle' });
    expect(focus).toEqual([0, 1, 2]);
    loop.send({ type: 'interact' });
    vi.advanceTimersByTime(119_000);
    expect(focus).toEqual([0, 1, 2]);
    vi.advanceTimersByTime(1000);
    expect(focus).toEqual([0, 1, 2, 3]);
    loop.dispose();
    loop.send({ type: 'toggle' });
    vi.advanceTimersByTime(100_000);
    expect(focus).toEqual([0, 1, 2, 3]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing on its own when started disabled', () => {
    const focus: number[] = [];
    const loop = new DirectorLoop({ ...cfg, onFocus: (i) => focus.push(i) });
    loop.start(false);
    vi.advanceTimersByTime(100_000);
    expect(focus).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    loop.dispose();
  });
});
