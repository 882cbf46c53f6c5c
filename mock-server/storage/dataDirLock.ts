/**
 * One server per data directory (issue 17, finding 10). Two servers on one SQLite file would each
 * keep their own counters in memory and hand out the same ids. The server holds `cityops.lock` in
 * the data directory, created exclusively (O_EXCL) with its pid and start time; a second server finds
 * it and refuses, naming that pid. A lock whose pid no longer runs (a server killed with SIGKILL, a
 * power cut) is stale and taken over. The assets and backfill commands are meant to run beside the
 * server and take no lock.
 */
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDataDir } from './database';

export const LOCK_FILE = 'cityops.lock';

/** Who holds a lock, as its file says. */
export interface LockOwner {
  pid: number;
  startedAt: string;
}

export interface DataDirLock {
  /** The stale lock's owner when this one replaced it (the caller logs it), else null. */
  takenOverFrom: LockOwner | null;
  /** Removes the lock file if it is still this process's. */
  release(): void;
}

/** The operator's to fix: another server runs on the directory. */
export class DataDirInUseError extends Error {}

export interface LockOptions {
  isAlive?: (pid: number) => boolean;
  now?: () => number;
}

/** A lock file too new to judge: its owner may be between creating it and writing its pid. */
const UNWRITTEN_GRACE_MS = 5_000;
/** Lock files this process holds (resolved paths), so that its own pid is not mistaken for a stale owner's. */
const held = new Set<string>();

/** Whether a process with that pid exists (EPERM: it does, under another user). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    return Number.isInteger(o.pid) && (o.pid as number) > 0 && typeof o.startedAt === 'string' ? { pid: o.pid as number, startedAt: o.startedAt } : null;
  } catch {
    return null;
  }
}

function inUse(dataDir: string, path: string, detail: string): DataDirInUseError {
  return new DataDirInUseError(
    `the data directory ${dataDir} is in use by ${detail}: stop that server, or give this one another CITYOPS_DATA_DIR (if no such server runs, delete ${path})`,
  );
}

/** Takes the data directory's lock (creating the directory, 0700, if needed), or throws DataDirInUseError. */
export function lockDataDir(dataDir: string, opts: LockOptions = {}): DataDirLock {
  const isAlive = opts.isAlive ?? isPidAlive;
  const now = opts.now ?? Date.now;
  ensureDataDir(dataDir);
  const path = resolve(join(dataDir, LOCK_FILE));
  const me = JSON.stringify({ pid: process.pid, startedAt: new Date(now()).toISOString() } satisfies LockOwner);
  let takenOverFrom: LockOwner | null = null;
  // A few rounds: a stale lock removed here may be taken by a rival starting at the same moment.
  for (let round = 0; round < 3; round++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${me}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      held.add(path);
      return { takenOverFrom, release: () => release(path, me) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const text = readLock(path);
    if (text === null) continue;
    const owner = parseOwner(text);
    if (held.has(path)) throw inUse(dataDir, path, `this process (pid ${process.pid})`);
    if (owner === null && now() - statSync(path).mtimeMs < UNWRITTEN_GRACE_MS) throw inUse(dataDir, path, 'a server starting right now');
    // Our own pid in a lock we do not hold is a previous life's (a container restarts as pid 1 again).
    if (owner !== null && owner.pid !== process.pid && isAlive(owner.pid)) {
      throw inUse(dataDir, path, `another CityOps server (pid ${owner.pid}, started ${owner.startedAt})`);
    }
    // Stale: removed only if it is still the lock just judged, not one a rival has written since.
    if (readLock(path) === text) rmSync(path, { force: true });
    takenOverFrom = owner ?? { pid: 0, startedAt: 'unknown (the lock file was unreadable)' };
  }
  throw inUse(dataDir, path, 'another server starting at the same moment');
}

function release(path: string, me: string): void {
  if (!held.delete(path)) return;
  if (readLock(path)?.trim() === me) rmSync(path, { force: true });
}
