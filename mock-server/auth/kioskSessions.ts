/**
 * Sessions for kiosk walls (issue 17, finding 9). A kiosk link's token used to travel in every URL the
 * wall opened and landed in request logs; now the wall exchanges it once (POST /api/auth/kiosk) for a
 * session token and presents that. A kiosk session watches as its link and stops the moment the link
 * is revoked (the link is looked up on every check).
 *
 * Sessions are kept in memory, not in the sessions table (whose rows belong to user accounts): after a
 * server restart a wall's session is unknown, the wall is refused once and exchanges its link again,
 * as it does when a session expires (src/auth/kioskExchange.ts). Memory is bounded: expired sessions
 * are dropped, and past `maxSessions` the oldest goes.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../../src/protocol/auth';
import type { AccountStore } from '../storage/stores';
import { DEFAULT_SESSION_TTL_MS, digest, type AuthService } from './authService';

/** Longer than any token we issue: no hashing of megabyte headers. */
const MAX_TOKEN_CHARS = 512;

/** What the exchange answers: the session's token, its link's label, and when it stops working (epoch ms). */
export interface KioskSession {
  token: string;
  label: string;
  expiresAt: number;
}

export interface KioskSessionOptions {
  now?: () => number;
  ttlMs?: number;
  maxSessions?: number;
}

export class KioskSessions {
  /** Session token digest → the link's token digest and the session's end. */
  private readonly sessions = new Map<string, { linkHash: string; expiresAt: number }>();
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly maxSessions: number;

  constructor(
    private readonly accounts: Pick<AccountStore, 'findKioskLink'>,
    opts: KioskSessionOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.ttlMs = opts.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.maxSessions = opts.maxSessions ?? 10_000;
  }

  /** A new session for a valid, unrevoked kiosk link's token; null for anything else. */
  async exchange(linkToken: string): Promise<KioskSession | null> {
    if (linkToken.length > MAX_TOKEN_CHARS) return null;
    const linkHash = digest(linkToken);
    const link = await this.accounts.findKioskLink(linkHash);
    if (!link || link.revokedAt !== null) return null;
    this.prune();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.sessions.set(digest(token), { linkHash, expiresAt });
    return { token, label: link.label, expiresAt };
  }

  /** The kiosk behind a session token; null when the token is no live kiosk session. */
  async principalFor(token: string): Promise<Principal | null> {
    if (token.length > MAX_TOKEN_CHARS) return null;
    const hash = digest(token);
    const session = this.sessions.get(hash);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(hash);
      return null;
    }
    const link = await this.accounts.findKioskLink(session.linkHash);
    if (!link || link.revokedAt !== null) {
      this.sessions.delete(hash);
      return null;
    }
    return { kind: 'kiosk', label: link.label, role: 'operator' };
  }

  /** Ends a session (logout); unknown tokens are ignored. */
  end(token: string): void {
    if (token.length <= MAX_TOKEN_CHARS) this.sessions.delete(digest(token));
  }

  private prune(): void {
    const t = this.now();
    for (const [hash, s] of this.sessions) if (s.expiresAt <= t) this.sessions.delete(hash);
    // Maps iterate in insertion order: the first keys are the oldest sessions.
    for (const hash of this.sessions.keys()) {
      if (this.sessions.size < this.maxSessions) break;
      this.sessions.delete(hash);
    }
  }
}

/** `auth` that also knows kiosk sessions: every HTTP guard and the socket check see them. */
export function withKioskSessions(auth: AuthService, kiosks: KioskSessions): AuthService {
  return {
    ...auth,
    async principalFor(token) {
      return (token ? await kiosks.principalFor(token) : null) ?? auth.principalFor(token);
    },
    async logout(token) {
      kiosks.end(token);
      await auth.logout(token);
    },
  };
}
