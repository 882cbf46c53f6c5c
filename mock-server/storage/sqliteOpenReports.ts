/**
 * How many incidents one reporter (an integration key, or a person through Open311) has open: those
 * whose creation entry in the audit names it and that are neither closed nor cancelled. Read by the
 * cap on open external reports (incidents/openReportCap.ts); synchronous, so the cap's check and its
 * count of reports under way happen with nothing in between.
 */
import { DESK_STATUSES } from '../../src/protocol/cityEvents';
import type { Actor } from '../../src/protocol/workOrders';
import type { Database } from './database';

export function openReportsOf(db: Database): (reporter: Pick<Actor, 'kind' | 'name'>) => number {
  // From the open incidents (indexed by status) to their creation entry (indexed by incident), never a scan of the audit.
  const query = db.prepare(
    `SELECT count(*) AS n FROM incidents i JOIN audit a ON a.incident_id = i.id AND a.action = 'create'
     WHERE i.status IN (${DESK_STATUSES.map(() => '?').join(', ')}) AND a.actor_kind = ? AND a.actor_name = ?`,
  );
  return (reporter) => (query.get(...DESK_STATUSES, reporter.kind, reporter.name) as { n: number }).n;
}
