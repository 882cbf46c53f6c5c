/**
 * The events the city sends to webhooks (issue 16, "Notices out"), derived from the changes the
 * stores write, so that each is put in the outbox in the same transaction as its cause. Each event's
 * id is made from what caused it (an incident's version, an alarm's or a closure's id), so writing the
 * same change twice (a closure re-recorded with the next minute) never makes a second event.
 */
import type { Alarm, Closure, Incident } from '../../src/protocol/cityEvents';
import type { AuditEntry } from '../../src/protocol/workOrders';

export const WEBHOOK_EVENT_TYPES = ['alarm.critical', 'incident.created', 'incident.dispatched', 'incident.closed', 'incident.slaBreach', 'closure.issued'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** One event as it is stored and sent: `data` is the alarm, incident or closure after the change. */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  /** When it happened (the city's time), epoch ms. */
  at: number;
  data: Alarm | Incident | Closure;
}

const INCIDENT_EVENTS: Partial<Record<AuditEntry['action'], WebhookEventType>> = {
  create: 'incident.created',
  dispatch: 'incident.dispatched',
  // Sent to another team: a dispatch of its own (a new work order), under the id of this change, not the first dispatch's.
  reassign: 'incident.dispatched',
  // Sent back to its team after a failed check (返工): the team is dispatched again; the incident carries reworkCount.
  rework: 'incident.dispatched',
  close: 'incident.closed',
  slaBreach: 'incident.slaBreach',
};

/** The incident events of one committed change: one per audit entry that is a created/dispatched (or reassigned, or sent back)/closed/SLA-breach fact. */
export function incidentEvents(incidents: readonly Incident[], audit: readonly Omit<AuditEntry, 'seq'>[]): WebhookEvent[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return audit.flatMap((entry) => {
    const type = INCIDENT_EVENTS[entry.action];
    const incident = byId.get(entry.incidentId);
    if (!type || !incident) return [];
    return [{ id: `${type}:${entry.incidentId}:v${entry.version}`, type, at: entry.at, data: incident }];
  });
}

/** A critical alarm newly raised, or made critical in place. */
export function alarmEvents(changes: readonly { alarm: Alarm; action: string; at: number }[]): WebhookEvent[] {
  return changes
    .filter((c) => (c.action === 'raise' || c.action === 'escalate') && c.alarm.severity === 'critical')
    // Keyed by the change's time too: an alarm that eases and escalates to critical again is news again.
    .map((c) => ({ id: `alarm.critical:${c.alarm.id}:${c.at}`, type: 'alarm.critical' as const, at: c.at, data: c.alarm }));
}

/** A road-closure notice issued (each closure once, however often it is re-recorded). */
export function closureEvents(closures: readonly Closure[]): WebhookEvent[] {
  return closures
    .filter((c) => c.state === 'active')
    .map((c) => ({ id: `closure.issued:${c.id}`, type: 'closure.issued' as const, at: c.issuedAt, data: c }));
}
