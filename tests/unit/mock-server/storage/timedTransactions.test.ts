import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type Database } from '../../../../mock-server/storage/database';
import { timeTransactions } from '../../../../mock-server/storage/timedTransactions';

const open: Database[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('timeTransactions', () => {
  it('times each outer transaction, committed or failed, and counts a nested one once', () => {
    const db = openDatabase(':memory:');
    open.push(db);
    const seen: string[] = [];
    timeTransactions(db, (seconds, outcome) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      seen.push(outcome);
    });
    db.exec('CREATE TABLE t (x INTEGER PRIMARY KEY)');
    const insert = db.transaction((x: number) => db.prepare('INSERT INTO t VALUES (?)').run(x));
    const both = db.transaction((a: number, b: number) => {
      insert(a);
      insert(b);
    });
    insert(1);
    both.immediate(2, 3);
    expect(() => insert(1)).toThrow(/UNIQUE/);
    expect(seen).toEqual(['committed', 'committed', 'failed']);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
  });

  it('remembers a storage fault (not a refused statement) until a transaction commits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cityops-timed-'));
    dirs.push(dir);
    open.push(openDatabase(dir));
    const readonly = new BetterSqlite3(join(dir, DATABASE_FILE), { readonly: true });
    open.push(readonly);
    const health = timeTransactions(readonly, () => undefined);
    expect(() => readonly.transaction(() => readonly.exec('CREATE TABLE x (y)'))()).toThrow();
    expect(health.lastFault()).toMatch(/^SQLITE_READONLY/);
    expect(() => readonly.transaction(() => readonly.prepare('SELECT nope FROM schema_migrations').all())()).toThrow();
    expect(health.lastFault()).toMatch(/^SQLITE_READONLY/);
    readonly.transaction(() => readonly.prepare('SELECT count(*) FROM schema_migrations').get())();
    expect(health.lastFault()).toBeNull();
  });
});
