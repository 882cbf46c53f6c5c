/**
 * A new incident's record and its "create" audit entry: routed to its category's unit, with its
 * service-level deadlines, and tied to the alarm (rule, asset) or the site it came from.
 */
import type { Alarm, Incident, IncidentCategory, IncidentGridPlace } from '../../src/protocol/cityEvents';
import type { Actor, AuditEntry } from '../../src/protocol/workOrders';
import { CATEGORY_SPECS, SLA_MINUTES } from './categories';
import type { CitySite } from './deskWorld';

const MIN = 60_000;

/** The simulated city's desk in the audit trail. */
export const AUTO_DESK: Actor = { kind: 'system', name: 'auto-desk', role: 'system' };

/** The incident numbered `serial`, opened at `now`, in the unit-grid place `grid` (null off the grid). */
export function newIncident(
  serial: number,
  category: IncidentCategory,
  source: Incident['source'],
  site: CitySite,
  now: number,
  alarm: Alarm | null,
  grid: IncidentGridPlace | null = null,
): Incident {
  const spec = CATEGORY_SPECS[category];
  const sla = SLA_MINUTES[spec.priority];
  return {
    id: `INC-${String(serial).padStart(6, '0')}`,
    version: 1,
    category,
    priority: spec.priority,
    status: 'new',
    source,
    unit: spec.unit,
    district: site.district,
    lon: site.lon,
    lat: site.lat,
    grid,
    alarmId: alarm?.id ?? null,
    alarmRuleId: alarm?.ruleId ?? null,
    assetKind: alarm?.assetKind ?? site.asset?.kind ?? null,
    assetSlot: alarm?.slot ?? site.asset?.slot ?? null,
    segment: site.segment,
    teamSlot: null,
    workOrderId: null,
    escalated: false,
    dispatchDueAt: now + sla.dispatch * MIN,
    resolveDueAt: now + sla.resolve * MIN,
    slaBreach: null,
    reworkCount: 0,
    verifiedAt: null,
    description: null,
    externalRef: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The audit entry of an incident's creation: by the rule whose alarm opened it, or by the desk. */
export function creationAudit(incident: Incident): Omit<AuditEntry, 'seq'> {
  return {
    incidentId: incident.id,
    action: 'create',
    actor: incident.source === 'rule' ? { kind: 'system', name: incident.alarmRuleId ?? 'rules', role: 'rule' } : AUTO_DESK,
    at: incident.createdAt,
    recordedAt: incident.createdAt,
    from: null,
    to: 'new',
    version: 1,
    teamId: null,
    note: null,
  };
}
