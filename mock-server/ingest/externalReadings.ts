/**
 * The newest reading from outside per channel and slot, and when it was measured. A slot fed from
 * outside shows its own reading from then on, over whatever the base source (the simulator, or no
 * one) reads there: what comes in replaces the simulated value, and keeps its age.
 */
import type { ChannelArray, ChannelId } from '../../src/protocol/channels';

interface FedChannel {
  /** Slots fed from outside, in the order they were first fed. */
  slots: number[];
  values: Map<number, number>;
  times: Map<number, number>;
}

export class ExternalReadings {
  private readonly channels = new Map<ChannelId, FedChannel>();
  /** Slots whose newest reading changed since the feed last took them (their times go out with the next frame). */
  private changed = new Map<ChannelId, Set<number>>();

  /** Records `v` measured at `t` as the slot's newest reading when it is newer; returns whether it was. */
  set(channel: ChannelId, slot: number, v: number, t: number): boolean {
    let fed = this.channels.get(channel);
    if (!fed) this.channels.set(channel, (fed = { slots: [], values: new Map(), times: new Map() }));
    const newest = fed.times.get(slot);
    if (newest === undefined) fed.slots.push(slot);
    else if (t <= newest) return false;
    fed.values.set(slot, v);
    fed.times.set(slot, t);
    let changed = this.changed.get(channel);
    if (!changed) this.changed.set(channel, (changed = new Set()));
    changed.add(slot);
    return true;
  }

  /** The slots per channel whose newest reading changed since the last call, and forgets them. */
  takeChanged(): Map<ChannelId, Set<number>> {
    const out = this.changed;
    this.changed = new Map();
    return out;
  }

  /** Each fed slot of the channel with its newest reading's event time (undefined: none fed). */
  timesOf(channel: ChannelId): ReadonlyMap<number, number> | undefined {
    return this.channels.get(channel)?.times;
  }

  /** Event time of the slot's newest reading from outside (undefined: none yet). */
  timeOf(channel: ChannelId, slot: number): number | undefined {
    return this.channels.get(channel)?.times.get(slot);
  }

  /** Calls `visit` with every fed slot's newest reading, channel by channel (to carry them into a city rebuilt from a changed registry). */
  forEachFed(visit: (channel: ChannelId, slot: number, v: number, t: number) => void): void {
    for (const [channel, fed] of this.channels) for (const slot of fed.slots) visit(channel, slot, fed.values.get(slot)!, fed.times.get(slot)!);
  }

  /** How many slots of the channel are fed from outside. */
  fedCount(channel: ChannelId): number {
    return this.channels.get(channel)?.slots.length ?? 0;
  }

  /**
   * Writes every fed slot's newest value over `values` (one channel as its base source read it); a
   * slot whose newest reading was measured before `staleBefore` reads `noData` instead — a sensor
   * that fell silent is no data, not its last value held forever.
   */
  overlay(channel: ChannelId, values: ChannelArray, staleBefore = -Infinity, noData = Number.NaN): ChannelArray {
    const fed = this.channels.get(channel);
    if (!fed) return values;
    for (const slot of fed.slots) values[slot] = fed.times.get(slot)! < staleBefore ? noData : fed.values.get(slot)!;
    return values;
  }
}
