/**
 * The incident / work-order lifecycle as a pure state machine:
 *
 *   new → dispatched → accepted → onSite → resolved → closed
 *   new | dispatched | accepted | onSite → cancelled
 *   dispatched | accepted → dispatched (reassign: a new work order to another team)
 *
 * plus `escalate`, a flag raised on an open incident (by a person or an SLA breach) that keeps its
 * stage. Every action is checked here — an illegal jump is refused with the reason — and answers the
 * next incident and the audit entry to append. No IO, no clock: the caller passes the time.
 */
import type { Incident, IncidentStatus } from '../../src/protocol/cityEvents';
import type { Actor, AuditAction, AuditEntry, TransitionTarget } from '../../src/protocol/workOrders';

/** The statuses each action may start from, and where it leads (null: stays). */
export const ACTIONS: Record<Exclude<AuditAction, 'create'>, { from: readonly IncidentStatus[]; to: IncidentStatus | null }> = {
  dispatch: { from: ['new'], to: 'dispatched' },
  reassign: { from: ['dispatched', 'accepted'], to: 'dispatched' },
  accept: { from: ['dispatched'], to: 'accepted' },
  arrive: { from: ['dispatched', 'accepted'], to: 'onSite' },
  resolve: { from: ['onSite'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  cancel: { from: ['new', 'dispatched', 'accepted', 'onSite'], to: 'cancelled' },
  escalate: { from: ['new', 'dispatched', 'accepted', 'onSite'], to: null },
  slaBreach: { from: ['new', 'dispatched', 'accepted', 'onSite'], to: null },
  note: { from: ['new', 'dispatched', 'accepted', 'onSite', 'resolved', 'closed', 'cancelled'], to: null },
};
export type LifecycleAction = keyof typeof ACTIONS;

/** The action a `transition {to}` request names. */
export const ACTION_FOR_TARGET: Record<TransitionTarget, LifecycleAction> = {
  accepted: 'accept',
  onSite: 'arrive',
  resolved: 'resolve',
  closed: 'close',
  cancelled: 'cancel',
  escalated: 'escalate',
};

export class TransitionError extends Error {
  constructor(
    readonly code: 'ILLEGAL_TRANSITION' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}

export interface ActionInput {
  action: LifecycleAction;
  actor: Actor;
  /** Simulated time, epoch ms. */
  at: number;
  /** Wall-clock time, epoch ms. */
  recordedAt: number;
  /** The version the caller saw; omitted by the simulated city, which always acts on the latest. */
  expectedVersion?: number;
  note?: string | null;
  /** For dispatch and reassign: the team sent (null: an outside unit), and the new work order's id. */
  team?: { slot: number | null; id: string | null };
  workOrderId?: string;
}

export interface ActionResult {
  incident: Incident;
  audit: Omit<AuditEntry, 'seq'>;
}

/** Whether `action` may be taken on an incident in `status` (and, for escalate, not already escalated). */
export function allowed(incident: Pick<Incident, 'status' | 'escalated'>, action: LifecycleAction): boolean {
  if (!ACTIONS[action].from.includes(incident.status)) return false;
  if (action === 'escalate' && incident.escalated) return false;
  return true;
}

/** The actions a person could take next, for the console's buttons. */
export function nextActions(incident: Pick<Incident, 'status' | 'escalated'>): LifecycleAction[] {
  return (Object.keys(ACTIONS) as LifecycleAction[]).filter((a) => a !== 'slaBreach' && allowed(incident, a));
}

/** Applies one action: checks the version and the transition, and answers the next incident (a copy) and its audit entry. */
export function applyAction(incident: Incident, input: ActionInput): ActionResult {
  const { action } = input;
  if (input.expectedVersion !== undefined && input.expectedVersion !== incident.version) {
    throw new TransitionError('CONFLICT', `incident ${incident.id} is at version ${incident.version}, not ${input.expectedVersion}: someone changed it; reload and try again`);
  }
  if (!allowed(incident, action)) {
    const why = action === 'escalate' && incident.escalated ? 'it is already escalated' : `it is ${incident.status}`;
    throw new TransitionError('ILLEGAL_TRANSITION', `cannot ${action} incident ${incident.id}: ${why}`);
  }
  const spec = ACTIONS[action];
  const next: Incident = { ...incident, version: incident.version + 1, updatedAt: input.at };
  if (spec.to) next.status = spec.to;
  if (action === 'dispatch' || action === 'reassign') {
    next.teamSlot = input.team?.slot ?? null;
    next.workOrderId = input.workOrderId ?? null;
  }
  if (action === 'escalate' || action === 'slaBreach') next.escalated = true;
  if (action === 'slaBreach' && !next.slaBreach) next.slaBreach = incident.status === 'new' ? 'dispatch' : 'resolve';
  return {
    incident: next,
    audit: {
      incidentId: incident.id,
      action,
      actor: input.actor,
      at: input.at,
      recordedAt: input.recordedAt,
      from: incident.status,
      to: next.status,
      version: next.version,
      teamId: input.team?.id ?? null,
      note: input.note ?? null,
    },
  };
}

/** The SLA missed at `now`, if one is and has not been recorded yet: not dispatched in time, or not resolved in time. */
export function slaBreachAt(incident: Incident, now: number): 'dispatch' | 'resolve' | null {
  if (incident.slaBreach || !ACTIONS.slaBreach.from.includes(incident.status)) return null;
  if (incident.status === 'new' && now > incident.dispatchDueAt) return 'dispatch';
  if (now > incident.resolveDueAt) return 'resolve';
  return null;
}
