/**
 * What an alarm change coming out of the rules is, for the record: its first appearance is a raise, a
 * clear is a clear, and in between the severity against the one stored says escalate or ease
 * (SEVERITY_RANK: lower is worse). The same severity again is no change to record (an acknowledgement
 * announced to the screens comes back through the frame's events and is already on the record).
 */
import type { AlarmAction } from '../../src/protocol/alarmRecords';
import { SEVERITY_RANK, type Alarm, type Severity } from '../../src/protocol/cityEvents';

export function alarmActionOf(stored: Severity | undefined, next: Pick<Alarm, 'state' | 'severity'>): Exclude<AlarmAction, 'acknowledge'> | null {
  if (next.state === 'cleared') return 'clear';
  if (stored === undefined) return 'raise';
  const change = SEVERITY_RANK[next.severity] - SEVERITY_RANK[stored];
  return change < 0 ? 'escalate' : change > 0 ? 'ease' : null;
}

/** The alarm's own time of a change: when it was raised, last changed or cleared. */
export function alarmTimeOf(alarm: Pick<Alarm, 'raisedAt' | 'updatedAt' | 'clearedAt'>, action: Exclude<AlarmAction, 'acknowledge'>): number {
  return action === 'raise' ? alarm.raisedAt : action === 'clear' ? (alarm.clearedAt ?? alarm.updatedAt) : alarm.updatedAt;
}
