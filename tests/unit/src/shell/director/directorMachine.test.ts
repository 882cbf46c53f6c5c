import { describe, expect, it } from 'vitest';
import { directorStep, INITIAL_DIRECTOR, type DirectorEvent, type DirectorState } from '@/shell/director/directorMachine';

const cfg = { count: 5, intervalMs: 15_000, idleResumeMs: 120_000 };

/** Runs events in order and collects the focuses. */
function run(events: DirectorEvent[], from: DirectorState = INITIAL_DIRECTOR) {
  let state = from;
  const focus: number[] = [];
  for (const e of events) {
    const step = directorStep(state, e, cfg);
    state = step.state;
    if (step.focus !== null) focus.push(step.focus);
  }
  return { state, focus };
}

describe('director state machine', () => {
  it('starts on the first dimension and moves on every interval, round and round', () => {
    const events: DirectorEvent[] = [{ type: 'start', now: 0, enabled: true }];
    for (let k = 1; k <= 6; k++) events.push({ type: 'timer', now: k * 15_000 });
    const { state, focus } = run(events);
    expect(focus).toEqual([0, 1, 2, 3, 4, 0, 1]);
    expect(state).toMatchObject({ mode: 'running', index: 1, dueAt: 7 * 15_000 });
  });

  it('ignores a timer that fires early or with nothing due', () => {
    const { state, focus } = run([{ type: 'start', now: 0, enabled: true }, { type: 'timer', now: 1000 }]);
    expect(focus).toEqual([0]);
    expect(state.dueAt).toBe(15_000);
    expect(run([{ type: 'timer', now: 99_000 }]).focus).toEqual([]);
  });

  it('stays off when started disabled, until an operator resumes it', () => {
    const off = run([{ type: 'start', now: 0, enabled: false }]);
    expect(off.focus).toEqual([]);
    expect(off.state).toMatchObject({ mode: 'paused', pausedBy: 'operator', dueAt: null });
    const on = run([{ type: 'toggle', now: 5000 }], off.state);
    expect(on.focus).toEqual([0]);
    expect(on.state).toMatchObject({ mode: 'running', dueAt: 20_000 });
  });

  it('pauses on the operator’s toggle and resumes with the next dimension', () => {
    const { state, focus } = run([
      { type: 'start', now: 0, enabled: true },
      { type: 'toggle', now: 5000 },
      { type: 'timer', now: 15_000 },
      { type: 'interact', now: 16_000 },
      { type: 'timer', now: 200_000 },
      { type: 'toggle', now: 300_000 },
    ]);
    // A hand-made drill-down does not turn an operator's pause into a timed one.
    expect(focus).toEqual([0, 1]);
    expect(state).toMatchObject({ mode: 'running', index: 1, dueAt: 315_000 });
  });

  it('yields to the alarm spotlight and carries on an interval after it', () => {
    const { state, focus } = run([
      { type: 'start', now: 0, enabled: true },
      { type: 'hold' },
      { type: 'timer', now: 15_000 },
      { type: 'timer', now: 30_000 },
      { type: 'release', now: 40_000 },
    ]);
    expect(focus).toEqual([0]);
    expect(state).toMatchObject({ held: false, mode: 'running', dueAt: 55_000 });
    expect(run([{ type: 'timer', now: 55_000 }], state).focus).toEqual([1]);
  });

  it('steps aside after a hand-made drill-down and comes back after the idle time', () => {
    const a = run([
      { type: 'start', now: 0, enabled: true },
      { type: 'interact', now: 5000 },
      { type: 'timer', now: 15_000 },
    ]);
    expect(a.focus).toEqual([0]);
    expect(a.state).toMatchObject({ mode: 'paused', pausedBy: 'interaction', dueAt: 125_000 });
    const b = run([{ type: 'interact', now: 60_000 }, { type: 'timer', now: 125_000 }, { type: 'timer', now: 180_000 }], a.state);
    expect(b.focus).toEqual([1]);
    expect(b.state).toMatchObject({ mode: 'running', dueAt: 195_000 });
  });

  it('comes back from a drill-down during a spotlight without moving, then carries on after it', () => {
    const { state, focus } = run([
      { type: 'start', now: 0, enabled: true },
      { type: 'interact', now: 1000 },
      { type: 'hold' },
      { type: 'timer', now: 121_000 },
    ]);
    expect(focus).toEqual([0]);
    expect(state).toMatchObject({ mode: 'running', held: true, dueAt: null });
    expect(run([{ type: 'release', now: 130_000 }], state).state.dueAt).toBe(145_000);
  });

  it('a resume during a spotlight waits for the spotlight to go', () => {
    const { state, focus } = run([{ type: 'start', now: 0, enabled: false }, { type: 'hold' }, { type: 'toggle', now: 1000 }]);
    expect(focus).toEqual([]);
    expect(state).toMatchObject({ mode: 'running', held: true, dueAt: null });
  });

  it('returns the same state for events that change nothing', () => {
    const s = run([{ type: 'start', now: 0, enabled: true }, { type: 'hold' }]).state;
    expect(directorStep(s, { type: 'hold' }, cfg).state).toBe(s);
    const r = run([{ type: 'release', now: 1 }], s).state;
    expect(directorStep(r, { type: 'release', now: 2 }, cfg).state).toBe(r);
  });
});
