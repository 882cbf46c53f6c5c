/**
 * Has the city stopped ticking? The ticker (server.ts) reports each tick it finishes; readiness
 * (ops/readiness.ts) asks how long ago the last one was. Several tick intervals without one — a
 * stuck queue, a tick that never returns, a stopped ticker — is a stall: the wall would freeze.
 */

/** Ticks missed before the city counts as stalled. */
export const STALL_TICKS = 5;
/** Never less than this: at a fast test tick, a busy machine's pause is not a stall. */
export const MIN_STALL_MS = 5000;

export class TickWatch {
  private lastAt: number | null = null;
  readonly stallAfterMs: number;

  constructor(
    readonly tickMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.stallAfterMs = Math.max(STALL_TICKS * tickMs, MIN_STALL_MS);
  }

  /** The ticker started (or started again): the wait for a first tick counts from here. */
  started(): void {
    this.lastAt = this.now();
  }

  /** A tick finished. */
  ticked(): void {
    this.lastAt = this.now();
  }

  /** Null while ticks come; otherwise why the city counts as stalled. */
  problem(): string | null {
    if (this.lastAt === null) return 'the city has not started ticking';
    const since = this.now() - this.lastAt;
    if (since <= this.stallAfterMs) return null;
    return `the city tick has stalled: none for ${(since / 1000).toFixed(1)} s (one is due every ${this.tickMs / 1000} s)`;
  }
}
