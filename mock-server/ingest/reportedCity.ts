/**
 * The city as reported from outside, with no simulator (`--simulator off`): its clock is the wall
 * clock, its sensors read nothing until a reading comes in (NaN; state channels `offline`), and the
 * world reports nothing of its own (no radar, no city life). The pipeline lays what comes in over it
 * (FedSource), so the wall shows only what integrations send.
 */
import { CHANNEL_IDS, type ChannelArray, type ChannelId } from '../../src/protocol/channels';
import type { CityAssets } from '../city/assets';
import type { CitySource, SourceMoment } from '../pipeline/citySource';
import { allocateReadings, type Readings } from '../pipeline/readings';
import { noDataValue } from './ingestChannels';
import { ReportedWorld } from './reportedWorld';

/** Moments every second; the world reports every ten, as the simulator's does. */
const STEP_MS = 1000;
const WORLD_EVERY = 10;


export class ReportedCity implements CitySource {
  readonly stepMs = STEP_MS;
  readonly wallClock = true;
  readonly world: ReportedWorld;
  private step = 0;
  private readonly readings: Readings;

  constructor(
    readonly assets: CityAssets,
    readonly startTime: number,
  ) {
    this.world = new ReportedWorld(assets);
    this.readings = allocateReadings(assets);
    // NaN stored in a u8 channel (closures, team states: the desk's, not a sensor's) reads 0.
    for (const id of CHANNEL_IDS) this.readings[id].fill(noDataValue(id));
  }

  get timeMs(): number {
    return this.startTime + this.step * STEP_MS;
  }

  *advanceTo(untilMs: number): Generator<SourceMoment> {
    while (this.timeMs + STEP_MS <= untilMs) {
      this.step++;
      const world =
        this.step % WORLD_EVERY === 0 ? { dtS: WORLD_EVERY, arrivedTeams: [], cityLife: [], weather: { radar: [], forecastMaxC: Number.NaN } } : null;
      yield { timeMs: this.timeMs, world };
    }
  }

  read(channel: ChannelId): ChannelArray {
    const values = this.readings[channel];
    if (channel === 'road.closed') values.set(this.world.closed);
    else if (channel === 'team.state') values.set(this.world.teams.state);
    else if (channel === 'team.pos' || channel === 'truck.pos') {
      const { lon, lat } = channel === 'team.pos' ? this.world.teams : this.world.trucks;
      for (let i = 0; i < lon.length; i++) values.set([lon[i], lat[i]], i * 2);
    }
    return values;
  }

  readAll(out: Readings): void {
    for (const id of CHANNEL_IDS) out[id].set(this.read(id));
  }
}
