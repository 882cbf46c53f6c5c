import { describe, expect, it } from 'vitest';
import type { Alarm, Closure, Incident } from '../../../../src/protocol/cityEvents';
import type { AuditEntry } from '../../../../src/protocol/workOrders';
import { alarmEvents, closureEvents, incidentEvents } from '../../../../mock-server/webhooks/webhookEvents';

const incident = { id: 'INC-7', version: 2, status: 'dispatched' } as Incident;
const entry = (action: AuditEntry['action'], version: number): Omit<AuditEntry, 'seq'> =>
  ({ incidentId: 'INC-7', action, at: 1000 + version, version, actor: { kind: 'system', name: 'desk', role: 'system' } }) as Omit<AuditEntry, 'seq'>;

describe('webhook events', () => {
  it('makes created, dispatched, closed and SLA-breach events of the audit, with ids from the incident and version', () => {
    const events = incidentEvents([incident], [entry('create', 1), entry('note', 1), entry('dispatch', 2), entry('slaBreach', 3), entry('close', 4)]);
    expect(events.map((e) => [e.id, e.type, e.at])).toEqual([
      ['incident.created:INC-7:v1', 'incident.created', 1001],
      ['incident.dispatched:INC-7:v2', 'incident.dispatched', 1002],
      ['incident.slaBreach:INC-7:v3', 'incident.slaBreach', 1003],
      ['incident.closed:INC-7:v4', 'incident.closed', 1004],
    ]);
    expect(events[0].data).toBe(incident);
  });

  it('makes a reassignment a dispatched event of its own, not a repeat of the first dispatch', () => {
    const events = incidentEvents([incident], [entry('dispatch', 2), entry('reassign', 3)]);
    expect(events.map((e) => [e.id, e.type, e.at])).toEqual([
      ['incident.dispatched:INC-7:v2', 'incident.dispatched', 1002],
      ['incident.dispatched:INC-7:v3', 'incident.dispatched', 1003],
    ]);
  });

  it('makes a failed check (返工) a dispatched event of its own: the team goes back', () => {
    const events = incidentEvents([incident], [entry('resolve', 5), entry('rework', 6), entry('verify', 8)]);
    expect(events.map((e) => [e.id, e.type, e.at])).toEqual([['incident.dispatched:INC-7:v6', 'incident.dispatched', 1006]]);
  });

  it('makes an event of a critical alarm raised or escalated, not of a warning or a clear', () => {
    const critical = { id: 'A1', severity: 'critical' } as Alarm;
    const warning = { id: 'A2', severity: 'warning' } as Alarm;
    const events = alarmEvents([
      { alarm: critical, action: 'raise', at: 5 },
      { alarm: warning, action: 'raise', at: 6 },
      { alarm: critical, action: 'clear', at: 7 },
      { alarm: { ...critical, id: 'A3' }, action: 'escalate', at: 8 },
    ]);
    expect(events.map((e) => e.id)).toEqual(['alarm.critical:A1:5', 'alarm.critical:A3:8']);
  });

  it('makes one closure.issued per active closure, keyed by its id', () => {
    const active = { id: 'CL-1', state: 'active', issuedAt: 9 } as Closure;
    const lifted = { id: 'CL-2', state: 'lifted', issuedAt: 3 } as Closure;
    expect(closureEvents([active, lifted])).toEqual([{ id: 'closure.issued:CL-1', type: 'closure.issued', at: 9, data: active }]);
  });
});
