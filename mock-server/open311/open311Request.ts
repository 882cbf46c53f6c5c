/**
 * An incident as an Open311 GeoReport v2 service request. GeoReport knows only `open` and `closed`:
 * everything before the work order ends is open (a resolved incident awaits the supervisor's check,
 * a verified one its closing), a closed or cancelled one is closed; `status_notes` says where the work order stands, in the
 * product's own stages. Times are the city's clock as ISO 8601.
 */
import type { Incident, IncidentStatus } from '../../src/protocol/cityEvents';
import type { Open311Address } from './open311Address';
import { open311ServiceName } from './open311Services';

/** A service request as `GET requests` answers it. */
export interface Open311ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number;
  long: number;
  media_url: string | null;
}

const NOTES: Record<IncidentStatus, string> = {
  new: 'Received; waiting for dispatch. 已受理，待派单',
  dispatched: 'Work order dispatched. 已派单',
  accepted: 'The work order was accepted by the team. 已接单',
  onSite: 'The team is on site. 处置中',
  resolved: 'Handled; awaiting review before closing. 已处置，待核查',
  verified: 'Checked by a supervisor; awaiting closure. 核查通过，待结案',
  closed: 'Closed: the work is done. 已结案',
  cancelled: 'Closed without work: the request was cancelled. 已撤销',
};

export const isClosedStatus = (status: IncidentStatus): boolean => status === 'closed' || status === 'cancelled';

const iso = (ms: number) => new Date(ms).toISOString();

/** What the request's reporter is told when it is taken: the service level it is handled under. */
export function serviceNoticeOf(incident: Incident): string {
  return `Priority ${incident.priority}: to be handled by ${iso(incident.resolveDueAt)}. 优先级 P${incident.priority}`;
}

/**
 * Where a request is, as Open311 gives it: its address (open311Address.ts) and its position in
 * WGS-84, the spec's datum (the city keeps positions in the basemap's, assets/datum.ts).
 */
export interface Open311Place extends Open311Address {
  lat: number;
  long: number;
}

/** The request an incident is; `zipcode` and `media_url` stay null (docs/api.md says why). */
export function open311RequestOf(incident: Incident, place: Open311Place): Open311ServiceRequest {
  const closed = isClosedStatus(incident.status);
  const order = incident.workOrderId && !closed ? ` (${incident.workOrderId})` : '';
  return {
    service_request_id: incident.id,
    status: closed ? 'closed' : 'open',
    status_notes: NOTES[incident.status] + order,
    service_name: open311ServiceName(incident.category),
    service_code: incident.category,
    description: incident.description,
    agency_responsible: incident.unit,
    service_notice: serviceNoticeOf(incident),
    requested_datetime: iso(incident.createdAt),
    updated_datetime: iso(incident.updatedAt),
    expected_datetime: closed ? null : iso(incident.resolveDueAt),
    address: place.address,
    address_id: place.address_id,
    zipcode: null,
    lat: place.lat,
    long: place.long,
    media_url: null,
  };
}
