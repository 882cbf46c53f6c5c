/**
 * Water levels: tide (Huangpu, damped on Suzhou Creek) plus a runoff store filled by local rain
 * and drained with a time constant. Metres, Wusong datum.
 */
import type { WaterGauge } from '../city/assets';

/** Principal lunar semi-diurnal period (M2), hours. */
const M2_HOURS = 12.42;
/** Spring–neap cycle, days. */
const SPRING_NEAP_DAYS = 14.77;
/** Reference epoch for the tide's phase: a high water at Wusongkou (approximate). */
const TIDE_EPOCH_MS = Date.UTC(2026, 0, 1, 3, 0, 0);

/** Metres of level per hour for each mm/h of local rain, before drainage. */
export const RUNOFF_GAIN = 0.012;
/** Hours for the runoff store to drain to 1/e. */
export const DRAIN_TAU_HOURS = 4;

export function tideAt(gauge: WaterGauge, timeMs: number): number {
  if (gauge.tideAmplitude === 0) return 0;
  const hours = (timeMs - TIDE_EPOCH_MS) / 3_600_000;
  const springNeap = 1 + 0.25 * Math.cos((2 * Math.PI * hours) / (24 * SPRING_NEAP_DAYS));
  return gauge.tideAmplitude * springNeap * Math.cos((2 * Math.PI * (hours - gauge.tideLagHours)) / M2_HOURS);
}

/** Explicit Euler on dS/dt = gain·R − S/τ; stable because dt (seconds) ≪ τ (hours). */
export function stepRunoffStore(store: number, rainMmH: number, dtS: number): number {
  const dtH = dtS / 3600;
  return store + (RUNOFF_GAIN * rainMmH - store / DRAIN_TAU_HOURS) * dtH;
}
