/**
 * A rule's pending period, per asset: a rise is raised only once it has lasted that many samples in
 * a row, or that long since the first sample over the line (as Prometheus' `for`). A sample without
 * the rise starts the wait over; a sample with no data neither counts nor resets it.
 */
import type { Pending } from './ruleTypes';

export class PendingGate {
  /** When the current rise was first seen, epoch ms (NaN: none waiting). */
  private readonly since: Float64Array;
  /** Samples of the current rise so far. */
  private readonly seen: Uint32Array;

  constructor(
    private readonly pending: Pending,
    slots: number,
  ) {
    this.since = new Float64Array(slots).fill(NaN);
    this.seen = new Uint32Array(slots);
  }

  /** Whether the slot may move to what it read at `now`: always when not `rising`, once the rise has lasted when it is. */
  admit(slot: number, rising: boolean, now: number): boolean {
    if (!rising) {
      this.since[slot] = NaN;
      this.seen[slot] = 0;
      return true;
    }
    if (Number.isNaN(this.since[slot])) this.since[slot] = now;
    this.seen[slot]++;
    const lasted = 'samples' in this.pending ? this.seen[slot] >= this.pending.samples : now - this.since[slot] >= this.pending.durationS * 1000;
    if (lasted) {
      this.since[slot] = NaN;
      this.seen[slot] = 0;
    }
    return lasted;
  }
}
