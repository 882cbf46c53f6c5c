/** The wall's live incident feed: open incidents, newest first, as many as fit (pure). */
import { FINAL_STATUSES, type Incident } from '@/protocol/cityEvents';

export interface IncidentFeed {
  rows: Incident[];
  /** All open incidents, shown or not. */
  total: number;
}

export function incidentFeed(incidents: Iterable<Incident>, limit: number): IncidentFeed {
  const all = [...incidents].filter((i) => !FINAL_STATUSES.includes(i.status));
  all.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { rows: all.slice(0, Math.max(0, limit)), total: all.length };
}
