/**
 * A closure notice's delivery state from its rows in the outbox (storage/sqliteWebhooks.ts,
 * `closureDeliveries`): the notice is delivered once every receiver acknowledged it, sending while
 * any has not, and unconfigured when no receiver was given it. Pure, so each case is tested alone.
 */
import type { ClosureNotice } from '../../src/protocol/closureNotice';

/** One receiver's delivery of a notice. */
export interface NoticeDelivery {
  attempts: number;
  deliveredAt: number | null;
  lastError: string | null;
}

/**
 * The state of a notice with these deliveries; null when the closure is not recorded yet (the outbox
 * is written with the closure, a moment after it is issued), so that nothing is claimed before then.
 */
export function closureNoticeOf(recorded: boolean, deliveries: readonly NoticeDelivery[]): ClosureNotice | null {
  if (!recorded) return null;
  if (deliveries.length === 0) return { state: 'unconfigured' };
  const waiting = deliveries.filter((d) => d.deliveredAt === null);
  if (waiting.length === 0) return { state: 'delivered', deliveredAt: Math.max(...deliveries.map((d) => d.deliveredAt!)) };
  // The receiver furthest behind speaks for the notice: its retries, and why its last attempt failed.
  const worst = waiting.reduce((a, b) => (b.attempts > a.attempts ? b : a));
  return { state: 'sending', attempts: worst.attempts, lastError: worst.lastError };
}

/** Whether two states say the same (so an unchanged notice is not announced again). */
export function sameNotice(a: ClosureNotice | undefined, b: ClosureNotice): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
