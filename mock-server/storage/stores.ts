/**
 * What the server needs from storage, as interfaces, so the embedded SQLite store (sqlite*.ts) can
 * be joined by a PostgreSQL one. Every method returns a promise (PostgreSQL is asynchronous); the
 * SQLite implementation answers at once. A resolved write is durable.
 */
import type { Role } from '../../src/protocol/auth';
import type { AlarmAction, AlarmChange, AlarmRecord, AlarmStateFilter } from '../../src/protocol/alarmRecords';
import type { Alarm, Closure, Incident, IncidentStatus } from '../../src/protocol/cityEvents';
import type { AuditEntry } from '../../src/protocol/workOrders';
import type { AssetRecord, RegistryState } from '../assets/assetRecord';
import { DomainError } from '../domainError';

export interface UserRecord {
  username: string;
  role: Role;
  /** The KDF's self-describing hash string (algorithm, parameters, salt, key). */
  passwordHash: string;
  createdAt: number;
  disabled: boolean;
}

export interface SessionRecord {
  tokenHash: string;
  username: string;
  createdAt: number;
  expiresAt: number;
}

export interface KioskLinkRecord {
  tokenHash: string;
  label: string;
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface AccountStore {
  getUser(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /** Inserts or replaces. */
  putUser(user: UserRecord): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  /** The session with this token hash, if it has not expired at `now`. */
  findSession(tokenHash: string, now: number): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: number): Promise<number>;
  createKioskLink(link: KioskLinkRecord): Promise<void>;
  findKioskLink(tokenHash: string): Promise<KioskLinkRecord | null>;
  listKioskLinks(): Promise<KioskLinkRecord[]>;
  revokeKioskLink(tokenHash: string, at: number): Promise<void>;
}

/** The answer first given to a request with an idempotency key, replayed to its retries. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * One atomic change: incidents written at the version they were read at (a stale one fails the
 * whole change with a conflict), audit entries appended, and, for a request with an idempotency
 * key, the answer kept for its retries.
 */
export interface IncidentChange {
  /** previousVersion: the version read (checked), null for a new incident, 'any' for the simulated city's own serialised changes. */
  incidents: { incident: Incident; previousVersion: number | null | 'any' }[];
  audit: Omit<AuditEntry, 'seq'>[];
  idempotency?: { scope: string; key: string; response: StoredResponse };
  /** Small facts to keep with the change (the simulated clock, the incident counter). */
  meta?: Record<string, string>;
}

/** A write that lost a race (the incident changed, or already exists): the caller's CONFLICT. */
export class VersionConflictError extends DomainError {
  constructor(
    readonly incidentId: string,
    readonly expected: number | null,
  ) {
    super('CONFLICT', expected === null ? `incident ${incidentId} already exists` : `incident ${incidentId} is no longer at version ${expected}`);
  }
}

export interface IncidentListFilter {
  statuses?: readonly IncidentStatus[];
  limit?: number;
}

export interface IncidentStore {
  /** Applies the change in one transaction; throws VersionConflictError and writes nothing on a stale version. */
  commit(change: IncidentChange): Promise<AuditEntry[]>;
  get(id: string): Promise<Incident | null>;
  /** Newest first. */
  list(filter?: IncidentListFilter): Promise<Incident[]>;
  audit(incidentId: string): Promise<AuditEntry[]>;
  findResponse(scope: string, key: string): Promise<StoredResponse | null>;
  getMeta(key: string): Promise<string | null>;
  setMeta(values: Record<string, string>): Promise<void>;
}

/** One simulated minute of the city: every indicator's value and the flood figures behind the daily report. */
export interface MinuteRecord {
  /** Start of the minute, epoch ms (simulated). */
  t: number;
  /** Indicator id → value (null: no value). */
  indicators: Record<string, number | null>;
  flood: { rainMean: number; rainMax: number; rainMaxSlot: number; pumpsRunning: number; pumpsFaulty: number; underpassesClosed: number };
}

/** A day's running flood totals per asset (rain per gauge, water-level peaks), kept as the day goes on. */
export interface FloodDayRecord {
  /** YYYY-MM-DD in Shanghai. */
  day: string;
  /** Minutes accumulated. */
  minutes: number;
  gaugeRainMm: number[];
  waterPeakM: number[];
  waterPeakAt: number[];
  waterOverWarningMinutes: number[];
  pumpRunMinutes: number;
}

export interface HistoryStore {
  /** Writes a minute (replacing one at the same time), the day's flood totals and any closure changes, in one transaction. */
  recordMinute(minute: MinuteRecord, floodDay: FloodDayRecord, closures: readonly Closure[]): Promise<void>;
  /** Closure notices as they change, between minutes. */
  recordClosures(closures: readonly Closure[]): Promise<void>;
  minutes(from: number, to: number): Promise<MinuteRecord[]>;
  floodDay(day: string): Promise<FloodDayRecord | null>;
  /** Closures issued before `to` and not lifted before `from`. */
  closures(from: number, to: number): Promise<Closure[]>;
  /** Incidents created in [from, to), and the audit entries of those incidents. */
  incidentsCreated(from: number, to: number): Promise<Incident[]>;
  auditOfIncidentsCreated(from: number, to: number): Promise<AuditEntry[]>;
  /** Incidents created in [from, to) or acted on in it (an audit entry then), with all their audit entries. */
  casesOfDay(from: number, to: number): Promise<{ incidents: Incident[]; audit: AuditEntry[] }>;
  /** Whether any minute in [from, to) was recorded. */
  hasMinutes(from: number, to: number): Promise<boolean>;
  /** Days (YYYY-MM-DD, Shanghai) with at least one recorded minute, newest first. */
  days(): Promise<string[]>;
  /** Deletes minutes before `before` (retention); returns how many. */
  prune(before: number): Promise<number>;
}

/** One reading from outside as it is kept: which asset and measure, when it was measured, its value. */
export interface StoredReading {
  kind: string;
  assetId: string;
  measure: string;
  /** Event time, epoch ms. */
  t: number;
  v: number;
}

export interface ReadingStore {
  /**
   * Keeps the readings in one transaction and says, per reading, whether it was new (false: the same
   * asset, measure and time was kept before, or earlier in this batch). Resolves once they are durable.
   */
  keepNew(readings: readonly StoredReading[], source: string, receivedAt: number): Promise<boolean[]>;
  /** One asset's measure in [from, to), oldest first. */
  series(kind: string, assetId: string, measure: string, from: number, to: number): Promise<{ t: number; v: number }[]>;
  /** Deletes readings received before `before` (retention); returns how many. */
  prune(before: number): Promise<number>;
}

/** One change of an alarm to keep: the alarm as it is after it, what happened, when and who. */
export interface AlarmChangeInput {
  alarm: Alarm;
  action: AlarmAction;
  /** When it happened (the alarm's own time, or the city's time for an acknowledgement), epoch ms. */
  at: number;
  /** Null for the rules; the username for an acknowledgement. */
  by: string | null;
  note: string | null;
}

/** Where a page of the alarm history continues: after this alarm in newest-first order. */
export interface AlarmCursor {
  raisedAt: number;
  id: string;
}

export interface AlarmFilter {
  /** Alarms active at some time in [from, to): raised before `to`, not cleared before `from`. */
  from?: number;
  to?: number;
  state?: AlarmStateFilter;
  kind?: string;
  assetId?: string;
  ruleId?: string;
  limit: number;
  after?: AlarmCursor;
}

export interface AlarmStore {
  /**
   * Appends the changes to the log and sets each alarm's current state, in one transaction (a tick's
   * changes are one commit, however many a storm raises). Resolves once they are durable.
   */
  record(changes: readonly AlarmChangeInput[], recordedAt: number): Promise<void>;
  get(id: string): Promise<AlarmRecord | null>;
  /** The alarm's change log, oldest first. */
  changes(id: string): Promise<AlarmChange[]>;
  /** Newest raised first; `next` is where the following page starts (null: this was the last). */
  list(filter: AlarmFilter): Promise<{ alarms: AlarmRecord[]; next: AlarmCursor | null }>;
  /** Every alarm stored as active, as the engine holds them (a null threshold back to NaN). */
  active(): Promise<Alarm[]>;
  /** Deletes alarms cleared before `before`, with their change logs (retention); returns how many alarms. */
  prune(before: number): Promise<number>;
}

/** The asset registry: every asset the city knows, kind by kind in slot order, and the registry's state. */
export interface AssetStore {
  /** Every asset, kinds in the protocol's order (ASSET_KINDS), each kind in slot order. */
  list(): Promise<AssetRecord[]>;
  /** The registry's state; null before anything was written (a fresh data directory). */
  state(): Promise<RegistryState | null>;
  /** Replaces the whole registry (slots in list order per kind) and its state in one transaction. */
  replace(records: readonly AssetRecord[], state: RegistryState): Promise<void>;
}

/**
 * Where SensorThings polling stands, per server (its service root URL) and Datastream (its `@iot.id`
 * as text): the start of the newest phenomenonTime read, epoch ms. Written after the gate kept a
 * page, so a crash in between re-reads that page (duplicates, applied once) and never skips one.
 */
export interface SensorThingsCursorStore {
  /** The cursors stored for a server, by Datastream. */
  load(server: string): Promise<Map<string, number>>;
  save(server: string, datastream: string, lastStart: number, at: number): Promise<void>;
}

export interface Storage {
  accounts: AccountStore;
  incidents: IncidentStore;
  history: HistoryStore;
  close(): void;
}
