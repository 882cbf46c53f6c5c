/**
 * The running city: its pipeline stages, the feed that publishes them, and the pace at which the
 * simulated clock moves (speed × the tick interval, whole steps, the fraction carried to the next tick).
 */
import type { WireDelta } from '../../src/protocol/events';
import { catalogToWire, catalogVersionOf } from '../feed/catalogToWire';
import { LiveFeed, type LiveFeedOptions } from '../feed/liveFeed';
import { INDICATORS } from '../vitals/indicatorCatalogue';
import type { CityStages } from './cityStages';
import { publishedReadings } from './cityState';
import { cityStateOf, cityTick, vitalsOf } from './cityTick';
import { allocateReadings } from './readings';

export class LiveCity {
  readonly feed: LiveFeed;
  /** Fractional steps carried between ticks (speed × tick need not be whole seconds). */
  private pendingSteps = 0;

  /** Publishes the city's current state as the feed's first state (after any restore onto the desk). */
  constructor(
    readonly stages: CityStages,
    private readonly options: LiveFeedOptions,
  ) {
    const { assets, seed, staleAfterMs } = stages;
    const readings = publishedReadings(stages.source, allocateReadings(assets));
    const state = cityStateOf(stages, readings);
    const catalog = catalogToWire(assets, catalogVersionOf(seed, assets, INDICATORS, staleAfterMs), INDICATORS, staleAfterMs);
    this.feed = new LiveFeed(catalog, stages, { timeMs: state.timeMs, readings, vitals: vitalsOf(stages, state) }, options);
  }

  /** Advances one tick of wall time and returns the delta to broadcast. */
  tick(): WireDelta {
    const { source } = this.stages;
    // A city reported from outside keeps to the wall clock, whatever ticks were skipped.
    if (source.wallClock) return cityTick(this.stages, this.feed, Math.floor((this.options.now ?? Date.now)() / source.stepMs) * source.stepMs);
    this.pendingSteps += (this.options.speed * this.options.tickMs) / source.stepMs;
    const steps = Math.floor(this.pendingSteps);
    this.pendingSteps -= steps;
    return this.advance(steps);
  }

  /** Advances whole source steps and publishes one frame. */
  advance(steps: number): WireDelta {
    const { source } = this.stages;
    return cityTick(this.stages, this.feed, source.timeMs + steps * source.stepMs);
  }
}
