/** CAP warnings in SQLite (migration `cap warnings`): one row per received alert, its CapAlert as JSON. */
import type { CapAlert } from '../cap/capAlert';
import type { StoredWarning, StoredWarningState, WarningStore } from '../cap/warningStore';
import type { Database } from './database';

interface Row {
  seq: number;
  key: string;
  alert: string;
  state: StoredWarningState;
  expires_at: number | null;
  ended_by: string | null;
  ended_at: number | null;
  received_at: number;
  source: string;
}

const COLUMNS = 'seq, key, alert, state, expires_at, ended_by, ended_at, received_at, source';

const fromRow = (r: Row): StoredWarning => ({
  seq: r.seq,
  key: r.key,
  alert: JSON.parse(r.alert) as CapAlert,
  state: r.state,
  expiresAt: r.expires_at,
  endedBy: r.ended_by,
  endedAt: r.ended_at,
  receivedAt: r.received_at,
  source: r.source,
});

export class SqliteWarningStore implements WarningStore {
  private readonly byKey;
  private readonly write;
  private readonly newest;

  constructor(db: Database) {
    this.byKey = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM cap_warnings WHERE key = ?`);
    const insert = db.prepare(
      `INSERT INTO cap_warnings (key, identifier, sender, sent, msg_type, alert, state, expires_at, received_at, source)
       VALUES (@key, @identifier, @sender, @sent, @msgType, @alert, @state, @expiresAt, @receivedAt, @source) ON CONFLICT (key) DO NOTHING`,
    );
    const end = db.prepare<[string, string, number, string]>("UPDATE cap_warnings SET state = ?, ended_by = ?, ended_at = ? WHERE key = ? AND state = 'active'");
    this.write = db.transaction((w: Omit<StoredWarning, 'seq'>, ends: readonly { key: string; state: 'replaced' | 'cancelled' }[]) => {
      const { alert } = w;
      const stored = insert.run({ key: w.key, identifier: alert.identifier, sender: alert.sender, sent: alert.sent, msgType: alert.msgType, alert: JSON.stringify(alert), state: w.state, expiresAt: w.expiresAt, receivedAt: w.receivedAt, source: w.source }).changes === 1;
      if (!stored) return { stored, ended: [] };
      return { stored, ended: ends.filter((e) => end.run(e.state, w.key, w.receivedAt, e.key).changes === 1).map((e) => e.key) };
    });
    this.newest = db.prepare<{ activeOnly: number; beforeSeq: number | null; limit: number; now: number }, Row>(
      `SELECT ${COLUMNS} FROM cap_warnings
       WHERE (@beforeSeq IS NULL OR seq < @beforeSeq)
         AND (@activeOnly = 0 OR (state = 'active' AND (expires_at IS NULL OR expires_at > @now)))
       ORDER BY seq DESC LIMIT @limit`,
    );
  }

  async get(key: string): Promise<StoredWarning | null> {
    const row = this.byKey.get(key);
    return row ? fromRow(row) : null;
  }

  async record(warning: Omit<StoredWarning, 'seq'>, end: readonly { key: string; state: 'replaced' | 'cancelled' }[]) {
    return this.write(warning, end);
  }

  async list(filter: { activeOnly: boolean; beforeSeq: number | null; limit: number; now: number }): Promise<StoredWarning[]> {
    return this.newest.all({ ...filter, activeOnly: filter.activeOnly ? 1 : 0 }).map(fromRow);
  }
}
