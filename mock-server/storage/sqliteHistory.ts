/**
 * The city's history in SQLite: one row per simulated minute (every indicator and the flood figures,
 * as JSON), one row per day of running flood totals per asset, and the road-closure notices. About
 * 1,440 small rows a day; minutes older than the retention are pruned (see README, "History").
 */
import type { Closure, Incident } from '../../src/protocol/cityEvents';
import { SHANGHAI_OFFSET_MS } from '../../src/protocol/summary';
import type { AuditEntry } from '../../src/protocol/workOrders';
import { closureEvents } from '../webhooks/webhookEvents';
import type { Database } from './database';
import { WebhookOutbox } from './sqliteWebhooks';
import { incidentOfRow, INCIDENT_COLUMNS, toEntry, type AuditRow, type IncidentRow } from './sqliteIncidents';
import type { FloodDayRecord, HistoryStore, MinuteRecord } from './stores';

export class SqliteHistoryStore implements HistoryStore {
  private readonly putMinute;
  private readonly putFloodDay;
  private readonly putClosure;
  private readonly writeMinute;
  private readonly writeClosures;

  constructor(private readonly db: Database) {
    this.putMinute = db.prepare('INSERT INTO vitals_minutes (t, vals) VALUES (?, ?) ON CONFLICT (t) DO UPDATE SET vals = excluded.vals');
    this.putFloodDay = db.prepare('INSERT INTO flood_days (day, vals) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET vals = excluded.vals');
    this.putClosure = db.prepare(
      `INSERT INTO closures (id, underpass_slot, issued_at, lifted_at, record) VALUES (@id, @underpassSlot, @issuedAt, @liftedAt, @record)
       ON CONFLICT (id) DO UPDATE SET lifted_at = excluded.lifted_at, record = excluded.record`,
    );
    const outbox = new WebhookOutbox(db);
    this.writeClosures = db.transaction((closures: readonly Closure[]) => {
      for (const c of closures) this.putClosure.run({ id: c.id, underpassSlot: c.underpassSlot, issuedAt: c.issuedAt, liftedAt: c.liftedAt, record: JSON.stringify(c) });
      // The closure notice to the traffic police, as a webhook event, commits with the closure (issue 16).
      outbox.add(closureEvents(closures));
    });
    this.writeMinute = db.transaction((minute: MinuteRecord, floodDay: FloodDayRecord, closures: readonly Closure[]) => {
      this.putMinute.run(minute.t, JSON.stringify({ indicators: minute.indicators, flood: minute.flood }));
      this.putFloodDay.run(floodDay.day, JSON.stringify(floodDay));
      this.writeClosures(closures);
    });
  }

  async recordMinute(minute: MinuteRecord, floodDay: FloodDayRecord, closures: readonly Closure[]): Promise<void> {
    this.writeMinute(minute, floodDay, closures);
  }

  async recordClosures(closures: readonly Closure[]): Promise<void> {
    if (closures.length) this.writeClosures(closures);
  }

  async minutes(from: number, to: number): Promise<MinuteRecord[]> {
    const rows = this.db.prepare('SELECT t, vals FROM vitals_minutes WHERE t >= ? AND t < ? ORDER BY t').all(from, to) as { t: number; vals: string }[];
    return rows.map((r) => ({ t: r.t, ...(JSON.parse(r.vals) as Omit<MinuteRecord, 't'>) }));
  }

  async floodDay(day: string): Promise<FloodDayRecord | null> {
    const row = this.db.prepare('SELECT vals FROM flood_days WHERE day = ?').get(day) as { vals: string } | undefined;
    return row ? (JSON.parse(row.vals) as FloodDayRecord) : null;
  }

  async closures(from: number, to: number): Promise<Closure[]> {
    const rows = this.db.prepare('SELECT record FROM closures WHERE issued_at < ? AND (lifted_at IS NULL OR lifted_at >= ?) ORDER BY issued_at').all(to, from) as { record: string }[];
    return rows.map((r) => JSON.parse(r.record) as Closure);
  }

  async incidentsCreated(from: number, to: number): Promise<Incident[]> {
    const rows = this.db.prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id`).all(from, to) as IncidentRow[];
    return rows.map(incidentOfRow);
  }

  async auditOfIncidentsCreated(from: number, to: number): Promise<AuditEntry[]> {
    // One query for the whole day, not one per incident (a storm day opens over a thousand).
    const rows = this.db
      .prepare('SELECT a.* FROM audit a JOIN incidents i ON i.id = a.incident_id WHERE i.created_at >= ? AND i.created_at < ? ORDER BY a.seq')
      .all(from, to) as AuditRow[];
    return rows.map(toEntry);
  }

  async casesOfDay(from: number, to: number): Promise<{ incidents: Incident[]; audit: AuditEntry[] }> {
    // A case carried over from an earlier day counts where it was checked or closed (audit_at index).
    const ids = 'SELECT id FROM incidents WHERE created_at >= @from AND created_at < @to UNION SELECT incident_id FROM audit WHERE at >= @from AND at < @to';
    const rows = this.db.prepare(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id IN (${ids}) ORDER BY created_at, id`).all({ from, to }) as IncidentRow[];
    const audit = this.db.prepare(`SELECT * FROM audit WHERE incident_id IN (${ids}) ORDER BY seq`).all({ from, to }) as AuditRow[];
    return { incidents: rows.map(incidentOfRow), audit: audit.map(toEntry) };
  }

  async hasMinutes(from: number, to: number): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM vitals_minutes WHERE t >= ? AND t < ? LIMIT 1').get(from, to) !== undefined;
  }

  async days(): Promise<string[]> {
    // Group minutes by their Shanghai calendar day.
    const rows = this.db
      .prepare('SELECT DISTINCT CAST((t + ?) / 86400000 AS INTEGER) AS d FROM vitals_minutes ORDER BY d DESC')
      .all(SHANGHAI_OFFSET_MS) as { d: number }[];
    return rows.map((r) => new Date(r.d * 86_400_000).toISOString().slice(0, 10));
  }

  async prune(before: number): Promise<number> {
    return this.db.prepare('DELETE FROM vitals_minutes WHERE t < ?').run(before).changes;
  }
}
