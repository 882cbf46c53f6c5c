/**
 * Where the rain field picture is computed. Interpolating 550 gauges onto ~15,000 cells and colouring
 * them is about a millisecond, and finding each cell's neighbours once per catalogue tens of
 * milliseconds: in the browser both run in a Web Worker (rainField.worker.ts), so the wall's main
 * thread only swaps in the finished picture. Requests coalesce: while the worker is busy only the
 * newest readings wait, never a queue. The inline source does the same work synchronously, for tests
 * and for a browser that cannot start the worker.
 */
import { buildRainFieldGrid, paintRainField, type RainFieldGrid, type RainFieldPicture } from './rainField';

export interface RainFieldSource {
  /** Asks for the field of these readings (copied at once: the live arrays change in place). */
  submit(rain: ArrayLike<number>): void;
  /** The newest finished picture; null until the first. */
  readonly picture: RainFieldPicture | null;
  /** Bumps whenever a new picture is ready. */
  readonly version: number;
  /** Whether readings submitted are still being painted (the picture for them is on its way). */
  readonly pending: boolean;
  dispose(): void;
}

/** Messages to the worker. */
export type RainFieldRequest = { type: 'gauges'; positions: Float32Array } | { type: 'rain'; rain: Float32Array };

/** Computes on the calling thread, at once. */
export function inlineRainField(positions: Float32Array): RainFieldSource {
  let grid: RainFieldGrid | null = null;
  let values = new Float32Array(0);
  const source = {
    picture: null as RainFieldPicture | null,
    version: 0,
    pending: false,
    submit(rain: ArrayLike<number>) {
      if (!grid) {
        grid = buildRainFieldGrid(positions);
        values = new Float32Array(grid.width * grid.height);
      }
      source.picture = paintRainField(grid, rain, values);
      source.version++;
    },
    dispose() {},
  };
  return source;
}

/**
 * Computes in a Web Worker; `onReady` runs when a new picture has arrived (the map redraws then).
 * Falls back to the inline source where no worker can be started, and when the worker fails later
 * (its module does not load, or it throws): the newest readings are painted inline at once, so the
 * field never freezes on a busy flag that no answer will clear.
 */
export function workerRainField(positions: Float32Array, onReady: () => void): RainFieldSource {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./rainField.worker.ts', import.meta.url), { type: 'module', name: 'rain-field' });
  } catch {
    return inlineRainField(positions);
  }
  let busy = false;
  let waiting: Float32Array | null = null;
  /** The newest readings submitted, kept only to repaint them inline if the worker fails. */
  let latest: Float32Array | null = null;
  let inline: RainFieldSource | null = null;
  const send = (rain: Float32Array) => {
    busy = true;
    worker.postMessage({ type: 'rain', rain } satisfies RainFieldRequest, [rain.buffer]);
  };
  const paintInline = (rain: ArrayLike<number>) => {
    inline!.submit(rain);
    source.picture = inline!.picture;
    source.version++;
  };
  const source = {
    picture: null as RainFieldPicture | null,
    version: 0,
    get pending() {
      return busy;
    },
    submit(rain: ArrayLike<number>) {
      if (inline) return paintInline(rain);
      // The typed-array constructor copies a typed array in one block (`from` walks an iterator).
      latest = new Float32Array(rain);
      const copy = new Float32Array(rain);
      if (busy) waiting = copy;
      else send(copy);
    },
    dispose: () => worker.terminate(),
  };
  worker.onmessage = (e: MessageEvent<RainFieldPicture>) => {
    source.picture = e.data;
    source.version++;
    busy = false;
    if (waiting) {
      send(waiting);
      waiting = null;
    }
    onReady();
  };
  worker.onerror = (e) => {
    console.error('cityops: the rain field worker failed; painting on the main thread', e.message);
    worker.terminate();
    inline = inlineRainField(positions);
    busy = false;
    waiting = null;
    if (latest) {
      paintInline(latest);
      onReady();
    }
  };
  worker.postMessage({ type: 'gauges', positions: Float32Array.from(positions) } satisfies RainFieldRequest);
  return source;
}
