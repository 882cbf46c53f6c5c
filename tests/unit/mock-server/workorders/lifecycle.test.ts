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
  it('walks the happy path new → dispatched → accepted → onSite → resolved → verified → closed, one version each', () => {
    let incident = makeIncident({ id: 'INC-000001' });
    const trail: string[] = [];
    for (const action of ['dispatch', 'accept', 'arrive', 'resolve', 'verify', 'close'] as const) {
      const r = applyAction(incident, { action, actor: officer, at, recordedAt: at, team: { slot: 4, id: 'TM-005' }, workOrderId: 'WO-000001' });
      expect(r.incident.version).toBe(incident.version + 1);
      expect(r.audit).toMatchObject({ incidentId: 'INC-000001', action, from: incident.status, to: r.incident.status, version: r.incident.version, actor: officer, at });
      trail.push(r.incident.status);
      incident = r.incident;
    }
    expect(trail).toEqual(['dispatched', 'accepted', 'onSite', 'resolved', 'verified', 'closed']);
    expect(incident.teamSlot).toBe(4);
    expect(incident.workOrderId).toBe('WO-000001');
  });

  it('takes exactly these transitions, each to its status (GB/T 30428: 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案)', () => {
    const open = ['new', 'dispatched', 'accepted', 'onSite'] as const;
    // [action, from, to]: every legal transition, written out so that a change to the table shows here.
    const expected: [LifecycleAction, IncidentStatus, IncidentStatus][] = [
      ['dispatch', 'new', 'dispatched'],
      ['reassign', 'dispatched', 'dispatched'],
      ['reassign', 'accepted', 'dispatched'],
      ['accept', 'dispatched', 'accepted'],
      ['arrive', 'dispatched', 'onSite'],
      ['arrive', 'accepted', 'onSite'],
      ['resolve', 'onSite', 'resolved'],
      ['verify', 'resolved', 'verified'],
      ['rework', 'resolved', 'dispatched'],
      ['close', 'verified', 'closed'],
      ...open.map((s): [LifecycleAction, IncidentStatus, IncidentStatus] => ['cancel', s, 'cancelled']),
      ...open.map((s): [LifecycleAction, IncidentStatus, IncidentStatus] => ['escalate', s, s]),
      ...open.map((s): [LifecycleAction, IncidentStatus, IncidentStatus] => ['slaBreach', s, s]),
      ...INCIDENT_STATUSES.map((s): [LifecycleAction, IncidentStatus, IncidentStatus] => ['note', s, s]),
    ];
    const legal: [LifecycleAction, IncidentStatus, IncidentStatus][] = [];
    for (const action of Object.keys(LIFECYCLE) as LifecycleAction[]) {
      for (const status of INCIDENT_STATUSES) {
        if (!LIFECYCLE[action].from.includes(status)) continue;
        const r = act(status, action, { note: 'finding' });
        expect(r.audit).toMatchObject({ action, from: status, to: r.incident.status });
        legal.push([action, status, r.incident.status]);
      }
    }
    const key = (t: [string, string, string]) => t.join(' ');
    expect(legal.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it('refuses every jump the table does not allow, saying why', () => {
    let refused = 0;
    for (const status of INCIDENT_STATUSES) {
      for (const action of Object.keys(LIFECYCLE) as LifecycleAction[]) {
        const legal = LIFECYCLE[action].from.includes(status);
        // A note always goes along: a rework needs one, and the refusal must come from the table.
        if (legal) {
          expect(() => act(status, action, { note: 'finding' })).not.toThrow();
        } else {
          refused++;
          expect(() => act(status, action, { note: 'finding' })).toThrow(new RegExp(`cannot ${action} incident INC-000001: it is ${status}`));
        }
      }
    }
    // e.g. new → resolve, dispatched → close, closed → dispatch, cancelled → anything but a note.
    expect(refused).toBeGreaterThan(25);
    expect(() => act('new', 'close')).toThrow(DomainError);
    expect(() => act('closed', 'dispatch')).toThrow(DomainError);
    expect(() => act('cancelled', 'resolve')).toThrow(DomainError);
    // 结案 needs a passed check: not from resolved, and no check before the crew reports.
    expect(() => act('resolved', 'close')).toThrow(/cannot close incident INC-000001: it is resolved/);
    expect(() => act('onSite', 'verify')).toThrow(/cannot verify incident INC-000001: it is onSite/);
    expect(() => act('verified', 'rework', { note: 'late finding' })).toThrow(/cannot rework incident INC-000001: it is verified/);
    expect(() => act('closed', 'verify')).toThrow(DomainError);
  });

  it('sends a failed check back to the same team and work order, counting the rework; a rework needs its finding', () => {
    const supervisor: Actor = { kind: 'system', name: 'supervisor:310101001001', role: 'supervisor' };
    const resolved = makeIncident({ id: 'INC-000001', status: 'resolved', version: 5, teamSlot: 4, workOrderId: 'WO-000007' });
    const r = applyAction(resolved, { action: 'rework', actor: supervisor, at, recordedAt: at, note: '核查未通过：积水未排净' });
    expect(r.incident).toMatchObject({ status: 'dispatched', reworkCount: 1, teamSlot: 4, workOrderId: 'WO-000007', verifiedAt: null, version: 6 });
    expect(r.audit).toMatchObject({ action: 'rework', from: 'resolved', to: 'dispatched', actor: supervisor, note: '核查未通过：积水未排净' });
    // Nothing new is sent: the audit entry names no team, as for any step after the dispatch.
    expect(r.audit.teamId).toBeNull();
    const again = applyAction({ ...r.incident, status: 'resolved' }, { action: 'rework', actor: officer, at, recordedAt: at, note: 'still wet' });
    expect(again.incident.reworkCount).toBe(2);

    for (const note of [undefined, null, '   ']) {
      const missing = () => applyAction(resolved, { action: 'rework', actor: officer, at, recordedAt: at, note });
      expect(missing).toThrow(/without a note saying what failed the check/);
      try {
        missing();
      } catch (err) {
        expect((err as DomainError).code).toBe('BAD_REQUEST');
      }
    }
  });

  it('records when a check passed, and closes only after it', () => {
    const r = applyAction(makeIncident({ id: 'INC-000001', status: 'resolved', reworkCount: 1 }), { action: 'verify', actor: officer, at: at + 60_000, recordedAt: at });
    expect(r.incident).toMatchObject({ status: 'verified', verifiedAt: at + 60_000, reworkCount: 1 });
    const closed = applyAction(r.incident, { action: 'close', actor: officer, at: at + 120_000, recordedAt: at });
    expect(closed.incident).toMatchObject({ status: 'closed', verifiedAt: at + 60_000, reworkCount: 1 });
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
    expect(nextActions(makeIncident({ id: 'x', status: 'resolved' }))).toEqual(['verify', 'rework', 'note']);
    expect(nextActions(makeIncident({ id: 'x', status: 'verified' }))).toEqual(['close', 'note']);
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

  it('does not run for resolved, verified, closed or cancelled incidents', () => {
    for (const status of ['resolved', 'verified', 'closed', 'cancelled'] as const) expect(slaBreachAt({ ...incident, status }, 10 ** 9)).toBeNull();
  });

  it('runs the resolve clock again after a rework, from the same deadline', () => {
    const reworked = applyAction({ ...incident, status: 'resolved' }, { action: 'rework', actor: officer, at: 100 * 60_000, recordedAt: 0, note: 'road surface not restored' }).incident;
    expect(slaBreachAt(reworked, 119 * 60_000)).toBeNull();
    expect(slaBreachAt(reworked, 120 * 60_000 + 1)).toBe('resolve');
  });
});
