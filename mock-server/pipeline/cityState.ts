/**
 * The city state a frame publishes: the readings as clients decode them and the active sets (alarms,
 * open incidents, closures, warnings), with the two running figures the vitals need. Plain data,
 * assembled once per tick from the source and the stages, read by the vitals and the feed.
 */
import { quantise } from '../../src/protocol/channelCodec';
import { CHANNEL_IDS, wireFormatOf } from '../../src/protocol/channels';
import type { CityEventState } from '../../src/protocol/cityEvents';
import type { CitySource } from './citySource';
import type { Readings } from './readings';

export interface CityState {
  /** Epoch ms of the readings. */
  timeMs: number;
  /** Every channel as published: rounded to what its wire format carries. */
  readings: Readonly<Readings>;
  events: CityEventState;
  /** Incidents opened in the last hour, closed ones included. */
  incidentsLastHour: number;
  /** Largest 1-hour rain total at any gauge, mm (the warning office's totals). */
  maxRain1hMm: number;
}

/** Reads every channel into `out`, rounded to what its wire format carries: what is published is what clients decode. */
export function publishedReadings(source: CitySource, out: Readings): Readings {
  source.readAll(out);
  for (const id of CHANNEL_IDS) quantise(out[id], wireFormatOf(id));
  return out;
}
