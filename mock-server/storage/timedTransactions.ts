/**
 * Times every write transaction of one database (the storage commit latency of issue 16's metrics)
 * and remembers whether the last one failed for a storage reason (a full disk, an I/O error, a
 * read-only file), which makes the server not ready (ops/readiness.ts) until a later commit works.
 * It wraps `db.transaction` once, before any repository prepares its transactions, so every
 * repository is covered without knowing.
 */
import type { Database } from './database';

/** SQLite result codes that mean the storage itself cannot write, not that the statement was wrong. */
const STORAGE_FAULTS = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY|LOCKED|PROTOCOL)/;

export interface CommitObserver {
  (seconds: number, outcome: 'committed' | 'failed'): void;
}

export interface CommitHealth {
  /** Why the last write transaction failed, when it failed for a storage reason; null once one commits. */
  lastFault(): string | null;
}

export function timeTransactions(db: Database, observe: CommitObserver): CommitHealth {
  let fault: string | null = null;
  const original = db.transaction.bind(db);
  type Run = (...args: unknown[]) => unknown;
  const wrap =
    (variant: Run): Run =>
    (...args) => {
      // A transaction inside another is a savepoint: only the outer one commits.
      if (db.inTransaction) return variant(...args);
      const started = performance.now();
      try {
        const result = variant(...args);
        observe((performance.now() - started) / 1000, 'committed');
        fault = null;
        return result;
      } catch (err) {
        observe((performance.now() - started) / 1000, 'failed');
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string' && STORAGE_FAULTS.test(code)) fault = `${code}: ${(err as Error).message}`;
        throw err;
      }
    };
  const timed = (run: Run) => {
    const transaction = original(run);
    return Object.assign(wrap(transaction), {
      default: wrap(transaction.default),
      deferred: wrap(transaction.deferred),
      immediate: wrap(transaction.immediate),
      exclusive: wrap(transaction.exclusive),
    });
  };
  db.transaction = timed as unknown as Database['transaction'];
  return { lastFault: () => fault };
}
