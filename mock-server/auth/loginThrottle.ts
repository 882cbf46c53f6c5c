/**
 * The login throttle (issue 17, finding 1). An attempt takes a token from its client address's bucket
 * and from its account's bucket BEFORE the password is checked: the check is an async scrypt run, so
 * counting only its failures let a burst sent at once pass the limit together (60 guesses, 60 checks).
 * A login that succeeds gives its tokens back, so only failures wear the limit down. The per-account
 * limit holds against guesses spread over many addresses; it keys on the name as typed, existing or
 * not, so a refusal says nothing about whether the account exists.
 */
import { KeyedBuckets } from './rateLimit';

export interface LoginLimits {
  /** Attempts per client address per window. */
  perAddress: number;
  /** Attempts per account name per window. */
  perAccount: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddress: 10, perAccount: 10, windowMs: 60_000 };

/** An admitted attempt: `settle(true)` after a successful login gives its tokens back. */
export type LoginAdmission = { ok: true; settle(succeeded: boolean): void } | { ok: false; retryAfterMs: number };

/** Longer names share one key: nobody types a 64-character username, and keys stay small. */
const MAX_ACCOUNT_KEY = 64;

export class LoginThrottle {
  private readonly addresses: KeyedBuckets;
  private readonly accounts: KeyedBuckets;

  constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, now?: () => number) {
    this.addresses = new KeyedBuckets({ capacity: limits.perAddress, windowMs: limits.windowMs, now });
    this.accounts = new KeyedBuckets({ capacity: limits.perAccount, windowMs: limits.windowMs, now });
  }

  /** Counts an attempt now, synchronously, or refuses it when either its address or its account is spent. */
  admit(address: string, username: string): LoginAdmission {
    const byAddress = this.addresses.get(address);
    const byAccount = this.accounts.get(username.normalize('NFC').toLowerCase().slice(0, MAX_ACCOUNT_KEY));
    if (!byAddress.available() || !byAccount.available()) {
      return { ok: false, retryAfterMs: Math.max(byAddress.retryAfterMs(), byAccount.retryAfterMs()) };
    }
    byAddress.take();
    byAccount.take();
    let settled = false;
    return {
      ok: true,
      settle(succeeded) {
        if (settled) return;
        settled = true;
        if (succeeded) {
          byAddress.refund();
          byAccount.refund();
        }
      },
    };
  }
}
