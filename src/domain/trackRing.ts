/**
 * The recent tracks of a moving fleet (the muck trucks): per slot, the last {@link TRACK_POINTS}
 * positions, a new one kept once the vehicle has moved {@link TRACK_SPACING_M} from the last kept.
 * The server keeps one so a screen that opens draws the tracks at once (`GET /api/tracks/muckTruck`);
 * the client keeps its own, extended from the frames. Typed arrays only: no objects per point.
 *
 * Spacing by distance, not time: a parked truck's GPS jitter (~10 m) never fills its ring, and a
 * moving one leaves a point every 150 m — finer than the road grid's blocks, so a turn off the route
 * shows. 64 points are about 10 km, a third to half of a haul across the city: enough to see where a
 * truck came from and the loop of a detour. 360 trucks × 64 points × 8 bytes = 184 KB.
 */
import { distanceM } from './routeDistance';

export const TRACK_POINTS = 64;
export const TRACK_SPACING_M = 150;

/** Tracks as paths: slot i's points are `starts[i]` to `starts[i + 1]` of `coords` (lon, lat pairs), oldest first. */
export interface TrackPaths {
  starts: Uint32Array;
  coords: Float32Array;
}

export class TrackRing {
  /** lon, lat per point, TRACK_POINTS per slot, as a ring. */
  private readonly points: Float32Array;
  private readonly head: Uint16Array;
  private readonly filled: Uint16Array;
  /** Bumped by every change, so a drawing knows when to redo its paths. */
  version = 0;

  constructor(
    readonly count: number,
    readonly capacity = TRACK_POINTS,
    readonly spacingM = TRACK_SPACING_M,
  ) {
    this.points = new Float32Array(count * capacity * 2);
    this.head = new Uint16Array(count);
    this.filled = new Uint16Array(count);
  }

  /** Keeps the position when it is the slot's first or far enough from its last; NaN (no fix) is skipped. */
  add(slot: number, lon: number, lat: number): boolean {
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || slot < 0 || slot >= this.count) return false;
    if (this.filled[slot] > 0) {
      const last = this.index(slot, this.filled[slot] - 1);
      if (distanceM(this.points[last], this.points[last + 1], lon, lat) < this.spacingM) return false;
    }
    const at = (slot * this.capacity + this.head[slot]) * 2;
    this.points[at] = lon;
    this.points[at + 1] = lat;
    this.head[slot] = (this.head[slot] + 1) % this.capacity;
    if (this.filled[slot] < this.capacity) this.filled[slot]++;
    this.version++;
    return true;
  }

  /** Every slot's position from a position channel (lon, lat per slot). */
  addAll(positions: ArrayLike<number>): void {
    for (let slot = 0; slot < this.count; slot++) this.add(slot, positions[slot * 2], positions[slot * 2 + 1]);
  }

  /** Replaces every slot's track with `paths` (a server's), where it has the same slots. */
  seed(paths: TrackPaths): void {
    if (paths.starts.length !== this.count + 1) return;
    this.head.fill(0);
    this.filled.fill(0);
    for (let slot = 0; slot < this.count; slot++) {
      for (let p = paths.starts[slot]; p < paths.starts[slot + 1]; p++) this.add(slot, paths.coords[p * 2], paths.coords[p * 2 + 1]);
    }
    this.version++;
  }

  /** The tracks as paths, oldest point first. */
  paths(): TrackPaths {
    const starts = new Uint32Array(this.count + 1);
    for (let slot = 0; slot < this.count; slot++) starts[slot + 1] = starts[slot] + this.filled[slot];
    const coords = new Float32Array(starts[this.count] * 2);
    for (let slot = 0; slot < this.count; slot++) {
      for (let k = 0; k < this.filled[slot]; k++) {
        const from = this.index(slot, k);
        coords[(starts[slot] + k) * 2] = this.points[from];
        coords[(starts[slot] + k) * 2 + 1] = this.points[from + 1];
      }
    }
    return { starts, coords };
  }

  /** Offset in `points` of the slot's k-th kept point, oldest first. */
  private index(slot: number, k: number): number {
    const oldest = this.filled[slot] < this.capacity ? 0 : this.head[slot];
    return (slot * this.capacity + ((oldest + k) % this.capacity)) * 2;
  }
}
