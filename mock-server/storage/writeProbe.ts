/**
 * Can the database take a write now? Readiness (ops/readiness.ts) asks before each answer: a
 * schema change inside a transaction that is rolled back touches the main file's pages without
 * leaving anything, so a read-only file, a lock held by another process or a closed connection
 * shows here, before a command fails on it. It does not wait for a lock (busy_timeout 0 for the
 * probe): a readiness check must answer at once.
 */
import type { Database } from './database';

/** Null when the database can write; otherwise why not. */
export function storageWriteProblem(db: Database): string | null {
  if (!db.open) return 'the database is closed';
  if (db.readonly) return 'the database is open read-only';
  // A transaction in progress on this connection is a write under way, not a problem (better-sqlite3 is synchronous).
  if (db.inTransaction) return null;
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec('CREATE TABLE cityops_write_probe (x INTEGER)');
    } finally {
      db.exec('ROLLBACK');
    }
    return null;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return `the database cannot write: ${typeof code === 'string' ? `${code}: ` : ''}${(err as Error).message}`;
  } finally {
    db.pragma(`busy_timeout = ${Number(busyTimeout)}`);
  }
}
