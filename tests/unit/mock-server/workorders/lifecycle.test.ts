import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type IncidentStatus } from '@/protocol/cityEvents';
import type { Actor } from '@/protocol/workOrders';
import { allowed, LIFECYCLE, nextActions, type LifecycleAction } from '@/protocol/workOrderLifecycle';
import { DomainError } from '../../../../mock-server/domainError';
import { applyAction, slaBreachAt } from '../../../../mock-server/workorders/lifecycle';
import { makeIncident } from '../../../support/incidentFixture';

const officer: Actor = { kind: 'user', name: 'dispatcher', role: 'dispatcher' };
const at = 1_000_000;
const act = (status: IncidentStatus, action: LifecycleAction, extra: object = {}) =>
  applyAction(makeIncident({ id: 'INC-000001', status, version: 3 }), { action, actor: officer, at, recordedAt: at + 5, ...extra });

describe('work-order lifecycle', () => {
  it('walks the happy path new → dispatched → accepted → onSite → resolved → closed, one version each', () => {
    let incident = makeIncident({ id: 'INC-000001' });
    const trail: string[] = [];
    for (const action of ['dispatch', 'accept', 'arrive', 'resolve', 'close'] as const) {
      const r = applyAction(incident, { action, actor: officer, at, recordedAt: at, team: { slot: 4, id: 'TM-005' }, workOrderId: 'WO-000001' });
      expect(r.incident.version).toBe(incident.version + 1);
      expect(r.audit).toMatchObject({ incidentId: 'INC-000001', action, from: incident.status, to: r.incident.status, version: r.incident.version, actor: officer, at });
      trail.push(r.incident.status);
      incident = r.incident;
    }
    expect(trail).toEqual(['dispatched', 'accepted', 'onSite', 'resolved', 'closed']);
    expect(incident.teamSlot).toBe(4);
    expect(incident.workOrderId).toBe('WO-000001');
  });

  it('refuses every jump the table does not allow, saying why', () => {
    let refused = 0;
    for (const status of INCIDENT_STATUSES) {
      for (const action of Object.keys(LIFECYCLE) as LifecycleAction[]) {
        const legal = LIFECYCLE[action].from.includes(status);
        if (legal) {
          expect(() => act(status, action)).not.toThrow();
        } else {
          refused++;
          expect(() => act(status, action)).toThrow(new RegExp(`cannot ${action} incident INC-000001: it is ${status}`));
        }
      }
    }
    // e.g. new → resolve, dispatched → close, closed → dispatch, cancelled → anything but a note.
    expect(refused).toBeGreaterThan(25);
    expect(() => act('new', 'close')).toThrow(DomainError);
    expect(() => act('closed', 'dispatch')).toThrow(DomainError);
    expect(() => act('cancelled', 'resolve')).toThrow(DomainError);
  });

  it('refuses a stale version with a conflict, before looking at the transition', () => {
    const stale = () => act('new', 'dispatch', { expectedVersion: 2 });
    expect(stale).toThrow(/at version 3, not 2/);
    try {
      stale();
    } catch (err) {
      expect((err as DomainError).code).toBe('CONFLICT');
    }
    expect(act('new', 'dispatch', { expectedVersion: 3 }).incident.version).toBe(4);
  });

  it('reassigns to a new work order, cancels from any open stage, and keeps notes off the status', () => {
    const r = act('accepted', 'reassign', { team: { slot: 9, id: 'TM-010' }, workOrderId: 'WO-000002' });
    expect(r.incident).toMatchObject({ status: 'dispatched', teamSlot: 9, workOrderId: 'WO-000002' });
    expect(r.audit.teamId).toBe('TM-010');
    for (const s of ['new', 'dispatched', 'accepted', 'onSite'] as const) expect(act(s, 'cancel').incident.status).toBe('cancelled');
    const note = act('closed', 'note', { note: 'caller thanked the team' });
    expect(note.incident.status).toBe('closed');
    expect(note.audit).toMatchObject({ from: 'closed', to: 'closed', note: 'caller thanked the team' });
  });

  it('escalates once, keeping the stage', () => {
    const r = act('dispatched', 'escalate');
    expect(r.incident).toMatchObject({ status: 'dispatched', escalated: true });
    expect(allowed(r.incident, 'escalate')).toBe(false);
    expect(() => applyAction(r.incident, { action: 'escalate', actor: officer, at, recordedAt: at })).toThrow(/already escalated/);
    expect(nextActions(r.incident)).not.toContain('escalate');
    expect(nextActions(makeIncident({ id: 'x', status: 'resolved' }))).toEqual(['close', 'note']);
  });
});

describe('SLA', () => {
  const incident = makeIncident({ id: 'INC-000002', createdAt: 0, dispatchDueAt: 10 * 60_000, resolveDueAt: 120 * 60_000 });

  it('is breached when not dispatched in time, or not resolved in time, and only once', () => {
    expect(slaBreachAt(incident, 10 * 60_000)).toBeNull();
    expect(slaBreachAt(incident, 10 * 60_000 + 1)).toBe('dispatch');
    const dispatched = { ...incident, status: 'dispatched' as const };
    expect(slaBreachAt(dispatched, 60 * 60_000)).toBeNull();
    expect(slaBreachAt(dispatched, 120 * 60_000 + 1)).toBe('resolve');
    const breached = applyAction(incident, { action: 'slaBreach', actor: officer, at: 11 * 60_000, recordedAt: 0 }).incident;
    expect(breached).toMatchObject({ escalated: true, slaBreach: 'dispatch', status: 'new' });
    expect(slaBreachAt(breached, 200 * 60_000)).toBeNull();
  });

  it('does not run for resolved, closed or cancelled incidents', () => {
    for (const status of ['resolved', 'closed', 'cancelled'] as const) expect(slaBreachAt({ ...incident, status }, 10 ** 9)).toBeNull();
  });
});
