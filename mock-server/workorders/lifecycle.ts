/**
 * Applies the work-order lifecycle (src/protocol/workOrderLifecycle.ts, the table the console's
 * buttons derive from) on the server: every action is checked — a stale version or an illegal jump
 * is refused with the reason, as a CONFLICT; a rework without its finding as a BAD_REQUEST — and answers the next incident and the audit entry to
 * append; and the SLA deadlines are watched. No IO, no clock: the caller passes the time.
 */
import type { Incident } from '../../src/protocol/cityEvents';
import { allowed, LIFECYCLE, NOTE_REQUIRED, slaClockOf, type LifecycleAction } from '../../src/protocol/workOrderLifecycle';
import type { Actor, AuditEntry } from '../../src/protocol/workOrders';
import { DomainError } from '../domainError';

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

/** Applies one action: checks the version and the transition, and answers the next incident (a copy) and its audit entry. */
export function applyAction(incident: Incident, input: ActionInput): ActionResult {
  const { action } = input;
  if (input.expectedVersion !== undefined && input.expectedVersion !== incident.version) {
    throw new DomainError('CONFLICT', `incident ${incident.id} is at version ${incident.version}, not ${input.expectedVersion}: someone changed it; reload and try again`);
  }
  if (!allowed(incident, action)) {
    const why = action === 'escalate' && incident.escalated ? 'it is already escalated' : `it is ${incident.status}`;
    throw new DomainError('CONFLICT', `cannot ${action} incident ${incident.id}: ${why}`);
  }
  if (NOTE_REQUIRED.includes(action) && !input.note?.trim()) throw new DomainError('BAD_REQUEST', `cannot ${action} incident ${incident.id} without a note saying what failed the check`);
  const spec = LIFECYCLE[action];
  const next: Incident = { ...incident, version: incident.version + 1, updatedAt: input.at };
  if (spec.to) next.status = spec.to;
  if (action === 'dispatch' || action === 'reassign') {
    next.teamSlot = input.team?.slot ?? null;
    next.workOrderId = input.workOrderId ?? null;
  }
  // A rework keeps the team and the work order: the same crew goes back to finish the job.
  if (action === 'rework') next.reworkCount = incident.reworkCount + 1;
  if (action === 'verify') next.verifiedAt = input.at;
  if (action === 'escalate' || action === 'slaBreach') next.escalated = true;
  if (action === 'slaBreach' && !next.slaBreach) next.slaBreach = slaClockOf(incident.status);
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
  const clock = slaClockOf(incident.status);
  if (incident.slaBreach || !clock) return null;
  if (clock === 'dispatch' && now > incident.dispatchDueAt) return 'dispatch';
  if (now > incident.resolveDueAt) return 'resolve';
  return null;
}
