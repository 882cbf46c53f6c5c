/**
 * Which new alarm the wall screen spotlights: critical alarms only, one at a time, the newest most
 * severe first; ones that have waited too long or have cleared are dropped, so a storm that raises
 * dozens of alarms a minute does not keep the map flying for an hour. An acknowledged alarm is not
 * spotlit, and one acknowledged while shown or waiting leaves the spotlight on every screen.
 */
import { SEVERITY_RANK, type Alarm, type Severity } from '@/protocol/cityEvents';

export const SPOTLIGHT_SEVERITIES: readonly Severity[] = ['critical'];
/** Wall-clock ms a queued alarm stays eligible. */
export const MAX_WAIT_MS = 60_000;

export interface QueuedAlarm {
  alarm: Alarm;
  queuedAt: number;
}

export function isSpotlightWorthy(alarm: Alarm): boolean {
  return alarm.state === 'active' && !alarm.acknowledged && alarm.trigger !== 'frozen' && SPOTLIGHT_SEVERITIES.includes(alarm.severity);
}

/** Whether a popup for this alarm (as the screen now holds it) may go on: a person acknowledged it, or it cleared, and it stops. */
export function stillSpotlit(alarm: Alarm | undefined): boolean {
  return alarm !== undefined && alarm.state === 'active' && !alarm.acknowledged;
}

/**
 * Picks the next alarm to show and returns the rest of the queue, dropping stale and cleared ones.
 * `stillActive` says whether an alarm is still active (and unacknowledged) now.
 */
export function nextSpotlight(
  queue: readonly QueuedAlarm[],
  now: number,
  stillActive: (id: string) => boolean,
): { next: QueuedAlarm | null; rest: QueuedAlarm[] } {
  const live = queue.filter((q) => now - q.queuedAt <= MAX_WAIT_MS && stillActive(q.alarm.id));
  if (live.length === 0) return { next: null, rest: [] };
  const sorted = [...live].sort(
    (a, b) => SEVERITY_RANK[a.alarm.severity] - SEVERITY_RANK[b.alarm.severity] || b.alarm.raisedAt - a.alarm.raisedAt,
  );
  return { next: sorted[0], rest: sorted.slice(1) };
}
