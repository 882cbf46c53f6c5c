/**
 * Caps on concurrent sockets (issue 17, finding 5): per client address and per principal, so one
 * machine or one stolen token cannot open thousands of sockets that each hold a copy of the feed.
 * A place is taken in the handshake, before the socket joins, and given back when its connection
 * closes; concurrent handshakes cannot overshoot, since taking is synchronous.
 */
import type { Principal } from '../../src/protocol/auth';

export interface SocketCapLimits {
  perAddress: number;
  /** A user account or an integration key. */
  perAccount: number;
  /** One kiosk link (a wall of several screens), or demo mode's anonymous viewers together. */
  perKiosk: number;
}

export type CapReason = 'address' | 'account' | 'kiosk';

export type Reservation = { ok: true; release: () => void } | { ok: false; reason: CapReason; message: string };

/** The principal's key for counting, and which cap applies to it. */
function accountOf(p: Principal): { key: string; cap: 'account' | 'kiosk'; name: string } {
  if (p.kind === 'user') return { key: `user:${p.username}`, cap: 'account', name: `the account "${p.username}"` };
  if (p.kind === 'integration') return { key: `integration:${p.name}`, cap: 'account', name: `the integration key "${p.name}"` };
  if (p.kind === 'kiosk') return { key: `kiosk:${p.label}`, cap: 'kiosk', name: `the kiosk link "${p.label}"` };
  return { key: 'anonymous', cap: 'kiosk', name: 'anonymous viewers' };
}

export class SocketCaps {
  private readonly byAddress = new Map<string, number>();
  private readonly byAccount = new Map<string, number>();

  constructor(private readonly limits: SocketCapLimits) {}

  /** Takes a place for a socket from `address` as `principal`, or says which cap it would pass. */
  reserve(address: string, principal: Principal): Reservation {
    const account = accountOf(principal);
    const accountCap = account.cap === 'kiosk' ? this.limits.perKiosk : this.limits.perAccount;
    if ((this.byAccount.get(account.key) ?? 0) >= accountCap) {
      return { ok: false, reason: account.cap, message: `too many connections: ${account.name} has at most ${accountCap} open at once; close one (another screen or tab) and retry` };
    }
    if ((this.byAddress.get(address) ?? 0) >= this.limits.perAddress) {
      return { ok: false, reason: 'address', message: `too many connections: this address has at most ${this.limits.perAddress} open at once; close one and retry` };
    }
    bump(this.byAccount, account.key, 1);
    bump(this.byAddress, address, 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        bump(this.byAccount, account.key, -1);
        bump(this.byAddress, address, -1);
      },
    };
  }
}

/** Counts up or down, forgetting a key at zero so the maps hold only what is open. */
function bump(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}
