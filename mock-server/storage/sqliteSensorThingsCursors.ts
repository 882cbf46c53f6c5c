/** SensorThings polling cursors in SQLite (migration 6): one row per server and Datastream. */
import type { Database } from './database';
import type { SensorThingsCursorStore } from './stores';

export class SqliteSensorThingsCursorStore implements SensorThingsCursorStore {
  private readonly select;
  private readonly upsert;

  constructor(db: Database) {
    this.select = db.prepare<[string], { datastream: string; last_start: number }>('SELECT datastream, last_start FROM sensorthings_cursors WHERE server = ?');
    this.upsert = db.prepare(
      'INSERT INTO sensorthings_cursors (server, datastream, last_start, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (server, datastream) DO UPDATE SET last_start = excluded.last_start, updated_at = excluded.updated_at',
    );
  }

  async load(server: string): Promise<Map<string, number>> {
    return new Map(this.select.all(server).map((r) => [r.datastream, r.last_start]));
  }

  async save(server: string, datastream: string, lastStart: number, at: number): Promise<void> {
    this.upsert.run(server, datastream, lastStart, at);
  }
}
