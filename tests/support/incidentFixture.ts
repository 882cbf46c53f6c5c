/** A complete incident record for tests, with any fields overridden. */
import type { Incident } from '../../src/protocol/cityEvents';

export function makeIncident(extra: Partial<Incident> & Pick<Incident, 'id'>): Incident {
  return {
    version: 1,
    category: 'trafficAccident',
    priority: 2,
    status: 'new',
    source: 'cityLife',
    unit: 'trafficPolice',
    district: 0,
    lon: 121.45,
    lat: 31.22,
    alarmId: null,
    alarmRuleId: null,
    assetKind: null,
    assetSlot: null,
    segment: null,
    teamSlot: null,
    workOrderId: null,
    escalated: false,
    dispatchDueAt: 10 * 60_000,
    resolveDueAt: 120 * 60_000,
    slaBreach: null,
    reworkCount: 0,
    verifiedAt: null,
    description: null,
    externalRef: null,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}
