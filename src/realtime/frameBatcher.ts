/**
 * Collects deltas and hands them over once per burst, so messages that arrive together (a catch-up
 * after the page was busy) cost one store update and one layer rebuild.
 *
 * The hand-over is the next task, not the next animation frame: the map draws in its own animation
 * frame callback, which the browser runs before one queued later in the same frame, so waiting for
 * a frame to apply meant waiting for a second frame to draw — 500 ms more on a wall whose frames are
 * slow (measured on the stress city under software GL: emit → applied p50 506 ms). Applied at once,
 * the data is on the next frame, and the rain field's worker has painted by then. Past `maxQueued`
 * the batch is flushed at once so the queue never grows without bound.
 */
export interface FrameBatcherOptions<T> {
  flush: (items: T[]) => void;
  maxQueued?: number;
  schedule?: (cb: () => void) => void;
}

export class FrameBatcher<T> {
  private queue: T[] = [];
  private scheduled = false;
  private readonly maxQueued: number;
  private readonly schedule: (cb: () => void) => void;

  constructor(private readonly options: FrameBatcherOptions<T>) {
    this.maxQueued = options.maxQueued ?? 30;
    this.schedule = options.schedule ?? ((cb) => setTimeout(cb, 0));
  }

  push(item: T): void {
    this.queue.push(item);
    if (this.queue.length >= this.maxQueued) {
      this.run();
      return;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.run());
    }
  }

  /** Drops anything queued, e.g. when a snapshot supersedes it. */
  clear(): void {
    this.queue = [];
  }

  private run(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const items = this.queue;
    this.queue = [];
    this.options.flush(items);
  }
}
