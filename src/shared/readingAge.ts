/**
 * How old a live reading is, and when it counts as stale (issue 15), pure. A slot fed from outside
 * carries its reading's event time; a slot never fed was measured at its frame's time. A reading's
 * age is how long before its frame it was measured plus how long ago that frame arrived, so ages go
 * on growing while the feed is silent.
 */
import type { AssetKind } from '@/protocol/assetKinds';
import { CHANNELS, type ChannelId } from '@/protocol/channels';

/**
 * Channels whose slots can fall stale one by one: those read from sensors. The desk's own (team
 * positions and states, road closures) are as current as the feed that carries them.
 */
export const SENSOR_CHANNELS: ReadonlySet<ChannelId> = new Set<ChannelId>(
  (Object.keys(CHANNELS) as ChannelId[]).filter((id) => id !== 'team.pos' && id !== 'team.state' && id !== 'road.closed'),
);

/**
 * How long an asset's reading stands before it is stale: the shortest interval of the kind's sensor
 * channels, as the catalogue carries them from the server's rules (so a sensor turns grey as its
 * no-data alarm rises, not some minutes after). `fallbackMs` for a kind with no sensor channel.
 */
export function kindStaleAfterMs(staleAfterMs: Readonly<Record<ChannelId, number>>, kind: AssetKind, fallbackMs: number): number {
  let least = Infinity;
  for (const id of SENSOR_CHANNELS) if (CHANNELS[id].kind === kind) least = Math.min(least, staleAfterMs[id]);
  return least === Infinity ? fallbackMs : least;
}

/** The frame a reading arrived in: its source time and the client time it arrived. */
export interface FrameClock {
  simTime: number;
  receivedAt: number;
}

/**
 * The client-clock instant a reading is as old as (what an age label counts from): the frame's arrival
 * less how long before the frame it was measured. `readingTime` NaN: measured at the frame's time.
 */
export function readingSince(readingTime: number, frame: FrameClock): number {
  return Number.isNaN(readingTime) ? frame.receivedAt : frame.receivedAt - (frame.simTime - readingTime);
}

/** A reading's age at client time `now`, ms. */
export function readingAgeMs(readingTime: number, frame: FrameClock, now: number): number {
  return now - readingSince(readingTime, frame);
}

/**
 * Marks each slot whose reading is older than `staleAfterMs` (1) or not (0) in `out`; `times` per slot
 * as in {@link readingSince}. Returns whether any mark changed, so a layer repaints only then.
 */
export function writeStaleMask(times: Float64Array, frame: FrameClock, now: number, staleAfterMs: number, out: Uint8Array): boolean {
  // A reading measured before this instant (in source time) is stale.
  const oldest = frame.simTime - (staleAfterMs - (now - frame.receivedAt));
  const framesOwnStale = now - frame.receivedAt > staleAfterMs ? 1 : 0;
  let changed = false;
  for (let i = 0; i < out.length; i++) {
    const t = times[i];
    const stale = t === t ? (t < oldest ? 1 : 0) : framesOwnStale;
    if (out[i] !== stale) {
      out[i] = stale;
      changed = true;
    }
  }
  return changed;
}
