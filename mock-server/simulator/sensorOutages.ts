/**
 * Sensors that stop reporting now and then (power, radio, a blocked probe): while silent a sensor
 * reads NaN, which the rules' frozen-sensor trigger turns into an alarm after a while.
 */
import type { Rng } from './rng';

export interface OutageSpec {
  /** Mean outages per sensor per day. */
  perSensorPerDay: number;
  minutes: [number, number];
}

/** Simulated ms until which each sensor is silent (0 = reporting). */
export type Outages = Float64Array;

export function stepOutages(outages: Outages, spec: OutageSpec, timeMs: number, dtS: number, rng: Rng): void {
  const p = (spec.perSensorPerDay * dtS) / 86_400;
  for (let i = 0; i < outages.length; i++) {
    // One draw per sensor per step keeps the stream aligned whatever happens.
    const u = rng.next();
    if (outages[i] <= timeMs && u < p) outages[i] = timeMs + rng.range(spec.minutes[0], spec.minutes[1]) * 60_000;
  }
}

export const isSilent = (outages: Outages, i: number, timeMs: number) => outages[i] > timeMs;
