/**
 * Readings from outside in SQLite: one row per (kind, asset, measure, event time), so the primary key
 * itself tells a new reading from a repeat (a QoS 1 redelivery, a gateway's second upload) and a
 * reading is applied once however often it is sent. Written in one transaction per batch.
 */
import type { Database } from './database';
import type { ReadingStore, StoredReading } from './stores';

export class SqliteReadingStore implements ReadingStore {
  private readonly write;
  private readonly selectSeries;
  private readonly deleteBefore;

  constructor(db: Database) {
    const insert = db.prepare(
      'INSERT INTO readings (kind, asset_id, measure, t, v, source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.write = db.transaction((readings: readonly StoredReading[], source: string, receivedAt: number) =>
      readings.map((r) => insert.run(r.kind, r.assetId, r.measure, r.t, r.v, source, receivedAt).changes === 1),
    );
    this.selectSeries = db.prepare<[string, string, string, number, number], { t: number; v: number }>(
      'SELECT t, v FROM readings WHERE kind = ? AND asset_id = ? AND measure = ? AND t >= ? AND t < ? ORDER BY t',
    );
    this.deleteBefore = db.prepare('DELETE FROM readings WHERE received_at < ?');
  }

  async keepNew(readings: readonly StoredReading[], source: string, receivedAt: number): Promise<boolean[]> {
    return readings.length === 0 ? [] : this.write(readings, source, receivedAt);
  }

  async series(kind: string, assetId: string, measure: string, from: number, to: number): Promise<{ t: number; v: number }[]> {
    return this.selectSeries.all(kind, assetId, measure, from, to);
  }

  async prune(before: number): Promise<number> {
    return this.deleteBefore.run(before).changes;
  }
}
