/**
 * Alarm rules as the engine runs them: which channel, which bands, how to smooth, when silence is
 * itself an alarm. compileRules.ts makes them from a rules file (docs/ingest.md) for one catalogue.
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { ChannelId } from '../../src/protocol/channels';
import type { IncidentCategory, Severity } from '../../src/protocol/cityEvents';

/** Raise at `above` or more; once raised, clear only below `clearBelow` (hysteresis against flapping). */
export interface Band {
  severity: Severity;
  above: number;
  clearBelow: number;
}

export interface RateOfRise {
  /** Rise per minute over `windowS` that trips the rule… */
  perMinute: number;
  windowS: number;
  /** …once the value is at least this much (a rise from dry to 2 cm is not a danger). */
  minValue: number;
  severity: Severity;
  /** The latched early alarm clears below this value. */
  clearBelow: number;
}

/**
 * How long a rise must last before it is raised: that many samples in a row, or that long since the
 * first sample over the line. Easing and clearing are never held back.
 */
export type Pending = { samples: number } | { durationS: number };

export interface ThresholdRule {
  id: string;
  trigger: 'threshold';
  assetKind: AssetKind;
  /** Only these slots of the kind (default: every one). */
  assetSlots?: readonly number[];
  channel: ChannelId;
  unit: string;
  /** Rolling-mean window before the bands are compared, seconds (0 = the latest sample). */
  windowS: number;
  /** Fixed bands, or per-asset bands (e.g. each water gauge's own warning and danger lines). */
  bands: Band[] | ((slot: number) => Band[]);
  rate?: RateOfRise;
  pending?: Pending;
  /** The frozen-sensor trigger: no data for this long is itself an alarm (its own, beside the readings' one). */
  frozenAfterS?: number;
  /** Opens an incident of this category when the alarm reaches `incidentAt`. */
  incident?: { category: IncidentCategory; at: Severity };
  /** Issues a road-closure notice while the alarm is critical. */
  closesRoad?: boolean;
}

/** A state channel (pump state) whose codes map straight to severities. */
export interface StateRule {
  id: string;
  trigger: 'state';
  assetKind: AssetKind;
  /** Only these slots of the kind (default: every one). */
  assetSlots?: readonly number[];
  channel: ChannelId;
  /** Severity per state code; codes not listed raise nothing. */
  severities: Partial<Record<number, Severity>>;
  pending?: Pending;
  /** States that count as "no data" for the frozen-sensor trigger. */
  silentStates?: number[];
  frozenAfterS?: number;
  incident?: { category: IncidentCategory; at: Severity };
}

/**
 * A geofence of a moving asset (a muck truck, seed 003): `offRoute` raises while the truck is farther
 * than its corridor from its permitted route, `dumpOffSite` while it unloads farther than a radius from
 * its disposal site. Positions and states are its channels (`truck.pos`, `truck.state`).
 */
export interface GeofenceRule {
  id: string;
  trigger: 'offRoute' | 'dumpOffSite';
  assetKind: AssetKind;
  /** Only these slots of the kind (default: every one). */
  assetSlots?: readonly number[];
  /** The position channel. */
  channel: ChannelId;
  /** The corridor's half-width, or the radius round the disposal site, metres, per slot (the registry's own where it has one). */
  limitM: (slot: number) => number;
  severity: Severity;
  pending?: Pending;
  /** Never set: a truck's silence is not judged by a geofence (kept for the rule set's common shape). */
  frozenAfterS?: undefined;
  incident?: { category: IncidentCategory; at: Severity };
}

export type AlarmRule = ThresholdRule | StateRule | GeofenceRule;

/** Whether a rule is a geofence (run by rules/geofenceEngine.ts, not by the readings' engine). */
export const isGeofenceRule = (rule: AlarmRule): rule is GeofenceRule => rule.trigger === 'offRoute' || rule.trigger === 'dumpOffSite';
