import { describe, expect, it } from 'vitest';
import { DESK_STATUSES, INCIDENT_STATUSES } from '@/protocol/cityEvents';
import { ACTION_FOR_TARGET, LIFECYCLE, NOTE_REQUIRED, nextActions, slaClockOf, startsFrom } from '@/protocol/workOrderLifecycle';
import { AUDIT_ACTIONS, TRANSITION_TARGETS } from '@/protocol/workOrders';

describe('the lifecycle table (GB/T 30428 case flow)', () => {
  it('has every audit action but create, each leading to a status or keeping it', () => {
    expect(Object.keys(LIFECYCLE).sort()).toEqual(AUDIT_ACTIONS.filter((a) => a !== 'create').sort());
    for (const spec of Object.values(LIFECYCLE)) {
      for (const from of spec.from) expect(INCIDENT_STATUSES).toContain(from);
      if (spec.to) expect(INCIDENT_STATUSES).toContain(spec.to);
    }
  });

  it('checks a resolved incident (核查) before it closes (结案): verify or rework from resolved, close from verified only', () => {
    expect(LIFECYCLE.verify).toEqual({ from: ['resolved'], to: 'verified' });
    expect(LIFECYCLE.rework).toEqual({ from: ['resolved'], to: 'dispatched' });
    expect(LIFECYCLE.close).toEqual({ from: ['verified'], to: 'closed' });
    expect(INCIDENT_STATUSES.filter((s) => startsFrom('close', s))).toEqual(['verified']);
    expect(nextActions({ status: 'resolved', escalated: false })).toEqual(['verify', 'rework', 'note']);
    expect(nextActions({ status: 'verified', escalated: true })).toEqual(['close', 'note']);
    expect(NOTE_REQUIRED).toEqual(['rework']);
  });

  it('names the transition command for each target, the verdicts included', () => {
    expect(Object.keys(ACTION_FOR_TARGET).sort()).toEqual([...TRANSITION_TARGETS].sort());
    expect(ACTION_FOR_TARGET.verified).toBe('verify');
    expect(ACTION_FOR_TARGET.reworked).toBe('rework');
    expect(ACTION_FOR_TARGET.closed).toBe('close');
  });

  it('runs no SLA clock while awaiting the check or the closing; keeps both on the desk', () => {
    expect(slaClockOf('resolved')).toBeNull();
    expect(slaClockOf('verified')).toBeNull();
    expect(slaClockOf('dispatched')).toBe('resolve');
    expect(DESK_STATUSES).toEqual(['new', 'dispatched', 'accepted', 'onSite', 'resolved', 'verified']);
  });
});
