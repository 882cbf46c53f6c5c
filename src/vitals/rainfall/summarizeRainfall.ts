/** City-wide rain and water-level figures from the live channels (pure; the panel only formats). */
import { RAIN_BANDS } from '@/domain/rainBands';
import { waterLevelStateOf } from '@/domain/waterLevel';

export interface RainfallSummary {
  /** Highest intensity over all gauges, mm/h, and the slot that reads it (-1 when none). */
  maxMmH: number;
  maxSlot: number;
  /** Mean over all gauges, dry ones included, mm/h. */
  meanMmH: number;
  wetGauges: number;
  rainGauges: number;
  waterOverWarning: number;
  waterNearWarning: number;
  waterGauges: number;
}

export function summarizeRainfall(
  rain: ArrayLike<number>,
  water: ArrayLike<number>,
  warning: readonly number[],
  danger: readonly number[],
): RainfallSummary {
  let maxMmH = 0;
  let maxSlot = -1;
  let sum = 0;
  let valid = 0;
  let wet = 0;
  for (let i = 0; i < rain.length; i++) {
    const v = rain[i];
    if (!Number.isFinite(v)) continue;
    valid++;
    sum += v;
    if (v >= RAIN_BANDS[1].min) wet++;
    if (v > maxMmH) {
      maxMmH = v;
      maxSlot = i;
    }
  }
  let over = 0;
  let near = 0;
  for (let i = 0; i < water.length; i++) {
    const state = waterLevelStateOf(water[i], warning[i], danger[i]);
    if (state === 'warning' || state === 'danger') over++;
    else if (state === 'nearWarning') near++;
  }
  return {
    maxMmH,
    maxSlot,
    meanMmH: valid ? sum / valid : 0,
    wetGauges: wet,
    rainGauges: rain.length,
    waterOverWarning: over,
    waterNearWarning: near,
    waterGauges: water.length,
  };
}
