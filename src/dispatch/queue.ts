/**
 * The duty officer's incident queue (pure): which incidents to show, in which order, and how much
 * time each has left on its SLA. All times are simulated time (the clock incidents are stamped with),
 * so a countdown runs at the simulator's speed.
 */
import type { Incident, IncidentCategory, IncidentStatus, Priority } from '@/protocol/cityEvents';
import { slaClockOf } from '@/protocol/workOrderLifecycle';

export interface QueueFilter {
  status: IncidentStatus | 'all';
  category: IncidentCategory | 'all';
  /** Index into the catalogue's districts; null for all. */
  district: number | null;
  priority: Priority | null;
}

export const NO_FILTER: QueueFilter = { status: 'all', category: 'all', district: null, priority: null };

/** Below this share of its window left, a countdown is "due soon". */
export const DUE_SOON_SHARE = 0.25;

export type SlaState = 'ok' | 'dueSoon' | 'breached' | 'none';

export interface SlaClock {
  /** Which deadline runs now: dispatch while new, resolve while being handled, none after. */
  kind: 'dispatch' | 'resolve' | null;
  state: SlaState;
  /** Simulated ms to the deadline; negative once breached. NaN when no clock runs. */
  remainingMs: number;
  dueAt: number | null;
}

/** The SLA clock that runs for an incident at simulated time `now`. */
export function slaClock(i: Pick<Incident, 'status' | 'createdAt' | 'dispatchDueAt' | 'resolveDueAt'>, now: number): SlaClock {
  const kind = slaClockOf(i.status);
  if (!kind) return { kind, state: 'none', remainingMs: NaN, dueAt: null };
  const dueAt = kind === 'dispatch' ? i.dispatchDueAt : i.resolveDueAt;
  const remainingMs = dueAt - now;
  // Both windows open when the incident does, so the share left is measured from createdAt.
  const window = Math.max(1, dueAt - i.createdAt);
  const state: SlaState = remainingMs <= 0 ? 'breached' : remainingMs < window * DUE_SOON_SHARE ? 'dueSoon' : 'ok';
  return { kind, state, remainingMs, dueAt };
}

/** "4:05", "1:02:03" (h:mm:ss past an hour); the sign is dropped, the caller says "overdue". */
export function formatCountdown(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function matchesFilter(i: Incident, f: QueueFilter): boolean {
  return (
    (f.status === 'all' || i.status === f.status) &&
    (f.category === 'all' || i.category === f.category) &&
    (f.district === null || i.district === f.district) &&
    (f.priority === null || i.priority === f.priority)
  );
}

/** The deadline that matters now for ordering; incidents with no clock sort after those with one. */
function sortDeadline(i: Incident): number {
  const c = slaClock(i, 0);
  return c.dueAt ?? Number.POSITIVE_INFINITY;
}

/** Most urgent first: priority (1 first), then the nearest SLA deadline, then the oldest, then id. */
export function compareQueue(a: Incident, b: Incident): number {
  return a.priority - b.priority || sortDeadline(a) - sortDeadline(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The incidents to list, filtered and ordered. */
export function buildQueue(incidents: Iterable<Incident>, filter: QueueFilter): Incident[] {
  return [...incidents].filter((i) => matchesFilter(i, filter)).sort(compareQueue);
}

/** The id `step` rows away from `current` (clamped), or the first row when nothing is selected. */
export function moveSelection(rows: readonly Pick<Incident, 'id'>[], current: string | null, step: number): string | null {
  if (rows.length === 0) return null;
  const at = current === null ? -1 : rows.findIndex((r) => r.id === current);
  if (at < 0) return rows[0].id;
  return rows[Math.min(rows.length - 1, Math.max(0, at + step))].id;
}
