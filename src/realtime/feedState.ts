/** The feed's state as the header shows it, from the socket state and the age of the last frame. */
export type FeedState = 'connecting' | 'live' | 'stale' | 'disconnected';

export interface FeedInput {
  connected: boolean;
  /** Whether the socket has ever connected in this page's life. */
  everConnected: boolean;
  /** Client time the last frame (snapshot or delta) arrived, ms; null before the first. */
  lastFrameAt: number | null;
  now: number;
  tickMs: number;
}

/** Three missed ticks, but never less than 5 s, so one late frame on a busy wall is not an alarm. */
export function staleAfterMs(tickMs: number): number {
  return Math.max(3 * tickMs, 5000);
}

export function feedState({ connected, everConnected, lastFrameAt, now, tickMs }: FeedInput): FeedState {
  if (!connected) return everConnected ? 'disconnected' : 'connecting';
  if (lastFrameAt === null) return 'connecting';
  return now - lastFrameAt > staleAfterMs(tickMs) ? 'stale' : 'live';
}
