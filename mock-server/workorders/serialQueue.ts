/**
 * Runs jobs one at a time, in the order they were queued. The simulation tick and every incident
 * command go through one queue, so a command's check (version, status), its durable write and its
 * effect on the simulated city happen with nothing in between — the single-writer rule that makes
 * "two officers dispatch at once → one wins" hold without locks.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  run<T>(job: () => T | Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(job);
    this.tail = result.then(
      () => this.waiting--,
      () => this.waiting--,
    );
    return result;
  }

  /** Jobs queued or running (for back-pressure: a tick is skipped rather than queued behind a backlog). */
  get pending(): number {
    return this.waiting;
  }
}
