/**
 * The closed road segments the closure layer draws: those named by active closure notices plus those
 * the road.closed channel flags, gathered again only when either changed, and handed on as new
 * arrays only when the set of segments or notices did.
 */
import type { Closure } from '@/protocol/cityEvents';

export interface ClosedSegments {
  /** Road segment slot per closed segment (picking index → slot). */
  slots: Int32Array;
  /** lon0, lat0, lon1, lat1 per closed segment. */
  lines: Float32Array;
  /** lon, lat per closure notice. */
  notices: Float32Array;
  /** The flooded underpass behind each notice (picking index → underpass slot). */
  underpasses: Int32Array;
}

export interface ClosureNotice {
  lon: number;
  lat: number;
  underpassSlot: number;
}

/** Gathers the closed segments' ends from the catalogue's lines, and the notices' places. */
export function closedSegments(slots: Iterable<number>, roadLines: Float32Array, notices: readonly ClosureNotice[] = []): ClosedSegments {
  const list = Int32Array.from(new Set(slots)).sort();
  const lines = new Float32Array(list.length * 4);
  list.forEach((slot, i) => lines.set(roadLines.subarray(slot * 4, slot * 4 + 4), i * 4));
  return {
    slots: list,
    lines,
    notices: Float32Array.from(notices.flatMap((n) => [n.lon, n.lat])),
    underpasses: Int32Array.from(notices, (n) => n.underpassSlot),
  };
}

export interface ClosureCache {
  /** Gathers again if `inputs` (the channel's and the closures' versions) changed since the last call. */
  update(closures: ReadonlyMap<string, Closure>, flags: ArrayLike<number>, inputs: string): void;
  readonly segments: ClosedSegments;
  /** Changes exactly when `segments` is replaced. */
  readonly key: string;
}

export function createClosureCache(roadLines: Float32Array): ClosureCache {
  const segmentCount = roadLines.length / 4;
  let inputsSeen = '';
  const cache = {
    key: '',
    segments: closedSegments([], roadLines),
    update(closures: ReadonlyMap<string, Closure>, flags: ArrayLike<number>, inputs: string) {
      if (inputs === inputsSeen) return;
      inputsSeen = inputs;
      const slots: number[] = [];
      const notices: ClosureNotice[] = [];
      for (const c of closures.values()) {
        if (c.state !== 'active') continue;
        slots.push(...c.segments);
        notices.push({ lon: c.lon, lat: c.lat, underpassSlot: c.underpassSlot });
      }
      for (let i = 0; i < flags.length; i++) if (flags[i]) slots.push(i);
      const valid = slots.filter((s) => s >= 0 && s < segmentCount);
      const key = `${[...new Set(valid)].sort((a, b) => a - b).join()}|${notices.map((n) => n.underpassSlot).join()}`;
      if (key === cache.key) return;
      cache.key = key;
      cache.segments = closedSegments(valid, roadLines, notices);
    },
  };
  return cache;
}
