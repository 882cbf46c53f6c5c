/**
 * Readings from outside in SQLite: one row per (kind, asset, measure, event time), so the primary key
 * itself tells a new reading from a repeat (a QoS 1 redelivery, a gateway's second upload) and a
 * reading is applied once however often it is sent.
 *
 * Group commit: batches that arrive while a write is being prepared share one transaction, written on
 * the next turn of the event loop. Each durable commit waits for the disk (synchronous=FULL), which
 * one batch at a time would pay per request; shared, it is paid once per turn however many HTTP
 * requests and MQTT messages came in. Every caller still resolves only after its rows are durable.
 */
import type { Database } from './database';
import type { ReadingStore, StoredReading } from './stores';

interface PendingBatch {
  readings: readonly StoredReading[];
  source: string;
  receivedAt: number;
  resolve(fresh: boolean[]): void;
  reject(err: unknown): void;
}

export class SqliteReadingStore implements ReadingStore {
  private readonly write;
  private readonly selectSeries;
  private readonly deleteBefore;
  private pending: PendingBatch[] = [];

  constructor(db: Database) {
    const insert = db.prepare(
      'INSERT INTO readings (kind, asset_id, measure, t, v, source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.write = db.transaction((batches: readonly PendingBatch[]) =>
      batches.map(({ readings, source, receivedAt }) => readings.map((r) => insert.run(r.kind, r.assetId, r.measure, r.t, r.v, source, receivedAt).changes === 1)),
    );
    this.selectSeries = db.prepare<[string, string, string, number, number], { t: number; v: number }>(
      'SELECT t, v FROM readings WHERE kind = ? AND asset_id = ? AND measure = ? AND t >= ? AND t < ? ORDER BY t',
    );
    this.deleteBefore = db.prepare('DELETE FROM readings WHERE received_at < ?');
  }

  keepNew(readings: readonly StoredReading[], source: string, receivedAt: number): Promise<boolean[]> {
    if (readings.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ readings, source, receivedAt, resolve, reject });
    });
  }

  async series(kind: string, assetId: string, measure: string, from: number, to: number): Promise<{ t: number; v: number }[]> {
    return this.selectSeries.all(kind, assetId, measure, from, to);
  }

  async prune(before: number): Promise<number> {
    return this.deleteBefore.run(before).changes;
  }

  /** Writes every batch waiting in one transaction and answers each; a failed write fails them all (nothing was kept). */
  private flush(): void {
    const batches = this.pending;
    this.pending = [];
    try {
      const fresh = this.write(batches);
      batches.forEach((b, i) => b.resolve(fresh[i]));
    } catch (err) {
      for (const b of batches) b.reject(err);
    }
  }
}
