/**
 * Main-thread timing for `npm run bench`: with `?bench=1` in the URL, `timed` records a
 * performance.measure entry named `cityops:<name>` that the bench collects, and the `mark*` functions
 * log when each live frame (by `seq`) was received, applied and drawn. Off by default, because
 * measure entries accumulate in the page's buffer.
 */
const enabled = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench');

export function timed<T>(name: string, work: () => T): T {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`cityops:${name}`, { start, end: performance.now() });
  }
}

/**
 * deck.gl applies a new layer list at its next animation frame (LayerManager.setLayers: layer
 * diffing, attribute updates and uploads), not inside `setProps`; so with the bench on that work is
 * measured too, as `deck:layers`, and counts in the update it belongs to. Its `detail` says how many
 * layers (sublayers included) deck.gl updated and how many it holds: a count no busy machine skews.
 * Pass deck.gl's LayerManager class (this module stays free of deck.gl imports: the baseline pages
 * use it too).
 */
export function timeDeckLayerUpdates(layerManager: { prototype: object }): void {
  const proto = layerManager.prototype as { setLayers?: (...args: unknown[]) => unknown; cityopsTimed?: boolean };
  if (!enabled || proto.cityopsTimed || !proto.setLayers) return;
  const setLayers = proto.setLayers;
  proto.setLayers = function (this: DeckLayerManager, ...args: unknown[]) {
    // deck.gl counts a layer's update (its first one included) in its stats as 'Layer updates'.
    const updates = this.context?.stats?.get('Layer updates');
    const before = updates?.count ?? 0;
    const start = performance.now();
    try {
      return setLayers.apply(this, args);
    } finally {
      const detail: DeckLayerCounts = { updated: (updates?.count ?? 0) - before, layers: this.layers?.length ?? 0 };
      performance.measure('cityops:deck:layers', { start, end: performance.now(), detail });
    }
  };
  proto.cityopsTimed = true;
}

/** What `deck:layers` measures carry: layers deck.gl updated in that call, and layers it holds. */
export interface DeckLayerCounts {
  updated: number;
  layers: number;
}

/** The parts of deck.gl's LayerManager the timing reads. */
interface DeckLayerManager {
  layers?: unknown[];
  context?: { stats?: { get(name: string): { count: number } } };
}

/** One live frame's path through the page; epoch ms, the clock the server stamps `sentAt` with. */
export interface FrameLatency {
  seq: number;
  sentAt: number;
  receivedAt: number;
  appliedAt?: number;
  drawnAt?: number;
}

/** Where the bench reads the log (and clears it when its window starts). */
export const LATENCY_LOG_KEY = '__cityopsLatency';

/** Ten minutes of 1 Hz frames: enough for any bench window, bounded for a page left open. */
const MAX_FRAMES = 600;

function latencyLog(): FrameLatency[] {
  const w = window as unknown as Record<string, FrameLatency[] | undefined>;
  return (w[LATENCY_LOG_KEY] ??= []);
}

export function markReceived(seq: number, sentAt: number): void {
  if (!enabled) return;
  const log = latencyLog();
  log.push({ seq, sentAt, receivedAt: Date.now() });
  if (log.length > MAX_FRAMES) log.splice(0, log.length - MAX_FRAMES);
}

/** Every received frame up to `seq` is now applied (a page may apply several frames at once). */
export function markApplied(seq: number): void {
  if (!enabled) return;
  const now = Date.now();
  const log = latencyLog();
  for (let i = log.length - 1; i >= 0 && log[i].appliedAt === undefined; i--) if (log[i].seq <= seq) log[i].appliedAt = now;
}

/**
 * A frame was drawn: every applied frame not yet drawn (up to `upToSeq`, for a page that knows which
 * frame the drawn state holds) is on screen now.
 */
export function markDrawn(upToSeq = Number.POSITIVE_INFINITY): void {
  if (!enabled) return;
  const now = Date.now();
  const log = latencyLog();
  // Walk back over frames not yet applied (received after the drawn state) to those waiting for a draw.
  let i = log.length - 1;
  while (i >= 0 && log[i].appliedAt === undefined) i--;
  for (; i >= 0 && log[i].drawnAt === undefined; i--) if (log[i].appliedAt !== undefined && log[i].seq <= upToSeq) log[i].drawnAt = now;
}
