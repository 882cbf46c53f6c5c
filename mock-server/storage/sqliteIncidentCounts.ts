/** Incidents on record by status, for the metrics (ops/cityMetrics.ts): one indexed query per scrape. */
import type { IncidentStatus } from '../../src/protocol/cityEvents';
import type { Database } from './database';

export function incidentCountsOf(db: Database): () => Partial<Record<IncidentStatus, number>> {
  const query = db.prepare('SELECT status, count(*) AS n FROM incidents GROUP BY status');
  return () => Object.fromEntries((query.all() as { status: IncidentStatus; n: number }[]).map((r) => [r.status, r.n]));
}
