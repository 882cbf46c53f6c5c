/** Writes per-slot RGBA colours for live layers straight into typed arrays (no per-item objects). */
import { RAIN_BANDS, rainBandOf } from '@/domain/rainBands';
import { WATER_LEVEL_COLORS, waterLevelStateOf } from '@/domain/waterLevel';

export function writeRainColors(rain: ArrayLike<number>, out: Uint8Array): void {
  for (let i = 0; i < rain.length; i++) {
    const [r, g, b] = rainBandOf(rain[i]).color;
    const dry = rain[i] < RAIN_BANDS[1].min;
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    // Dry gauges stay visible but recede, so the eye goes to where it rains.
    out[i * 4 + 3] = dry ? 140 : 255;
  }
}

export function writeWaterColors(
  levels: ArrayLike<number>,
  warning: readonly number[],
  danger: readonly number[],
  out: Uint8Array,
): void {
  for (let i = 0; i < levels.length; i++) {
    const [r, g, b] = WATER_LEVEL_COLORS[waterLevelStateOf(levels[i], warning[i], danger[i])];
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
}
