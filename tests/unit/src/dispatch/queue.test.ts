import { describe, expect, it } from 'vitest';
import { buildQueue, formatCountdown, moveSelection, NO_FILTER, slaClock } from '@/dispatch/queue';
import { availableActions, canSendTeam } from '@/dispatch/incidentActions';
import { makeIncident } from '../../../support/incidentFixture';

const MIN = 60_000;

describe('buildQueue', () => {
  const incidents = [
    makeIncident({ id: 'INC-000001', priority: 3, dispatchDueAt: 5 * MIN }),
    makeIncident({ id: 'INC-000002', priority: 1, dispatchDueAt: 30 * MIN, category: 'underpassFlooding', district: 2 }),
    makeIncident({ id: 'INC-000003', priority: 1, dispatchDueAt: 10 * MIN, status: 'dispatched', resolveDueAt: 20 * MIN }),
    makeIncident({ id: 'INC-000004', priority: 1, dispatchDueAt: 8 * MIN }),
    makeIncident({ id: 'INC-000005', priority: 2, status: 'resolved' }),
  ];

  it('orders by priority, then by the deadline of the clock that runs now', () => {
    // P1s: INC-4 dispatch due 8 min, INC-3 resolve due 20 min (its dispatch deadline is past), INC-2 dispatch due 30 min.
    expect(buildQueue(incidents, NO_FILTER).map((i) => i.id)).toEqual(['INC-000004', 'INC-000003', 'INC-000002', 'INC-000005', 'INC-000001']);
  });

  it('filters by status, category, district and priority', () => {
    expect(buildQueue(incidents, { ...NO_FILTER, status: 'new' }).map((i) => i.id)).toEqual(['INC-000004', 'INC-000002', 'INC-000001']);
    expect(buildQueue(incidents, { ...NO_FILTER, category: 'underpassFlooding' }).map((i) => i.id)).toEqual(['INC-000002']);
    expect(buildQueue(incidents, { ...NO_FILTER, district: 2 }).map((i) => i.id)).toEqual(['INC-000002']);
    expect(buildQueue(incidents, { ...NO_FILTER, priority: 3 }).map((i) => i.id)).toEqual(['INC-000001']);
    expect(buildQueue(incidents, { status: 'new', category: 'trafficAccident', district: 0, priority: 1 }).map((i) => i.id)).toEqual(['INC-000004']);
  });
});

describe('slaClock', () => {
  const i = makeIncident({ id: 'INC-000001', createdAt: 0, dispatchDueAt: 20 * MIN, resolveDueAt: 120 * MIN });

  it('runs the dispatch clock while new: ok, due soon under 25 % left, breached past the deadline', () => {
    expect(slaClock(i, 10 * MIN)).toMatchObject({ kind: 'dispatch', state: 'ok', remainingMs: 10 * MIN });
    expect(slaClock(i, 15 * MIN).state).toBe('ok'); // exactly 25 % left
    expect(slaClock(i, 16 * MIN).state).toBe('dueSoon');
    expect(slaClock(i, 20 * MIN).state).toBe('breached');
    expect(slaClock(i, 25 * MIN)).toMatchObject({ state: 'breached', remainingMs: -5 * MIN });
  });

  it('runs the resolve clock while being handled, and none after', () => {
    expect(slaClock({ ...i, status: 'onSite' }, 100 * MIN)).toMatchObject({ kind: 'resolve', state: 'dueSoon', remainingMs: 20 * MIN });
    expect(slaClock({ ...i, status: 'resolved' }, 100 * MIN)).toMatchObject({ kind: null, state: 'none' });
  });

  it('formats the countdown as m:ss or h:mm:ss, without the sign', () => {
    expect(formatCountdown(4 * MIN + 5000)).toBe('4:05');
    expect(formatCountdown(-(62 * MIN + 3000))).toBe('1:02:03');
    expect(formatCountdown(NaN)).toBe('');
  });
});

describe('moveSelection', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('starts at the top, steps and stays within the list', () => {
    expect(moveSelection(rows, null, 1)).toBe('a');
    expect(moveSelection(rows, 'a', 1)).toBe('b');
    expect(moveSelection(rows, 'c', 1)).toBe('c');
    expect(moveSelection(rows, 'a', -1)).toBe('a');
    expect(moveSelection(rows, 'gone', -1)).toBe('a');
    expect(moveSelection([], 'a', 1)).toBeNull();
  });
});

describe('availableActions', () => {
  it('offers what the lifecycle allows from each status', () => {
    expect(availableActions({ status: 'new', escalated: false })).toEqual(['dispatch', 'escalated', 'cancelled', 'note']);
    expect(availableActions({ status: 'dispatched', escalated: true })).toEqual(['reassign', 'accepted', 'onSite', 'cancelled', 'note']);
    expect(availableActions({ status: 'onSite', escalated: false })).toEqual(['resolved', 'escalated', 'cancelled', 'note']);
    expect(availableActions({ status: 'resolved', escalated: false })).toEqual(['verified', 'reworked', 'note']);
    expect(availableActions({ status: 'verified', escalated: false })).toEqual(['closed', 'note']);
    expect(availableActions({ status: 'closed', escalated: false })).toEqual(['note']);
    expect([canSendTeam({ status: 'accepted' }), canSendTeam({ status: 'onSite' })]).toEqual([true, false]);
  });
});
