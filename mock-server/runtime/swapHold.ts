/**
 * Holds the ingest gates while the city is swapped for one built from a changed registry. A batch
 * resolves its assets to slots and then waits for its rows to be kept before it reaches the city, so
 * a swap in between would hand the new city slots of the old one. Batches run side by side as
 * `shared`; a swap runs `exclusive`: it waits for the batches under way to finish, and batches that
 * arrive meanwhile wait for it — their readings are answered late, never lost or misplaced.
 */
export class SwapHold {
  private running = 0;
  private drained: (() => void) | null = null;
  private swap: Promise<unknown> | null = null;

  /** Runs a batch, after any swap under way. */
  async shared<T>(job: () => Promise<T>): Promise<T> {
    while (this.swap) await this.swap.catch(() => undefined);
    this.running++;
    try {
      return await job();
    } finally {
      this.running--;
      if (this.running === 0) this.drained?.();
    }
  }

  /** Runs a swap once the batches under way are done; batches wait until it ends. One swap at a time (the caller's queue). */
  async exclusive<T>(job: () => Promise<T>): Promise<T> {
    const swap = (async () => {
      if (this.running > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return job();
    })();
    this.swap = swap;
    try {
      return await swap;
    } finally {
      this.swap = null;
    }
  }
}
