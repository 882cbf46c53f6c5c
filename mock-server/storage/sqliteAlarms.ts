/**
 * Alarms as records in SQLite: `alarm_changes` is the log (one row per raise, escalate, ease, clear or
 * acknowledge) and `alarms` each alarm's current state, with its filter columns beside the JSON
 * record. A batch of changes is one transaction, so a storm's hundred alarms in a tick cost one commit
 * (one fsync), not a hundred. JSON has no NaN: a state or no-data alarm's threshold is kept as null
 * and given back to the engine as NaN.
 */
import { alarmOfRecord, type AlarmChange, type AlarmRecord } from '../../src/protocol/alarmRecords';
import type { Alarm } from '../../src/protocol/cityEvents';
import { alarmEvents } from '../webhooks/webhookEvents';
import type { Database } from './database';
import { WebhookOutbox } from './sqliteWebhooks';
import type { AlarmChangeInput, AlarmCursor, AlarmFilter, AlarmStore } from './stores';

interface AlarmRow {
  record: string;
  acked_by: string | null;
}

interface ChangeRow {
  seq: number;
  alarm_id: string;
  action: AlarmChange['action'];
  at: number;
  recorded_at: number;
  actor: string | null;
  note: string | null;
  rule_id: string;
  alarm_trigger: AlarmChange['trigger'];
  asset_kind: AlarmChange['assetKind'];
  asset_id: string;
  severity: AlarmChange['severity'];
  value: number | null;
  unit: string;
  threshold: number | null;
  late: number;
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

function toRecord(row: AlarmRow): AlarmRecord {
  const stored = JSON.parse(row.record) as Omit<AlarmRecord, 'ackedBy'>;
  return { ...stored, threshold: stored.threshold ?? null, ackedAt: stored.ackedAt ?? null, ackedBy: row.acked_by };
}

const toChange = (r: ChangeRow): AlarmChange => ({
  seq: r.seq,
  alarmId: r.alarm_id,
  action: r.action,
  at: r.at,
  recordedAt: r.recorded_at,
  by: r.actor,
  note: r.note,
  ruleId: r.rule_id,
  trigger: r.alarm_trigger,
  assetKind: r.asset_kind,
  assetId: r.asset_id,
  severity: r.severity,
  value: r.value ?? NaN,
  unit: r.unit,
  threshold: r.threshold,
  late: r.late === 1,
});

export class SqliteAlarmStore implements AlarmStore {
  private readonly write;
  private readonly selectOne;
  private readonly selectChanges;
  private readonly selectActive;
  private readonly deleteBefore;

