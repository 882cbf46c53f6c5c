/** Water-level gauges: rings whose colour says how close the level is to the gauge's warning line. */
import { writeWaterColors } from '../liveColors';
import { dotPoints } from './layerSpec';

export const WATER_GAUGE_LAYER = dotPoints({
  id: 'waterGauges',
  kind: 'waterGauge',
  channels: ['water'],
  sizePx: 10,
  minPx: 2.5,
  live: 'line',
  fixed: [4, 11, 22, 220],
  lineWidth: (radiusPx) => Math.max(1.5, radiusPx * 0.35),
  paint(_state, f, out, env) {
    const { thresholds } = env.catalog.groups.waterGauge;
    writeWaterColors(f.channels.water, thresholds.warning ?? [], thresholds.danger ?? [], out);
  },
});
