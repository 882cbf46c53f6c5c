/**
 * A token bucket: `capacity` commands at once, refilled at `capacity / windowMs`. One per socket for
 * commands and one per address for failed logins, so a client that floods is answered cheaply.
 */
export interface TokenBucketOptions {
  capacity: number;
  windowMs: number;
  now?: () => number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly now: () => number;

  constructor(private readonly opts: TokenBucketOptions) {
    this.now = opts.now ?? Date.now;
    this.tokens = opts.capacity;
    this.last = this.now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.opts.capacity, this.tokens + ((t - this.last) * this.opts.capacity) / this.opts.windowMs);
    this.last = t;
  }

  /** Takes one token; false when the bucket is empty (the caller refuses the command). */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Gives back a token taken for something that turned out not to count (a login that succeeded). */
  refund(): void {
    this.refill();
    this.tokens = Math.min(this.opts.capacity, this.tokens + 1);
  }

  /** Whether a take() would succeed now, without taking. */
  available(): boolean {
    this.refill();
    return this.tokens >= 1;
  }

  /** True when the bucket has refilled completely: it remembers nothing of past use. */
  full(): boolean {
    this.refill();
    return this.tokens >= this.opts.capacity;
  }

  /** Milliseconds until one token is back. */
  retryAfterMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * this.opts.windowMs) / this.opts.capacity);
  }
}

/** Buckets by key (an IP address), dropping full ones so the map cannot grow without bound. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly opts: TokenBucketOptions,
    private readonly maxKeys = 10_000,
  ) {}

  get(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.prune();
      bucket = new TokenBucket(this.opts);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private prune(): void {
    // A bucket that has refilled completely carries no memory of past failures.
    for (const [key, b] of this.buckets) if (b.full()) this.buckets.delete(key);
    // Still full of busy keys (a wide attack): forget the oldest rather than grow.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
