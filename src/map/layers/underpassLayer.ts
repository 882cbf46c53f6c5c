/** Underpasses: squares with an arch, coloured by water depth against each one's warning / closed lines. */
import { writeDepthColors } from '../liveColors';
import { UNDERPASS_THRESHOLDS_CM } from '../mapPalette';
import { iconPoints, thresholdColumn } from './layerSpec';

export const UNDERPASS_LAYER = iconPoints({
  id: 'underpasses',
  kind: 'underpass',
  channels: ['underpass.depth'],
  icon: 'underpass',
  sizePx: 17,
  minPx: 8.5,
  clustered: true,
  prepare: ({ catalog: { groups } }) => ({
    warning: thresholdColumn(groups.underpass, 'warning', UNDERPASS_THRESHOLDS_CM.warning),
    closed: thresholdColumn(groups.underpass, 'closed', UNDERPASS_THRESHOLDS_CM.closed),
  }),
  paint: ({ warning, closed }, f, out, env) => writeDepthColors(f.channels['underpass.depth'], warning, closed, out, env.clusters.mask('underpass')),
});
