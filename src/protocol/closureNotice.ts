/**
 * Where a road-closure notice to the traffic police stands (issue 16, "Notices out"): the notice is a
 * `closure.issued` webhook from the durable outbox, and this is what the outbox says of its
 * deliveries, carried on the closure in snapshots and deltas so the wall can say whether it arrived.
 */

/** A closure notice's delivery, as the outbox has it. */
export type ClosureNotice =
  /** No webhook takes `closure.issued` (or none did when the closure was issued): nobody was told. */
  | { state: 'unconfigured' }
  /** Not yet acknowledged by every receiver: `attempts` failed so far, the last one's reason. */
  | { state: 'sending'; attempts: number; lastError: string | null }
  /** Every receiver acknowledged it; when the last one did (server wall clock, epoch ms). */
  | { state: 'delivered'; deliveredAt: number };

export type ClosureNoticeState = ClosureNotice['state'];
