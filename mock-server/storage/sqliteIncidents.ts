/**
 * Incidents, their audit trail, idempotency keys and small facts in SQLite. A change is one
 * transaction: each incident is written only if it is still at the version it was read at (a
 * conditional UPDATE, so the check holds even with two writers), the audit entries are appended,
 * and the answer to an idempotent request is kept. better-sqlite3 commits synchronously with
 * `synchronous=FULL`, so a resolved commit is on disk. The case flow's fields (rework count, last
 * passing check) also have columns (migration 10), which a record kept before them reads from.
 */
import type { Incident, IncidentStatus } from '../../src/protocol/cityEvents';
import type { AuditEntry } from '../../src/protocol/workOrders';
import { incidentEvents } from '../webhooks/webhookEvents';
import type { Database } from './database';
import { WebhookOutbox } from './sqliteWebhooks';
import { VersionConflictError, type IncidentChange, type IncidentListFilter, type IncidentStore, type StoredResponse } from './stores';

export interface AuditRow {
  seq: number;
  incident_id: string;
  action: AuditEntry['action'];
  actor_kind: AuditEntry['actor']['kind'];
  actor_name: string;
  actor_role: string;
  at: number;
  recorded_at: number;
  from_status: AuditEntry['from'];
  to_status: AuditEntry['to'];
  version: number;
  team_id: string | null;
  note: string | null;
}

/** An incident row as read: its JSON record and the case-flow columns. */
export interface IncidentRow {
  record: string;
  rework_count: number;
  verified_at: number | null;
}

/** The columns {@link incidentOfRow} reads. */
export const INCIDENT_COLUMNS = 'record, rework_count, verified_at';

/** The incident a row holds; a record written before the case flow takes its fields from the columns' defaults (0, null). */
export const incidentOfRow = (r: IncidentRow): Incident => ({ ...(JSON.parse(r.record) as Incident), reworkCount: r.rework_count, verifiedAt: r.verified_at });

/** Which service requests to list (Open311's `GET requests` filters); omitted: any. */
export interface ServiceRequestQuery {
  /** Category codes, as a caller gives them (one that is no category matches nothing). */
  categories?: readonly string[];
  statuses?: readonly IncidentStatus[];
  /** Created at or after / at or before (the city's clock, epoch ms). */
  from?: number;
  to?: number;
  limit: number;
}

/**
 * An incident reported from outside, told by its record's text: JSON.stringify writes the key and
 * value so and escapes every quote inside a string, so no description can match. Written exactly as
 * the partial index of migration 12, so that SQLite uses it.
 */
const FROM_OUTSIDE = `record LIKE '%"source":"external"%'`;

export const toEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  incidentId: r.incident_id,
  action: r.action,
  actor: { kind: r.actor_kind, name: r.actor_name, role: r.actor_role },
  at: r.at,
  recordedAt: r.recorded_at,
  from: r.from_status,
  to: r.to_status,
  version: r.version,
  teamId: r.team_id,
  note: r.note,
});

