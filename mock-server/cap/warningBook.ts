/**
 * CAP alerts become warnings: an Alert starts one; an Update starts one and replaces the alerts its
 * `references` name; a Cancel ends them (CAP 1.2 §3.2.1 msgType). An alert whose `expires` has
 * passed is no longer active, whatever its stored state. Messages that are not in force — status
 * other than Actual, or msgType Ack and Error — are kept in the history as notices and end nothing.
 *
 * Every time the book keeps (received, expires, ended) is on the city's clock, and `expired` and
 * `?active=true` are read against it, so the API agrees with the wall at any simulated speed. An
 * alert from outside is placed on the city's clock at receipt by the time left until its expires
 * (the city shows it for as long as its sender meant); the simulated weather office's alerts are
 * written on the city's clock already.
 */
import { capExpiresMs, capKeyOf, type CapAlert } from './capAlert';
import type { StoredWarning, StoredWarningState, WarningStore } from './warningStore';

/** What a received alert became, for the sender's answer. */
export interface CapReceipt {
  identifier: string;
  key: string;
  became: 'active' | 'expired' | 'cancellation' | 'notice' | 'duplicate';
  /** The earlier alerts it replaced or cancelled. */
  ended: string[];
  /** Referenced alerts this server never received (nothing to end; kept for the sender to know). */
  unknownReferences: string[];
}

/** A warning's state as the API shows it: the stored state, with `expired` read against the clock. */
export type WarningState = StoredWarningState | 'expired';

export const stateAt = (w: Pick<StoredWarning, 'state' | 'expiresAt'>, now: number): WarningState =>
  w.state === 'active' && w.expiresAt !== null && w.expiresAt <= now ? 'expired' : w.state;

/** How a received alert's own times read: on the wall clock (from outside) or on the city's (the simulated office). */
export interface ReceiveOptions {
  onCityClock?: boolean;
}

export class WarningBook {
  /**
   * `cityNow`: the city's clock (simulated time while the simulator runs, else the wall clock);
   * `wallNow`: the wall clock, the one alerts from outside are written on.
   */
  constructor(
    private readonly store: WarningStore,
    readonly cityNow: () => number,
    private readonly wallNow: () => number = cityNow,
  ) {}

  /** Records `alert` from `source` and applies its msgType; idempotent on the alert's key. */
  async receive(alert: CapAlert, source: string, options: ReceiveOptions = {}): Promise<CapReceipt> {
    const key = capKeyOf(alert);
    const now = this.cityNow();
    const shift = options.onCityClock ? 0 : now - this.wallNow();
    const inForce = alert.status === 'Actual' && (alert.msgType === 'Alert' || alert.msgType === 'Update' || alert.msgType === 'Cancel');
    const refs = inForce && alert.msgType !== 'Alert' ? alert.references.map(capKeyOf) : [];
    const known = await Promise.all(refs.map(async (ref) => ((await this.store.get(ref)) === null ? null : ref)));
    const state: StoredWarningState = !inForce ? 'notice' : alert.msgType === 'Cancel' ? 'cancellation' : 'active';
    const expires = capExpiresMs(alert);
    const expiresAt = expires === null ? null : expires + shift;
    const { stored, ended } = await this.store.record(
      { key, alert, state, expiresAt, endedBy: null, endedAt: null, receivedAt: now, source },
      known.filter((k) => k !== null).map((k) => ({ key: k, state: alert.msgType === 'Cancel' ? 'cancelled' : 'replaced' })),
    );
    const unknownReferences = refs.filter((_r, i) => known[i] === null);
    if (!stored) return { identifier: alert.identifier, key, became: 'duplicate', ended: [], unknownReferences: [] };
    const shown = stateAt({ state, expiresAt }, now);
    return { identifier: alert.identifier, key, became: shown === 'active' || shown === 'expired' || shown === 'cancellation' ? shown : 'notice', ended, unknownReferences };
  }

  /** A page of warnings, newest first, and the cursor of the next page (null at the end). */
  async list(query: { active: boolean; limit: number; cursor: number | null }): Promise<{ warnings: StoredWarning[]; nextCursor: number | null }> {
    const rows = await this.store.list({ activeOnly: query.active, beforeSeq: query.cursor, limit: query.limit + 1, now: this.cityNow() });
    const page = rows.slice(0, query.limit);
    return { warnings: page, nextCursor: rows.length > query.limit ? page[page.length - 1]!.seq : null };
  }
}
