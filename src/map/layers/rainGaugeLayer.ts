/** Rain gauges: small dots coloured by hourly intensity band, with a thin dark outline. */
import { writeRainColors } from '../liveColors';
import { dotPoints } from './layerSpec';

export const RAIN_GAUGE_LAYER = dotPoints({
  id: 'rainGauges',
  kind: 'rainGauge',
  channels: ['rain'],
  sizePx: 8,
  minPx: 2.5,
  live: 'fill',
  fixed: [4, 11, 22, 200],
  lineWidth: () => 1,
  paint: (_state, f, out) => writeRainColors(f.channels.rain, out),
});
