/**
 * Opens the embedded SQLite database: a file under the data directory, in WAL mode with
 * `synchronous=FULL`, so a committed transaction survives a killed process and a power cut (see
 * ../shared/ENVIRONMENT.md: 0 of 55,154 committed rows lost over 20 SIGKILL trials). better-sqlite3
 * is synchronous: a commit has reached the disk when the call returns, which is what lets the server
 * acknowledge a change only once it is durable. Pending migrations are applied on open.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Database = BetterSqlite3.Database;

export const DATABASE_FILE = 'cityops.sqlite';

/** Creates the data directory if missing, readable by its owner only (0700): it holds accounts and sessions. */
export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

/** Opens (creating if needed) `dataDir/cityops.sqlite`; `':memory:'` opens a throwaway database for tests. */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Database {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    ensureDataDir(dataDir);
    file = join(dataDir, DATABASE_FILE);
    // Created 0600 before SQLite opens it (SQLite would make it 0644), and SQLite gives its WAL the same mode.
    closeSync(openSync(file, 'a', 0o600));
  }
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process holding the file (a second server on the same data dir) waits, then fails clearly.
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

/** Applies the migrations not yet recorded, each in its own transaction; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) throw new Error(`the database is at schema version ${newest}, newer than this server knows (${known}): upgrade the server`);
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    done.push(m.version);
  }
  return done;
}
