/**
 * Runs the director state machine on a clock: keeps exactly one timer (for the state's `dueAt`),
 * reports each focus and each state change, and stops everything on `dispose`. Memory stays flat
 * however long the wall runs: one state object, one timer.
 */
import { directorStep, INITIAL_DIRECTOR, type DirectorConfig, type DirectorEvent, type DirectorState } from './directorMachine';

type EventWithoutTime = { type: 'toggle' } | { type: 'interact' } | { type: 'hold' } | { type: 'release' };

export interface DirectorLoopOptions extends DirectorConfig {
  onFocus: (index: number) => void;
  onState?: (state: DirectorState) => void;
  now?: () => number;
}

export class DirectorLoop {
  private state: DirectorState = INITIAL_DIRECTOR;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly now: () => number;

  constructor(private readonly options: DirectorLoopOptions) {
    this.now = options.now ?? Date.now;
  }

  get current(): DirectorState {
    return this.state;
  }

  start(enabled: boolean): void {
    this.dispatch({ type: 'start', now: this.now(), enabled });
  }

  send(event: EventWithoutTime): void {
    this.dispatch(event.type === 'hold' ? event : { ...event, now: this.now() });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private dispatch(event: DirectorEvent): void {
    if (this.disposed) return;
    const before = this.state;
    const { state, focus } = directorStep(before, event, this.options);
    this.state = state;
    if (state.dueAt !== before.dueAt || event.type === 'timer') this.schedule();
    if (state !== before) this.options.onState?.(state);
    if (focus !== null) this.options.onFocus(focus);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const due = this.state.dueAt;
    if (due === null) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dispatch({ type: 'timer', now: Math.max(this.now(), due) });
    }, Math.max(0, due - this.now()));
  }
}