  constructor(private readonly db: Database) {
    // An acknowledgement names who; the rules' later changes (escalate, clear) keep that name.
    const upsert = db.prepare(
      `INSERT INTO alarms (id, rule_id, asset_kind, asset_id, state, acknowledged, raised_at, cleared_at, acked_at, acked_by, record)
       VALUES (@id, @ruleId, @assetKind, @assetId, @state, @acknowledged, @raisedAt, @clearedAt, @ackedAt, @ackedBy, @record)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, acknowledged = excluded.acknowledged, cleared_at = excluded.cleared_at,
         acked_at = excluded.acked_at, acked_by = COALESCE(excluded.acked_by, alarms.acked_by), record = excluded.record`,
    );
    const append = db.prepare(
      `INSERT INTO alarm_changes (alarm_id, action, at, recorded_at, actor, note, rule_id, alarm_trigger, asset_kind, asset_id, severity, value, unit, threshold, late)
       VALUES (@alarmId, @action, @at, @recordedAt, @by, @note, @ruleId, @trigger, @assetKind, @assetId, @severity, @value, @unit, @threshold, @late)`,
    );
    const outbox = new WebhookOutbox(db);
    this.write = db.transaction((changes: readonly AlarmChangeInput[], recordedAt: number) => {
      for (const { alarm, action, at, by, note } of changes) {
        const acknowledger = action === 'acknowledge' ? by : null;
        upsert.run({
          id: alarm.id,
          ruleId: alarm.ruleId,
          assetKind: alarm.assetKind,
          assetId: alarm.assetId,
          state: alarm.state,
          acknowledged: alarm.acknowledged ? 1 : 0,
          raisedAt: alarm.raisedAt,
          clearedAt: alarm.clearedAt,
          ackedAt: alarm.ackedAt ?? null,
          ackedBy: acknowledger,
          record: JSON.stringify(alarm),
        });
        append.run({
          alarmId: alarm.id,
          action,
          at,
          recordedAt,
          by,
          note,
          ruleId: alarm.ruleId,
          trigger: alarm.trigger,
          assetKind: alarm.assetKind,
          assetId: alarm.assetId,
          severity: alarm.severity,
          value: finiteOrNull(alarm.value),
          unit: alarm.unit,
          threshold: finiteOrNull(alarm.threshold),
          late: alarm.late ? 1 : 0,
        });
      }
      // A critical alarm's webhook notice commits with it (issue 16).
      outbox.add(alarmEvents(changes));
    });
    this.selectOne = db.prepare<[string], AlarmRow>('SELECT record, acked_by FROM alarms WHERE id = ?');
    this.selectChanges = db.prepare<[string], ChangeRow>('SELECT * FROM alarm_changes WHERE alarm_id = ? ORDER BY seq');
    this.selectActive = db.prepare<[], AlarmRow>("SELECT record, acked_by FROM alarms WHERE state = 'active' ORDER BY raised_at, id");
    const deleteChanges = db.prepare("DELETE FROM alarm_changes WHERE alarm_id IN (SELECT id FROM alarms WHERE state = 'cleared' AND cleared_at < ?)");
    const deleteAlarms = db.prepare("DELETE FROM alarms WHERE state = 'cleared' AND cleared_at < ?");
    this.deleteBefore = db.transaction((before: number) => {
      deleteChanges.run(before);
      return deleteAlarms.run(before).changes;
    });
  }

  async prune(before: number): Promise<number> {
    return this.deleteBefore(before);
  }

  async record(changes: readonly AlarmChangeInput[], recordedAt: number): Promise<void> {
    if (changes.length > 0) this.write(changes, recordedAt);
  }

  async get(id: string): Promise<AlarmRecord | null> {
    const row = this.selectOne.get(id);
    return row ? toRecord(row) : null;
  }

  async changes(id: string): Promise<AlarmChange[]> {
    return this.selectChanges.all(id).map(toChange);
  }

  async list(filter: AlarmFilter): Promise<{ alarms: AlarmRecord[]; next: AlarmCursor | null }> {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit + 1 };
    if (filter.to !== undefined) {
      where.push('raised_at < @to');
      params.to = filter.to;
    }
    if (filter.from !== undefined) {
      where.push('(cleared_at IS NULL OR cleared_at >= @from)');
      params.from = filter.from;
    }
    if (filter.state === 'active' || filter.state === 'cleared') {
      where.push('state = @state');
      params.state = filter.state;
    } else if (filter.state) where.push(`acknowledged = ${filter.state === 'acknowledged' ? 1 : 0}`);
    for (const [column, key, value] of [
      ['asset_kind', 'kind', filter.kind],
      ['asset_id', 'assetId', filter.assetId],
      ['rule_id', 'ruleId', filter.ruleId],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = @${key}`);
      params[key] = value;
    }
    if (filter.after) {
      where.push('(raised_at < @afterRaisedAt OR (raised_at = @afterRaisedAt AND id < @afterId))');
      params.afterRaisedAt = filter.after.raisedAt;
      params.afterId = filter.after.id;
    }
    const sql = `SELECT record, acked_by FROM alarms ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY raised_at DESC, id DESC LIMIT @limit`;
    const rows = this.db.prepare<[Record<string, string | number>], AlarmRow>(sql).all(params);
    const alarms = rows.slice(0, filter.limit).map(toRecord);
    const last = alarms[alarms.length - 1];
    return { alarms, next: rows.length > filter.limit ? { raisedAt: last.raisedAt, id: last.id } : null };
  }

  async active(): Promise<Alarm[]> {
    return this.selectActive.all().map((row) => alarmOfRecord(toRecord(row)));
  }
}
