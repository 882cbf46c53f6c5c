/** What the warnings need from storage (storage/sqliteWarnings.ts implements it). */
import type { CapAlert } from './capAlert';

/** A warning's state as stored; `expired` is not stored but read against the clock (see warningBook.ts). */
export type StoredWarningState = 'active' | 'replaced' | 'cancelled' | 'cancellation' | 'notice';

export interface StoredWarning {
  /** Assigned by the store, increasing: the history's order and cursor. */
  seq: number;
  /** `sender,identifier,sent`, as CAP's `references` name it. */
  key: string;
  alert: CapAlert;
  state: StoredWarningState;
  expiresAt: number | null;
  /** The key of the Update or Cancel that ended it. */
  endedBy: string | null;
  endedAt: number | null;
  receivedAt: number;
  source: string;
}

export interface WarningStore {
  /** The warning of a key, or null. */
  get(key: string): Promise<StoredWarning | null>;
  /**
   * In one transaction: stores `warning` (unless its key is stored already: then false and nothing
   * changes), and ends each listed warning that is still active, by `warning.key`. Returns whether it
   * was stored and the keys it ended.
   */
  record(warning: Omit<StoredWarning, 'seq'>, end: readonly { key: string; state: 'replaced' | 'cancelled' }[]): Promise<{ stored: boolean; ended: string[] }>;
  /** Newest first, below `beforeSeq` when given; only state `active` when `activeOnly`. */
  list(filter: { activeOnly: boolean; beforeSeq: number | null; limit: number; now: number }): Promise<StoredWarning[]>;
}
