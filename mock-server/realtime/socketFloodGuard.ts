/**
 * One socket's budget of events (issue 17, finding 5), checked before anything else looks at an
 * event: a token bucket per socket, so a flood is refused for the cost of a subtraction; a socket
 * refused again and again within one window (it ignores RATE_LIMITED) is to be disconnected; and
 * what is worth a log line or a `server:error` is said once per socket and window, then counted.
 */
import { TokenBucket } from '../auth/rateLimit';

export interface FloodPolicy {
  /** Events at once, refilled over windowMs. */
  capacity: number;
  windowMs: number;
  /** Refusals within one window past which the socket is disconnected. */
  disconnectAfter: number;
}

/** 20 commands per 10 s, as a console needs at most; a socket refused 60 times in 10 s is flooding. */
export const SOCKET_FLOOD_POLICY: FloodPolicy = { capacity: 20, windowMs: 10_000, disconnectAfter: 60 };

export type Admission = 'ok' | 'refused' | 'disconnect';

export class SocketFloodGuard {
  private readonly bucket: TokenBucket;
  private refusedSince = -Infinity;
  private refused = 0;
  private readonly saidAt = new Map<string, number>();

  constructor(
    readonly policy: FloodPolicy = SOCKET_FLOOD_POLICY,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = new TokenBucket({ capacity: policy.capacity, windowMs: policy.windowMs, now });
  }

  /** Takes one event from the budget: ok, refused, or refused once too often (disconnect). */
  admit(): Admission {
    if (this.bucket.take()) return 'ok';
    const t = this.now();
    if (t - this.refusedSince >= this.policy.windowMs) {
      this.refusedSince = t;
      this.refused = 0;
    }
    this.refused += 1;
    return this.refused > this.policy.disconnectAfter ? 'disconnect' : 'refused';
  }

  /** Milliseconds until the budget has room again. */
  retryAfterMs(): number {
    return this.bucket.retryAfterMs();
  }

  /** True once per window for `topic` (a log line, a `server:error` of a kind): the rest are only counted. */
  firstInWindow(topic: string): boolean {
    const t = this.now();
    const last = this.saidAt.get(topic);
    if (last !== undefined && t - last < this.policy.windowMs) return false;
    this.saidAt.set(topic, t);
    return true;
  }
}
