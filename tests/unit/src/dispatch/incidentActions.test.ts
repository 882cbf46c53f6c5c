import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type IncidentStatus } from '@/protocol/cityEvents';
import { ACTION_FOR_TARGET, LIFECYCLE, type LifecycleAction, type PersonAction } from '@/protocol/workOrderLifecycle';
import type { Actor } from '@/protocol/workOrders';
import { availableActions, canSendTeam, CONSOLE_ACTIONS, needsNote, type ConsoleAction } from '@/dispatch/incidentActions';
import { applyAction } from '../../../../mock-server/workorders/lifecycle';
import { makeIncident } from '../../../support/incidentFixture';

const officer: Actor = { kind: 'user', name: 'dispatcher', role: 'dispatcher' };

/** The lifecycle action the server takes for a console command (workOrderService: the dispatch route reassigns once sent). */
function serverAction(command: ConsoleAction, status: IncidentStatus): LifecycleAction {
  if (command === 'dispatch' || command === 'reassign') return status === 'new' ? 'dispatch' : 'reassign';
  if (command === 'note') return 'note';
  return ACTION_FOR_TARGET[command];
}

/** Whether the server's lifecycle accepts `action` on an incident in this state. */
function accepted(status: IncidentStatus, escalated: boolean, action: LifecycleAction): boolean {
  try {
    // With a note, as the console sends one where it is required (a rework's finding).
    applyAction(makeIncident({ id: 'INC-000001', status, escalated }), { action, actor: officer, at: 0, recordedAt: 0, note: 'finding' });
    return true;
  } catch {
    return false;
  }
}

const STATES = INCIDENT_STATUSES.flatMap((status) => [false, true].map((escalated) => ({ status, escalated })));

describe('the console’s actions against the server’s lifecycle', () => {
  it('offers only commands the lifecycle accepts, for every status', () => {
    for (const { status, escalated } of STATES) {
      for (const command of availableActions({ status, escalated })) {
        expect(accepted(status, escalated, serverAction(command, status)), `${command} on ${status}${escalated ? ' (escalated)' : ''}`).toBe(true);
      }
    }
  });

  it('offers every action a person may take that the lifecycle accepts, for every status', () => {
    const personActions = (Object.keys(LIFECYCLE) as LifecycleAction[]).filter((a): a is PersonAction => a !== 'slaBreach');
    for (const { status, escalated } of STATES) {
      const offered = availableActions({ status, escalated });
      for (const action of personActions.filter((a) => accepted(status, escalated, a))) {
        expect(offered, `${action} on ${status}${escalated ? ' (escalated)' : ''}`).toContain(CONSOLE_ACTIONS[action]);
      }
    }
  });

  it('names each transition command the way the server reads it, and opens the team list exactly where a team can be sent', () => {
    for (const [action, command] of Object.entries(CONSOLE_ACTIONS)) {
      if (command in ACTION_FOR_TARGET) expect(ACTION_FOR_TARGET[command as keyof typeof ACTION_FOR_TARGET]).toBe(action);
    }
    for (const status of INCIDENT_STATUSES) {
      expect(canSendTeam({ status }), status).toBe(accepted(status, false, 'dispatch') || accepted(status, false, 'reassign'));
    }
  });

  it('offers the supervisor’s verdict on a resolved incident, closing only after a pass, and asks a rework for its note', () => {
    expect(availableActions({ status: 'resolved', escalated: false })).toEqual(['verified', 'reworked', 'note']);
    expect(availableActions({ status: 'verified', escalated: false })).toEqual(['closed', 'note']);
    expect(needsNote('reworked')).toBe(true);
    expect(['verified', 'closed', 'cancelled', 'escalated', 'note', 'dispatch'].some((c) => needsNote(c as ConsoleAction))).toBe(false);
    expect(() => applyAction(makeIncident({ id: 'INC-000001', status: 'resolved' }), { action: 'rework', actor: officer, at: 0, recordedAt: 0 })).toThrow(/without a note/);
  });
});
