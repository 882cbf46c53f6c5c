/**
 * A second city source for pipeline tests: the readings are whatever the test sets, the world reports
 * every ten seconds carry whatever city life the test queues, and the desk's effects are recorded
 * instead of played. It shows the pipeline needs nothing of the simulator.
 */
import type { CityAssets } from '../../mock-server/city/assets';
import { loadCityGeo } from '../../mock-server/city/cityGeo';
import { placeAssets } from '../../mock-server/city/placeAssets';
import type { DeskWorld } from '../../mock-server/incidents/deskWorld';
import type { CityLifeReport, CitySource, SourceMoment } from '../../mock-server/pipeline/citySource';
import { allocateReadings, type Readings } from '../../mock-server/pipeline/readings';
import { createRng } from '../../mock-server/simulator/rng';
import { CHANNEL_IDS, type ChannelArray, type ChannelId } from '../../src/protocol/channels';

let shared: CityAssets | undefined;
/** A small city (few assets, a coarse road grid), placed once per test file. */
export function smallCity(): CityAssets {
  shared ??= placeAssets(loadCityGeo(), createRng(3), { roadGridKm: 4, counts: { rainGauges: 6, waterGauges: 4, weatherStations: 3, pumpStations: 8, underpasses: 4, waterloggingPoints: 3, teams: 6, elevators: 10 } });
  return shared;
}

export class ScriptedSource implements CitySource {
  readonly stepMs = 1000;
  timeMs: number;
  readonly readings: Readings;
  /** What the desk asked of the world, in order. */
  readonly calls: string[] = [];
  /** City life to report at the next world report. */
  readonly cityLife: CityLifeReport[] = [];
  readonly world: DeskWorld;

  constructor(
    readonly assets: CityAssets,
    readonly startTime: number,
  ) {
    this.timeMs = startTime;
    this.readings = allocateReadings(assets);
    const log = (...parts: unknown[]) => this.calls.push(parts.join(' '));
    this.world = {
      team: () => ({ available: true, lon: 121.45, lat: 31.22, incident: null }),
      routeFor: () => ({ nodes: [0], segments: [], lengthKm: 1, minutes: 2 }),
      sendTeam: (slot, _route, id) => log('send', slot, id),
      releaseTeam: (slot) => log('release', slot),
      placeTeamOnSite: (slot) => log('onSite', slot),
      pumpOut: (kind, slot, working) => log('pumpOut', kind, slot, working),
      repairPump: (slot) => log('repair', slot),
      setRoadClosed: (segments, closed) => log('closed', segments.length, closed),
      setAccident: (segment, blocked) => log('accident', segment, blocked),
      setTrapped: (slot, trapped) => log('trapped', slot, trapped),
    };
  }

  /** Sets a channel's readings from now on. */
  set(channel: ChannelId, values: number[]): void {
    this.readings[channel].set(values);
  }

  *advanceTo(untilMs: number): Generator<SourceMoment> {
    while (this.timeMs + this.stepMs <= untilMs) {
      this.timeMs += this.stepMs;
      const reports = (this.timeMs - this.startTime) % 10_000 === 0;
      const world = reports ? { dtS: 10, arrivedTeams: [], cityLife: this.cityLife.splice(0), weather: { radar: [], forecastMaxC: NaN } } : null;
      yield { timeMs: this.timeMs, world };
    }
  }

  read(channel: ChannelId): ChannelArray {
    return this.readings[channel];
  }

  readAll(out: Readings): void {
    for (const id of CHANNEL_IDS) out[id].set(this.readings[id]);
  }
}
