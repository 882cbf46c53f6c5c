/**
 * Discrete city state — alarms, incidents, road closures — as it travels in snapshots (the active
 * sets) and in deltas (each change, in order). Texts are built by the client from codes and asset
 * names, so both languages come from one record.
 */
import type { AssetKind } from './assetKinds';
import type { ClosureNotice } from './closureNotice';
import type { WeatherWarning } from './weatherWarnings';

export const SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower is worse; for sorting and "worst of" roll-ups. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, major: 1, minor: 2, warning: 3 };

/** `offRoute` and `dumpOffSite`: a muck truck's geofences (its permitted route, its disposal site). */
export type AlarmTrigger = 'threshold' | 'rateOfRise' | 'frozen' | 'state' | 'offRoute' | 'dumpOffSite';

export interface Alarm {
  /** Stable per (rule, asset) episode. */
  id: string;
  ruleId: string;
  trigger: AlarmTrigger;
  assetKind: AssetKind;
  slot: number;
  assetId: string;
  severity: Severity;
  /** The value that tripped or last updated the alarm (rolling mean for threshold rules). */
  value: number;
  unit: string;
  /** The threshold crossed (NaN for state and frozen alarms). */
  threshold: number;
  /** Simulated (or ingest) times, epoch ms. */
  raisedAt: number;
  updatedAt: number;
  clearedAt: number | null;
  state: 'active' | 'cleared';
  acknowledged: boolean;
  /** When it was acknowledged (the city's time, epoch ms), once it is. */
  ackedAt?: number;
  /**
   * Set on a change made by a reading that arrived late (a gateway's buffered upload): the times are
   * when it happened, which was before the screens could know.
   */
  late?: boolean;
  lon: number;
  lat: number;
  district: number;
  /**
   * Where the load came from, for an alarm on a moving asset: the construction site a muck truck
   * loaded at, so an illegal dump is traced to its site (seed 003). Its position is then where the
   * truck was, not its home.
   */
  origin?: string;
}

export const INCIDENT_CATEGORIES = [
  'underpassFlooding',
  'waterlogging',
  'highWater',
  'pumpFault',
  'sensorFault',
  'trafficAccident',
  'powerOutage',
  'elevatorEntrapment',
  'litter',
  'muckDumping',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** The unit responsible by category (routed to the unit of the incident's district). */
export const RESPONSIBLE_UNITS = ['waterAuthority', 'trafficPolice', 'powerCompany', 'housing', 'cityAppearance', 'urbanManagement'] as const;
export type ResponsibleUnit = (typeof RESPONSIBLE_UNITS)[number];

/**
 * The work-order lifecycle, GB/T 30428's case flow (docs/grid.md): new (立案) → dispatched (派遣) →
 * accepted → onSite (处置) → resolved (反馈: the crew reports done) → verified (核查 passed) → closed
 * (结案), or cancelled; a failed check sends a resolved incident back to dispatched (返工).
 */
export const INCIDENT_STATUSES = ['new', 'dispatched', 'accepted', 'onSite', 'resolved', 'verified', 'closed', 'cancelled'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** Statuses still being handled (not resolved, verified, closed or cancelled). */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['new', 'dispatched', 'accepted', 'onSite'];
/** Statuses after which nothing more happens. */
export const FINAL_STATUSES: readonly IncidentStatus[] = ['closed', 'cancelled'];
/** Statuses an incident is still on the desk in: being handled, or awaiting its check or its closing. */
export const DESK_STATUSES: readonly IncidentStatus[] = INCIDENT_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

/** 1 is the most urgent. */
export type Priority = 1 | 2 | 3 | 4;

/**
 * Where an incident lies in the unit grid of GB/T 30428 (docs/grid.md): its 10,000 m² cell, the
 * responsible grid (community) and street (街道/镇/乡) it belongs to. The streets are modelled.
 */
export interface IncidentGridPlace {
  /** 16 digits: district (6) + street (3) + community (3) + the cell's serial (4). */
  cellCode: string;
  /** The responsible grid: the cell code's first 12 digits. */
  gridCode: string;
  /** The street's 9 digits (district + street). */
  streetCode: string;
  streetName: string;
  streetNameEn: string;
}

export interface Incident {
  id: string;
  /** Increments with every change; a command names the version it saw (optimistic concurrency). */
  version: number;
  category: IncidentCategory;
  priority: Priority;
  status: IncidentStatus;
  /** Raised by an alarm rule, by simulated city life, or reported from outside (12345, a dispatcher). */
  source: 'rule' | 'cityLife' | 'external';
  unit: ResponsibleUnit;
  district: number;
  lon: number;
  lat: number;
  /** Its cell and street; null off the grid (on water), absent on incidents kept before the grid. */
  grid?: IncidentGridPlace | null;
  /** The alarm that raised it, and its rule, for rule incidents. */
  alarmId: string | null;
  alarmRuleId: string | null;
  assetKind: AssetKind | null;
  assetSlot: number | null;
  /** The road segment it sits on, when it affects traffic. */
  segment: number | null;
  teamSlot: number | null;
  /** The current work order (a new one on each dispatch or reassignment), null before dispatch. */
  workOrderId: string | null;
  /** Escalated by a person or by an SLA breach; stays until the incident ends. */
  escalated: boolean;
  /** SLA deadlines (simulated time, epoch ms): dispatched by, resolved by. */
  dispatchDueAt: number;
  resolveDueAt: number;
  /** Which SLA was missed first, if any. */
  slaBreach: 'dispatch' | 'resolve' | null;
  /** How often a supervisor's check (核查) failed and sent the work back (返工); 0 for a new incident. */
  reworkCount: number;
  /** Simulated time of the last passing check (核查通过), epoch ms; null until one passes. */
  verifiedAt: number | null;
  /** What the reporter said, for incidents from outside; plain text, shown as text. */
  description: string | null;
  externalRef: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface Closure {
  id: string;
  /** The underpass whose flooding closed the road. */
  underpassSlot: number;
  alarmId: string;
  segments: number[];
  /** Who the notice went to. */
  notified: ResponsibleUnit;
  issuedAt: number;
  liftedAt: number | null;
  state: 'active' | 'lifted';
  lon: number;
  lat: number;
  district: number;
  /** Whether the notice reached the traffic police (the webhook outbox's word); absent until the outbox has the closure. */
  notice?: ClosureNotice;
}

export type CityEvent =
  | { type: 'alarm'; alarm: Alarm }
  | { type: 'incident'; incident: Incident }
  | { type: 'closure'; closure: Closure }
  | { type: 'warning'; warning: WeatherWarning };

/** What a snapshot carries of the discrete state: everything still active or open. */
export interface CityEventState {
  alarms: Alarm[];
  incidents: Incident[];
  closures: Closure[];
  /** Active weather warnings. */
  warnings: WeatherWarning[];
}
