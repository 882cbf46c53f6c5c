/**
 * Writes one frame to many sockets a batch at a time, yielding to the event loop between batches:
 * a 1 Hz frame to 500 consoles would otherwise hold the loop for tens of milliseconds at once, and a
 * duty officer's dispatch would wait behind it. Order per socket is kept: a new frame first flushes
 * whatever is left of the previous one.
 */
export const FANOUT_BATCH = 100;

type Schedule = (run: () => void) => void;

export class BatchedFanOut {
  private readonly pending: (() => void)[] = [];
  private scheduled = false;

  constructor(
    private readonly batchSize: number = FANOUT_BATCH,
    private readonly schedule: Schedule = (run) => setImmediate(run),
  ) {}

  /** Sends to `targets` via `send(batch)`: the first batch now, the rest on later turns of the loop. */
  send<T>(targets: readonly T[], send: (batch: T[]) => void): void {
    for (let i = 0; i < targets.length; i += this.batchSize) {
      const batch = targets.slice(i, i + this.batchSize);
      this.pending.push(() => send(batch));
    }
  }

  /** Runs everything still queued (call before a new frame, so frames never overtake each other). */
  flush(): void {
    while (this.pending.length) this.pending.shift()!();
  }

  /** Runs one batch now and schedules the rest one per turn of the loop. */
  start(): void {
    this.pending.shift()?.();
    this.next();
  }

  get queued(): number {
    return this.pending.length;
  }

  private next(): void {
    if (this.scheduled || this.pending.length === 0) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.pending.shift()?.();
      this.next();
    });
  }
}
