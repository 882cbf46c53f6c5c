/**
 * Which commands the console offers for an incident's status (pure). Mirrors the server's state
 * machine so the officer sees only what can succeed; the server still decides (and answers 409 when
 * someone else got there first).
 */
import type { Incident } from '@/protocol/cityEvents';
import type { TransitionTarget } from '@/protocol/workOrders';

export type ConsoleAction = 'dispatch' | 'reassign' | 'accepted' | 'onSite' | 'resolved' | 'closed' | 'escalated' | 'cancelled' | 'note';

/** Status steps an outside unit reports by phone and the officer records for it (a crew may arrive unannounced). */
const NEXT_STEPS: Partial<Record<Incident['status'], TransitionTarget[]>> = { dispatched: ['accepted', 'onSite'], accepted: ['onSite'], onSite: ['resolved'], resolved: ['closed'] };

export function availableActions(i: Pick<Incident, 'status' | 'escalated'>): ConsoleAction[] {
  const out: ConsoleAction[] = [];
  if (i.status === 'new') out.push('dispatch');
  if (i.status === 'dispatched' || i.status === 'accepted') out.push('reassign');
  out.push(...(NEXT_STEPS[i.status] ?? []));
  const open = i.status === 'new' || i.status === 'dispatched' || i.status === 'accepted' || i.status === 'onSite';
  if (open && !i.escalated) out.push('escalated');
  if (open) out.push('cancelled');
  // The trail stays open to notes after the end (a follow-up call, a correction).
  out.push('note');
  return out;
}

/** Whether the team list can be used to send someone (a first dispatch or a reassignment). */
export function canSendTeam(i: Pick<Incident, 'status'>): boolean {
  return i.status === 'new' || i.status === 'dispatched' || i.status === 'accepted';
}
