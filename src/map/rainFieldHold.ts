/**
 * A live update whose rain readings are being painted (a few ms in the worker) is handed to deck.gl
 * with the picture, not before it: one layer update and one redraw per update instead of two. The
 * picture's arrival renders again; a worker slower than `waitMs` is not waited for, and the first
 * live frame goes out at once (the field follows when painted).
 */
import type { RainFieldSource } from './rainFieldSource';

export interface RainFieldHold {
  /** Whether to hold the draw of this live version for its picture (and render again after `waitMs`). */
  hold(source: RainFieldSource | undefined, liveVersion: number, drawnBefore: boolean): boolean;
  cancel(): void;
}

export function createRainFieldHold(render: () => void, waitMs = 60): RainFieldHold {
  let heldFor = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    hold(source, liveVersion, drawnBefore) {
      clearTimeout(timer);
      if (!source?.pending || heldFor === liveVersion || !drawnBefore) return false;
      heldFor = liveVersion;
      timer = setTimeout(render, waitMs);
      return true;
    },
    cancel: () => clearTimeout(timer),
  };
}
