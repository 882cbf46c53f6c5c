import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type Database } from '../../../../mock-server/storage/database';

let parent: string;
let db: Database | undefined;
afterEach(() => {
  db?.close();
  rmSync(parent, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('the database on disk', () => {
  it('creates the data directory readable by its owner only (0700), and the database file 0600', () => {
    parent = mkdtempSync(join(tmpdir(), 'cityops-db-'));
    const dataDir = join(parent, 'nested', 'data');
    db = openDatabase(dataDir);
    db.prepare('CREATE TABLE t (x)').run();
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(join(dataDir, DATABASE_FILE)).toString(8)).toBe('600');
    // SQLite gives its WAL the database file's mode.
    expect(mode(join(dataDir, `${DATABASE_FILE}-wal`)).toString(8)).toBe('600');
  });
});
