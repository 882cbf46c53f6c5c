/**
 * The simulator as a city source: each one-second step is a moment, every tenth brings a world
 * report (teams arrived, city life, the radar and the day's forecast), and the sensors read the
 * simulated state as it stands at the moment.
 */
import type { ChannelArray, ChannelId } from '../../src/protocol/channels';
import type { CityAssets } from '../city/assets';
import type { CityGeo } from '../city/cityGeo';
import type { CitySource, SourceMoment } from '../pipeline/citySource';
import type { Readings } from '../pipeline/readings';
import { createCitySimulation, setScenario, simTime, stepCity, STEP_SECONDS, type CityRngs, type CitySimulation, type SimulationOptions } from './citySimulation';
import { createChannelReader, measureAll } from './measure';
import type { RainScenarioId } from './scenarios/rainScenarios';
import type { SimulatedWorld } from './simulatedWorld';

/** What the health check reports of the simulator. */
export interface SimulationStatus {
  /** Null when the simulator is off. */
  scenario: RainScenarioId | null;
  seed: number;
  rainCells: number;
}

export class SimulatedCity implements CitySource {
  readonly stepMs = STEP_SECONDS * 1000;
  readonly sim: CitySimulation;
  private readonly reader: ReturnType<typeof createChannelReader>;

  constructor(geo: CityGeo, options: SimulationOptions, rngs: CityRngs) {
    this.sim = createCitySimulation(geo, options, rngs);
    this.reader = createChannelReader(this.sim.assets);
  }

  get assets(): CityAssets {
    return this.sim.assets;
  }

  get startTime(): number {
    return this.sim.startTime;
  }

  get timeMs(): number {
    return simTime(this.sim);
  }

  get world(): SimulatedWorld {
    return this.sim.world;
  }

  *advanceTo(untilMs: number): Generator<SourceMoment> {
    while (this.timeMs + this.stepMs <= untilMs) {
      const world = stepCity(this.sim);
      yield { timeMs: this.timeMs, world };
    }
  }

  read(channel: ChannelId): ChannelArray {
    return this.reader(this.sim, channel);
  }

  readAll(out: Readings): void {
    measureAll(this.sim, out);
  }

  get scenario(): RainScenarioId {
    return this.sim.scenario;
  }

  setScenario(scenario: RainScenarioId): void {
    setScenario(this.sim, scenario);
  }

  status(): SimulationStatus {
    return { scenario: this.sim.scenario, seed: this.sim.seed, rainCells: this.sim.cells.length };
  }
}
