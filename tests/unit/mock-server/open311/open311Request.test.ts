import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type Incident } from '../../../../src/protocol/cityEvents';
import { open311RequestOf, serviceNoticeOf } from '../../../../mock-server/open311/open311Request';
import { makeIncident } from '../../../support/incidentFixture';

const T0 = Date.parse('2026-07-15T06:00:00Z');
/** The request at the incident's own position, with no address (the route converts the datum and finds the address). */
const requestOf = (i: Incident) => open311RequestOf(i, { address: null, address_id: null, lat: i.lat, long: i.lon });

describe('open311RequestOf', () => {
  it('is open until the work order ends, closed when closed or cancelled', () => {
    const statusOf = Object.fromEntries(INCIDENT_STATUSES.map((status) => [status, requestOf(makeIncident({ id: 'INC-000001', status })).status]));
    expect(statusOf).toEqual({ new: 'open', dispatched: 'open', accepted: 'open', onSite: 'open', resolved: 'open', verified: 'open', closed: 'closed', cancelled: 'closed' });
  });

  it('says the stage in status_notes, with the work order while it runs', () => {
    const dispatched = requestOf(makeIncident({ id: 'INC-000002', status: 'dispatched', workOrderId: 'WO-000009' }));
    expect(dispatched.status_notes).toBe('Work order dispatched. 已派单 (WO-000009)');
    expect(requestOf(makeIncident({ id: 'INC-000002', status: 'resolved', workOrderId: 'WO-000009' })).status_notes).toMatch(/^Handled; awaiting review/);
    expect(requestOf(makeIncident({ id: 'INC-000002', status: 'verified', workOrderId: 'WO-000009' })).status_notes).toMatch(/awaiting closure\. 核查通过，待结案/);
    expect(requestOf(makeIncident({ id: 'INC-000002', status: 'closed', workOrderId: 'WO-000009' })).status_notes).toBe('Closed: the work is done. 已结案');
    expect(requestOf(makeIncident({ id: 'INC-000002', status: 'cancelled' })).status_notes).toMatch(/cancelled/);
  });

  it('carries the place it is given, the unit, the city\'s times and the due time while open', () => {
    const incident = makeIncident({ id: 'INC-000003', category: 'muckDumping', unit: 'urbanManagement', lon: 121.47, lat: 31.23, description: 'earth', createdAt: T0, updatedAt: T0 + 60_000, resolveDueAt: T0 + 480 * 60_000, priority: 3 });
    const place = { address: '黄浦区街道01 Huangpu street 01', address_id: '3101010010010033', lat: 31.2281, long: 121.4655 };
    expect(open311RequestOf(incident, place)).toEqual({
      service_request_id: 'INC-000003', status: 'open', status_notes: 'Received; waiting for dispatch. 已受理，待派单',
      service_name: '渣土偷倒 Muck dumping', service_code: 'muckDumping', description: 'earth', agency_responsible: 'urbanManagement',
      service_notice: 'Priority 3: to be handled by 2026-07-15T14:00:00.000Z. 优先级 P3',
      requested_datetime: '2026-07-15T06:00:00.000Z', updated_datetime: '2026-07-15T06:01:00.000Z', expected_datetime: '2026-07-15T14:00:00.000Z',
      address: '黄浦区街道01 Huangpu street 01', address_id: '3101010010010033', zipcode: null, lat: 31.2281, long: 121.4655, media_url: null,
    });
    expect(requestOf({ ...incident, status: 'closed' }).expected_datetime).toBeNull();
    expect(serviceNoticeOf(incident)).toContain('P3');
  });

  it('names a category offered to no citizen by its code', () => {
    expect(requestOf(makeIncident({ id: 'INC-000004', category: 'pumpFault' })).service_name).toBe('pumpFault');
  });
});
