import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, isPidAlive, LOCK_FILE, lockDataDir } from '../../../../mock-server/storage/dataDirLock';

let parent: string;
let dataDir: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'cityops-lock-'));
  dataDir = join(parent, 'data');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const lockFile = () => join(dataDir, LOCK_FILE);
const writeLock = (pid: number) => writeFileSync(lockFile(), JSON.stringify({ pid, startedAt: '2026-07-15T06:00:00.000Z' }));

describe('data directory lock', () => {
  it('creates the directory 0700 and a lock file naming this process, removed on release', () => {
    const lock = lockDataDir(dataDir, { now: () => Date.parse('2026-07-15T06:00:00Z') });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toEqual({ pid: process.pid, startedAt: '2026-07-15T06:00:00.000Z' });
    expect(lock.takenOverFrom).toBeNull();
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
    lockDataDir(dataDir).release();
  });

  it('refuses while the owner runs, naming its pid and the directory', () => {
    lockDataDir(dataDir).release();
    writeLock(4242);
    const attempt = () => lockDataDir(dataDir, { isAlive: (pid) => pid === 4242 });
    expect(attempt).toThrow(DataDirInUseError);
    expect(attempt).toThrow(new RegExp(`${dataDir}.*pid 4242`));
    // The running owner's lock is left alone.
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(4242);
  });

  it('refuses a second lock in the same process', () => {
    const lock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(`this process (pid ${process.pid})`);
    lock.release();
  });

  it('takes over a lock whose pid no longer runs, and says whose it was', () => {
    lockDataDir(dataDir).release();
    writeLock(4242);
    const lock = lockDataDir(dataDir, { isAlive: () => false });
    expect(lock.takenOverFrom).toEqual({ pid: 4242, startedAt: '2026-07-15T06:00:00.000Z' });
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over its own pid from a lock it does not hold (a container restarted as the same pid)', () => {
    lockDataDir(dataDir).release();
    writeLock(process.pid);
    const lock = lockDataDir(dataDir);
    expect(lock.takenOverFrom?.pid).toBe(process.pid);
    lock.release();
  });

  it('leaves a lock file with no pid yet alone while it is fresh', () => {
    lockDataDir(dataDir).release();
    writeFileSync(lockFile(), '');
    expect(() => lockDataDir(dataDir)).toThrow(/starting right now/);
    const later = lockDataDir(dataDir, { now: () => Date.now() + 60_000 });
    expect(later.takenOverFrom?.pid).toBe(0);
    later.release();
  });

  it('knows a running pid from a gone one', () => {
    expect(isPidAlive(process.pid)).toBe(true);
    expect(isPidAlive(2 ** 22 + 1)).toBe(false);
  });
});
