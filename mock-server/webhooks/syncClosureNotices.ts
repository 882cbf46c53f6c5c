/**
 * Brings the active closures' notice state up to what the webhook outbox says (issue 16: "the popup
 * says whether it was delivered"). Run before each tick, in the tick's queue: a notice whose state
 * changed (recorded, retried, acknowledged) is set on the desk's closure and announced, so it goes
 * out in that tick's frame and every later snapshot carries it. The outbox is the only source: after
 * a restart or a city rebuild the state is read again from it.
 */
import type { CityEvent, Closure } from '../../src/protocol/cityEvents';
import type { ClosureNotice } from '../../src/protocol/closureNotice';
import type { SqliteWebhookStore } from '../storage/sqliteWebhooks';
import { closureNoticeOf, sameNotice } from './closureNoticeOf';

/** What the sync needs of the city: its closures and a way to say one changed. */
export interface NoticedCity {
  readonly desk: {
    activeClosures(): Closure[];
    noticeClosure(closureId: string, notice: ClosureNotice): CityEvent[];
  };
  announce(event: CityEvent): void;
}

/** Sets and announces each active closure's notice state that differs from the outbox's; returns how many changed. */
export function syncClosureNotices(outbox: Pick<SqliteWebhookStore, 'closureDeliveries'>, city: NoticedCity): number {
  const closures = city.desk.activeClosures();
  if (closures.length === 0) return 0;
  const rows = outbox.closureDeliveries(closures.map((c) => c.id));
  let changed = 0;
  for (const closure of closures) {
    const row = rows.get(closure.id);
    const notice = row && closureNoticeOf(row.recorded, row.deliveries);
    if (!notice || sameNotice(closure.notice, notice)) continue;
    for (const event of city.desk.noticeClosure(closure.id, notice)) city.announce(event);
    changed++;
  }
  return changed;
}
