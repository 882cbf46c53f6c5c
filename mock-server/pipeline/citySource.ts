/**
 * The seam between the city and where its data comes from. A source reports what the city's sensors
 * read and what happens in it, moment by moment on its own clock; the pipeline (cityTick.ts) runs the
 * rules, the desk, the vitals and the feed on what it reports. The simulator is one source
 * (simulator/simulatedCity.ts); live feeds (MQTT, HTTP pushes) and a replay of recorded data are
 * others: each implements this interface and nothing downstream changes.
 */
import type { ChannelArray, ChannelId } from '../../src/protocol/channels';
import type { IncidentCategory } from '../../src/protocol/cityEvents';
import type { CityAssets } from '../city/assets';
import type { CitySite, DeskWorld } from '../incidents/deskWorld';
import type { RainCell } from '../simulator/rainCells';
import type { Readings } from './readings';

/** Something that happened in the city and becomes an incident: an accident, an outage, people trapped in a lift. */
export interface CityLifeReport {
  category: IncidentCategory;
  site: CitySite;
}

/**
 * What moved in the world since the last report (every 10 source seconds for the simulator): the desk
 * follows its teams and city life, and the weather office looks at the sky.
 */
export interface WorldReport {
  /** Source seconds since the last report. */
  dtS: number;
  /** Team slots that reached their destination. */
  arrivedTeams: number[];
  cityLife: CityLifeReport[];
  /** What the weather office sees beside the gauges and stations. */
  weather: {
    /** The radar picture: rain cells on the local km grid. */
    radar: readonly RainCell[];
    /** Today's forecast highest temperature in the city, °C (NaN: no forecast). */
    forecastMaxC: number;
  };
}

/** One moment of the source's clock. */
export interface SourceMoment {
  /** Epoch ms. */
  timeMs: number;
  /** Present on the moments the world reports on. */
  world: WorldReport | null;
}

export interface CitySource {
  /** The assets the source reports on, in slot order (fixed for its life). */
  readonly assets: CityAssets;
  /** Epoch ms of the source's first moment. */
  readonly startTime: number;
  /** Epoch ms of the source's current moment. */
  readonly timeMs: number;
  /** Ms between two of its moments. */
  readonly stepMs: number;
  /** The source keeps to the wall clock (a city reported from outside); absent: paced at speed × tick. */
  readonly wallClock?: boolean;
  /**
   * Moves the source on to `untilMs`, yielding each moment as it is reached. While the consumer holds
   * a moment, `read` and `readAll` report that moment, so it can sample what it needs then.
   */
  advanceTo(untilMs: number): Iterable<SourceMoment>;
  /** One channel as the sensors report it now (NaN while a sensor is silent). The array is reused. */
  read(channel: ChannelId): ChannelArray;
  /** Every channel as the sensors report it now, into `out`. */
  readAll(out: Readings): void;
  /** Where the desk's decisions land in this city. */
  readonly world: DeskWorld;
}
