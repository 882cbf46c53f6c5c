/**
 * Collects deltas and hands them over at most once per animation frame, so a burst of messages
 * costs one store update and one layer rebuild. A hidden page gets no animation frames; past
 * `maxQueued` the batch is flushed at once so the queue never grows without bound.
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
    this.schedule = options.schedule ?? ((cb) => requestAnimationFrame(cb));
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
