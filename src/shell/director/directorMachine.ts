/**
 * Director mode for an unattended wall: a carousel that moves focus through the dimensions every
 * `intervalMs`. It yields while the alarm spotlight shows (`hold` / `release`), stops when an
 * operator pauses it (until resumed), and steps aside for `idleResumeMs` when an operator drills
 * into an indicator by hand, then carries on.
 *
 * Pure: a state and an event in, the next state and the dimension to focus (if any) out. Time is an
 * input; `dueAt` is when the one timer the caller keeps should fire a `timer` event.
 */
export interface DirectorConfig {
  /** How many things to cycle through (the five dimensions). */
  count: number;
  intervalMs: number;
  /** How long a hand-made drill-down keeps the carousel away. */
  idleResumeMs: number;
}

export const DIRECTOR_DEFAULTS: Omit<DirectorConfig, 'count'> = { intervalMs: 15_000, idleResumeMs: 120_000 };

export type DirectorMode = 'running' | 'paused';

export interface DirectorState {
  mode: DirectorMode;
  /** Why it is paused: an operator's explicit pause stays until resumed; a hand-made drill-down times out. */
  pausedBy: 'operator' | 'interaction' | null;
  /** True while the alarm spotlight is showing. */
  held: boolean;
  /** Focused index, -1 before the first focus. */
  index: number;
  /** When the caller's timer should fire next (epoch ms), or null for no timer. */
  dueAt: number | null;
}

export type DirectorEvent =
  | { type: 'start'; now: number; enabled: boolean }
  | { type: 'timer'; now: number }
  | { type: 'toggle'; now: number }
  | { type: 'interact'; now: number }
  | { type: 'hold' }
  | { type: 'release'; now: number };

export interface DirectorStep {
  state: DirectorState;
  /** The index to focus now, or null to leave focus where it is. */
  focus: number | null;
}

export const INITIAL_DIRECTOR: DirectorState = { mode: 'paused', pausedBy: 'operator', held: false, index: -1, dueAt: null };

export function directorStep(s: DirectorState, e: DirectorEvent, cfg: DirectorConfig): DirectorStep {
  const advance = (now: number, base: DirectorState): DirectorStep => {
    const index = (base.index + 1) % cfg.count;
    return { state: { ...base, mode: 'running', pausedBy: null, index, dueAt: base.held ? null : now + cfg.intervalMs }, focus: index };
  };
  const same = (state: DirectorState): DirectorStep => ({ state, focus: null });

  switch (e.type) {
    case 'start':
      return e.enabled ? advance(e.now, { ...s, index: -1 }) : same({ ...s, mode: 'paused', pausedBy: 'operator', dueAt: null });
    case 'timer':
      if (s.dueAt === null || e.now < s.dueAt) return same(s);
      if (s.mode === 'paused' && s.pausedBy === 'interaction') {
        // Back from a hand-made drill-down: carry on, but not over a spotlight.
        return s.held ? same({ ...s, mode: 'running', pausedBy: null, dueAt: null }) : advance(e.now, s);
      }
      return s.mode === 'running' && !s.held ? advance(e.now, s) : same({ ...s, dueAt: null });
    case 'toggle':
      if (s.mode === 'running') return same({ ...s, mode: 'paused', pausedBy: 'operator', dueAt: null });
      return s.held ? same({ ...s, mode: 'running', pausedBy: null, dueAt: null }) : advance(e.now, s);
    case 'interact':
      if (s.mode === 'paused' && s.pausedBy === 'operator') return same(s);
      return same({ ...s, mode: 'paused', pausedBy: 'interaction', dueAt: e.now + cfg.idleResumeMs });
    case 'hold':
      if (s.held) return same(s);
      return same({ ...s, held: true, dueAt: s.mode === 'running' ? null : s.dueAt });
    case 'release':
      if (!s.held) return same(s);
      return same({ ...s, held: false, dueAt: s.mode === 'running' ? e.now + cfg.intervalMs : s.dueAt });
  }
}
