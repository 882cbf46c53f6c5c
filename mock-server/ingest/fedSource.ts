/**
 * A source with readings from outside laid over it: the base source (the simulator, or a city with no
 * simulator) moves the clock and reads its sensors; every slot that has been fed from outside reads
 * its newest reading from outside instead, from the first one on. Downstream stages (rules, warning
 * office, feed) read this source and never know which slots are whose.
 */
import type { ChannelArray, ChannelId } from '../../src/protocol/channels';
import type { CityAssets } from '../city/assets';
import type { DeskWorld } from '../incidents/deskWorld';
import type { CitySource, SourceMoment } from '../pipeline/citySource';
import type { Readings } from '../pipeline/readings';
import type { ExternalReadings } from './externalReadings';
import { noDataValue } from './ingestChannels';
import { staleAfterByChannel, type StaleAfterByChannel } from './readingStaleness';

export class FedSource implements CitySource {
  /**
   * @param staleAfterMs per channel, how old a reading from outside may be before the slot reads no
   *   data (readingStaleness.ts; the catalogue carries the same intervals to the screens)
   */
  constructor(
    readonly base: CitySource,
    readonly external: ExternalReadings,
    readonly staleAfterMs: StaleAfterByChannel = staleAfterByChannel([]),
  ) {}

  get assets(): CityAssets {
    return this.base.assets;
  }

  get startTime(): number {
    return this.base.startTime;
  }

  get timeMs(): number {
    return this.base.timeMs;
  }

  get stepMs(): number {
    return this.base.stepMs;
  }

  get wallClock(): boolean | undefined {
    return this.base.wallClock;
  }

  get world(): DeskWorld {
    return this.base.world;
  }

  advanceTo(untilMs: number): Iterable<SourceMoment> {
    return this.base.advanceTo(untilMs);
  }

  read(channel: ChannelId): ChannelArray {
    return this.overlay(channel, this.base.read(channel));
  }

  readAll(out: Readings): void {
    this.base.readAll(out);
    for (const channel of Object.keys(out) as ChannelId[]) this.overlay(channel, out[channel]);
  }

  private overlay(channel: ChannelId, values: ChannelArray): ChannelArray {
    const staleBefore = this.base.timeMs - this.staleAfterMs[channel];
    return this.external.overlay(channel, values, staleBefore, noDataValue(channel));
  }
}
