import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type Database } from '../../../../mock-server/storage/database';
import { storageWriteProblem } from '../../../../mock-server/storage/writeProbe';

const open: Database[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const fileDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cityops-probe-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  open.push(db);
  return { db, file: join(dir, DATABASE_FILE) };
};

describe('storageWriteProblem', () => {
  it('is null for a database that writes, and leaves nothing behind', () => {
    const { db } = fileDb();
    expect(storageWriteProblem(db)).toBeNull();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cityops_write_probe'").get()).toEqual({ n: 0 });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('names a read-only, a locked and a closed database', () => {
    const { db, file } = fileDb();
    const readonly = new BetterSqlite3(file, { readonly: true });
    open.push(readonly);
    expect(storageWriteProblem(readonly)).toBe('the database is open read-only');
    // Another process holding the write lock: refused at once, not after the 5 s busy timeout.
    db.exec('BEGIN IMMEDIATE');
    const other = openDatabase(file.slice(0, -DATABASE_FILE.length - 1));
    open.push(other);
    const started = Date.now();
    expect(storageWriteProblem(other)).toMatch(/^the database cannot write: SQLITE_BUSY/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(other.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.exec('ROLLBACK');
    expect(storageWriteProblem(other)).toBeNull();
    other.close();
    expect(storageWriteProblem(other)).toBe('the database is closed');
  });
});