export class SqliteIncidentStore implements IncidentStore {
  private readonly insert;
  private readonly update;
  private readonly upsert;
  private readonly append;
  private readonly remember;
  private readonly putMeta;
  private readonly commitTx;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      'INSERT INTO incidents (id, version, status, category, priority, district, created_at, updated_at, record, rework_count, verified_at) VALUES (@id, @version, @status, @category, @priority, @district, @createdAt, @updatedAt, @record, @reworkCount, @verifiedAt)',
    );
    this.update = db.prepare(
      'UPDATE incidents SET version = @version, status = @status, priority = @priority, updated_at = @updatedAt, record = @record, rework_count = @reworkCount, verified_at = @verifiedAt WHERE id = @id AND version = @previousVersion',
    );
    // The simulated city's own changes are serialised by the server; they need no version check.
    this.upsert = db.prepare(
      `INSERT INTO incidents (id, version, status, category, priority, district, created_at, updated_at, record, rework_count, verified_at)
       VALUES (@id, @version, @status, @category, @priority, @district, @createdAt, @updatedAt, @record, @reworkCount, @verifiedAt)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, status = excluded.status, priority = excluded.priority, updated_at = excluded.updated_at, record = excluded.record,
         rework_count = excluded.rework_count, verified_at = excluded.verified_at`,
    );
    this.append = db.prepare(
      `INSERT INTO audit (incident_id, action, actor_kind, actor_name, actor_role, at, recorded_at, from_status, to_status, version, team_id, note)
       VALUES (@incidentId, @action, @actorKind, @actorName, @actorRole, @at, @recordedAt, @from, @to, @version, @teamId, @note)`,
    );
    this.remember = db.prepare('INSERT INTO idempotency (scope, key, status, body, created_at) VALUES (?, ?, ?, ?, ?)');
    const outbox = new WebhookOutbox(db);
    this.putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.commitTx = db.transaction((change: IncidentChange): AuditEntry[] => {
      for (const { incident, previousVersion } of change.incidents) {
        const row = { ...this.columns(incident), previousVersion };
        if (previousVersion === 'any') this.upsert.run(row);
        else if (previousVersion === null) {
          const exists = db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(incident.id);
          if (exists) throw new VersionConflictError(incident.id, null);
          this.insert.run(row);
        } else if (this.update.run(row).changes !== 1) throw new VersionConflictError(incident.id, previousVersion);
      }
      const written = change.audit.map((a) => {
        const seq = Number(
          this.append.run({ ...a, actorKind: a.actor.kind, actorName: a.actor.name, actorRole: a.actor.role }).lastInsertRowid,
        );
        return { ...a, seq };
      });
      if (change.idempotency) {
        const { scope, key, response } = change.idempotency;
        this.remember.run(scope, key, response.status, JSON.stringify(response.body), Date.now());
      }
      for (const [key, value] of Object.entries(change.meta ?? {})) this.putMeta.run(key, value);
      // The webhooks' notices of this change commit with it (issue 16).
      outbox.add(incidentEvents(change.incidents.map((i) => i.incident), change.audit));
      return written;
    });
  }

  async commit(change: IncidentChange): Promise<AuditEntry[]> {
    return this.commitTx(change);
  }

  async get(id: string): Promise<Incident | null> {
    const row = this.db.prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ?`).get(id) as IncidentRow | undefined;
    return row ? incidentOfRow(row) : null;
  }

  async list(filter: IncidentListFilter = {}): Promise<Incident[]> {
    const statuses = filter.statuses ?? [];
    const where = statuses.length ? `WHERE status IN (${statuses.map(() => '?').join(', ')})` : '';
    const rows = this.db
      .prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents ${where} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(...statuses, filter.limit ?? 1000) as IncidentRow[];
    return rows.map(incidentOfRow);
  }

  /** Service requests (incidents reported from outside), newest first, filtered in SQL however far back they lie. */
  async serviceRequests(q: ServiceRequestQuery): Promise<Incident[]> {
    if (q.categories?.length === 0 || q.statuses?.length === 0) return [];
    const where = [FROM_OUTSIDE];
    const params: (string | number)[] = [];
    const term = (sql: string, ...values: (string | number)[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (q.categories) term(`category IN (${q.categories.map(() => '?').join(', ')})`, ...q.categories);
    if (q.statuses) term(`status IN (${q.statuses.map(() => '?').join(', ')})`, ...q.statuses);
    if (q.from !== undefined) term('created_at >= ?', q.from);
    if (q.to !== undefined) term('created_at <= ?', q.to);
    const rows = this.db.prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`).all(...params, q.limit) as IncidentRow[];
    return rows.map(incidentOfRow);
  }

  async audit(incidentId: string): Promise<AuditEntry[]> {
    return (this.db.prepare('SELECT * FROM audit WHERE incident_id = ? ORDER BY seq').all(incidentId) as AuditRow[]).map(toEntry);
  }

  async findResponse(scope: string, key: string): Promise<StoredResponse | null> {
    const row = this.db.prepare('SELECT status, body FROM idempotency WHERE scope = ? AND key = ?').get(scope, key) as { status: number; body: string } | undefined;
    return row ? { status: row.status, body: JSON.parse(row.body) } : null;
  }

  async getMeta(key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async setMeta(values: Record<string, string>): Promise<void> {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) this.putMeta.run(key, value);
    })();
  }

  private columns(i: Incident) {
    return {
      id: i.id,
      version: i.version,
      status: i.status,
      category: i.category,
      priority: i.priority,
      district: i.district,
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
      record: JSON.stringify(i),
      reworkCount: i.reworkCount ?? 0,
      verifiedAt: i.verifiedAt ?? null,
    };
  }
}
