/**
 * The incident / work-order lifecycle as data, shared by the server (which applies it:
 * mock-server/workorders/lifecycle.ts) and the duty officer's console (which offers only what it
 * allows: src/dispatch/incidentActions.ts):
 *
 *   new → dispatched → accepted → onSite → resolved → verified → closed
 *   resolved → dispatched (rework, 返工: the supervisor's check failed; the same team and work order)
 *   new | dispatched | accepted | onSite → cancelled
 *   dispatched | accepted → dispatched (reassign: a new work order to another team)
 *   dispatched → onSite (a crew may arrive unannounced)
 *
 * plus `escalate`, a flag raised on an open incident (by a person, or by an SLA breach) that keeps
 * its stage. This is GB/T 30428's case flow 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案: a case closes
 * only after a supervisor (监督员) has checked the fix (docs/grid.md). Pure: no IO, no clock.
 */
import type { Incident, IncidentStatus } from './cityEvents';
import type { AuditAction, TransitionTarget } from './workOrders';

/** Every action the lifecycle takes (the audit trail's, less `create`, which starts an incident). */
export type LifecycleAction = Exclude<AuditAction, 'create'>;
/** The actions a person may take; an SLA breach is the clock's alone. */
export type PersonAction = Exclude<LifecycleAction, 'slaBreach'>;

/** The statuses each action may start from, and where it leads (null: the status stays). */
export const LIFECYCLE: Record<LifecycleAction, { from: readonly IncidentStatus[]; to: IncidentStatus | null }> = {
  dispatch: { from: ['new'], to: 'dispatched' },
  reassign: { from: ['dispatched', 'accepted'], to: 'dispatched' },
  accept: { from: ['dispatched'], to: 'accepted' },
  arrive: { from: ['dispatched', 'accepted'], to: 'onSite' },
  resolve: { from: ['onSite'], to: 'resolved' },
  // 核查: the supervisor's check of the crew's report; passed, or sent back to the same team.
  verify: { from: ['resolved'], to: 'verified' },
  rework: { from: ['resolved'], to: 'dispatched' },
  // 结案 needs a passed check.
  close: { from: ['verified'], to: 'closed' },
  cancel: { from: ['new', 'dispatched', 'accepted', 'onSite'], to: 'cancelled' },
  escalate: { from: ['new', 'dispatched', 'accepted', 'onSite'], to: null },
  slaBreach: { from: ['new', 'dispatched', 'accepted', 'onSite'], to: null },
  // The trail stays open to notes after the end (a follow-up call, a correction).
  note: { from: ['new', 'dispatched', 'accepted', 'onSite', 'resolved', 'verified', 'closed', 'cancelled'], to: null },
};

/** Actions that must say why: a rework tells the crew what failed the check. */
export const NOTE_REQUIRED: readonly LifecycleAction[] = ['rework'];

/** The action a `transition {to}` command names. */
export const ACTION_FOR_TARGET: Record<TransitionTarget, LifecycleAction> = {
  accepted: 'accept',
  onSite: 'arrive',
  resolved: 'resolve',
  verified: 'verify',
  reworked: 'rework',
  closed: 'close',
  cancelled: 'cancel',
  escalated: 'escalate',
};

/** Whether `action` may start from `status` (the table alone, before the escalated flag). */
export function startsFrom(action: LifecycleAction, status: IncidentStatus): boolean {
  return LIFECYCLE[action].from.includes(status);
}

/** Whether `action` may be taken on an incident in `status` (and, for escalate, not already escalated). */
export function allowed(incident: Pick<Incident, 'status' | 'escalated'>, action: LifecycleAction): boolean {
  return startsFrom(action, incident.status) && !(action === 'escalate' && incident.escalated);
}

/** The actions a person could take next, in the table's order. */
export function nextActions(incident: Pick<Incident, 'status' | 'escalated'>): PersonAction[] {
  return (Object.keys(LIFECYCLE) as LifecycleAction[]).filter((a): a is PersonAction => a !== 'slaBreach' && allowed(incident, a));
}

/** The SLA clock that runs in a status: the dispatch deadline while new, the resolve deadline while being handled, none after. */
export function slaClockOf(status: IncidentStatus): 'dispatch' | 'resolve' | null {
  if (!startsFrom('slaBreach', status)) return null;
  return status === 'new' ? 'dispatch' : 'resolve';
}
