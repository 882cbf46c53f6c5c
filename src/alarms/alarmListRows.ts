/**
 * The wall's alarm list (pure): the active alarms, those no one has acknowledged first, then the
 * most severe, then the newest — so what still needs a person's eyes is on top, and acknowledging an
 * alarm moves the next one up.
 */
import { SEVERITY_RANK, type Alarm } from '@/protocol/cityEvents';

export interface AlarmList {
  rows: Alarm[];
  /** Every active alarm in list order (rows is its head). */
  all: Alarm[];
  /** Active alarms, shown or not. */
  total: number;
  unacknowledged: number;
}

export function alarmListRows(alarms: Iterable<Alarm>, limit: number): AlarmList {
  const active = [...alarms].filter((a) => a.state === 'active');
  active.sort(
    (a, b) =>
      Number(a.acknowledged) - Number(b.acknowledged) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.raisedAt - a.raisedAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { rows: active.slice(0, Math.max(0, limit)), all: active, total: active.length, unacknowledged: active.filter((a) => !a.acknowledged).length };
}

/**
 * The rows in an order held still (while a pointer is over the list, so a new alarm does not push
 * the button under it down a row): the rows of `order` as they are now (an alarm just acknowledged
 * stays where it was, marked), those cleared left out, then alarms raised since, in the live order,
 * up to `limit` rows in all. `live` is every active alarm in list order.
 */
export function heldRows(order: readonly string[], live: readonly Alarm[], limit: number): Alarm[] {
  const byId = new Map(live.map((a) => [a.id, a]));
  const kept = order.flatMap((id) => {
    const alarm = byId.get(id);
    return alarm ? [alarm] : [];
  });
  const known = new Set(order);
  return [...kept, ...live.filter((a) => !known.has(a.id))].slice(0, Math.max(0, limit));
}
