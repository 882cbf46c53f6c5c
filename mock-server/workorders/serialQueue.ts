/**
 * Runs jobs one at a time. The simulation tick and every incident command go through one queue, so
 * a command's check (version, status), its durable write and its effect on the simulated city happen
 * with nothing in between — the single-writer rule that makes "two officers dispatch at once → one
 * wins" hold without locks.
 *
 * Two lanes (issue 17, finding 4): the tick's (`runFirst`) starts before every command still waiting,
 * so a flood of commands delays a frame by at most the one job running, never the backlog; and the
 * queue gives the event loop a turn between jobs, so the tick's timer and new requests get in while
 * a long run of commands is worked off.
 */
interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class SerialQueue {
  private readonly first: Job[] = [];
  private readonly rest: Job[] = [];
  private active: Job | null = null;
  private activeIsFirst = false;
  /** A start is scheduled (a microtask when idle, a turn of the loop after a job). */
  private scheduled = false;

  /** Queues a job behind everything queued (commands). */
  run<T>(job: () => T | Promise<T>): Promise<T> {
    return this.enqueue(this.rest, job);
  }

  /** Queues a job ahead of every job queued with `run` (the tick): it starts when the job running ends. */
  runFirst<T>(job: () => T | Promise<T>): Promise<T> {
    return this.enqueue(this.first, job);
  }

  /** Jobs queued or running. */
  get pending(): number {
    return this.first.length + this.rest.length + (this.active ? 1 : 0);
  }

  /** First-lane jobs queued or running (the boot code queues a tick only when none is). */
  get pendingFirst(): number {
    return this.first.length + (this.active && this.activeIsFirst ? 1 : 0);
  }

  private enqueue<T>(lane: Job[], work: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      lane.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.active && !this.scheduled) {
        // Idle: start on a microtask, as a promise chain would, so an uncontended command is not delayed.
        this.scheduled = true;
        queueMicrotask(() => this.next());
      }
    });
  }

  private next(): void {
    this.scheduled = false;
    const fromFirst = this.first.length > 0;
    const job = fromFirst ? this.first.shift() : this.rest.shift();
    if (!job) return;
    this.active = job;
    this.activeIsFirst = fromFirst;
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(job.work());
    } catch (err) {
      result = Promise.reject(err);
    }
    result.then(job.resolve, job.reject).finally(() => {
      this.active = null;
      if (this.pending === 0) return;
      this.scheduled = true;
      // A turn of the loop before the next job: timers (the tick) and I/O (requests) run in between.
      setImmediate(() => this.next());
    });
  }
}
