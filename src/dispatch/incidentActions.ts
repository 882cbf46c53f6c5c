/**
 * Which commands the console offers for an incident (pure), derived from the lifecycle's table
 * (src/protocol/workOrderLifecycle.ts), so the officer sees exactly what the server accepts; the
 * server still decides (and answers 409 when someone else got there first).
 */
import type { Incident } from '@/protocol/cityEvents';
import { allowed, NOTE_REQUIRED, startsFrom, type PersonAction } from '@/protocol/workOrderLifecycle';
import type { TransitionTarget } from '@/protocol/workOrders';

/** A console command: dispatch and reassign (the team list), a `transition {to}`, or a note. */
export type ConsoleAction = 'dispatch' | 'reassign' | TransitionTarget | 'note';

/**
 * The console's command for each action a person takes, in the order the console lists them:
 * sending a team, the status steps an outside unit reports by phone and the officer records for it,
 * a supervisor's verdict on the fix (核查: passed, or sent back to the team with a note), then
 * escalate, cancel and the note.
 */
export const CONSOLE_ACTIONS: Record<PersonAction, ConsoleAction> = {
  dispatch: 'dispatch',
  reassign: 'reassign',
  accept: 'accepted',
  arrive: 'onSite',
  resolve: 'resolved',
  verify: 'verified',
  rework: 'reworked',
  close: 'closed',
  escalate: 'escalated',
  cancel: 'cancelled',
  note: 'note',
};

export function availableActions(i: Pick<Incident, 'status' | 'escalated'>): ConsoleAction[] {
  return (Object.keys(CONSOLE_ACTIONS) as PersonAction[]).filter((a) => allowed(i, a)).map((a) => CONSOLE_ACTIONS[a]);
}

/** Whether the command must carry a note (a rework says what failed the check). */
export function needsNote(action: ConsoleAction): boolean {
  return (Object.keys(CONSOLE_ACTIONS) as PersonAction[]).some((a) => CONSOLE_ACTIONS[a] === action && NOTE_REQUIRED.includes(a));
}

/** Whether the team list can be used to send someone (a first dispatch or a reassignment). */
export function canSendTeam(i: Pick<Incident, 'status'>): boolean {
  return startsFrom('dispatch', i.status) || startsFrom('reassign', i.status);
}
