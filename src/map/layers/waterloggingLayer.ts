/** Waterlogging-prone points: diamonds with a wave, coloured by depth against each one's warning / major lines. */
import { writeDepthColors } from '../liveColors';
import { WATERLOGGING_THRESHOLDS_CM } from '../mapPalette';
import { iconPoints, thresholdColumn } from './layerSpec';

export const WATERLOGGING_LAYER = iconPoints({
  id: 'waterlogging',
  kind: 'waterloggingPoint',
  channels: ['waterlog.depth'],
  icon: 'waterlogging',
  sizePx: 18,
  minPx: 9,
  clustered: true,
  prepare: ({ catalog: { groups } }) => ({
    warning: thresholdColumn(groups.waterloggingPoint, 'warning', WATERLOGGING_THRESHOLDS_CM.warning),
    major: thresholdColumn(groups.waterloggingPoint, 'major', WATERLOGGING_THRESHOLDS_CM.major),
  }),
  paint: ({ warning, major }, f, out, env) => writeDepthColors(f.channels['waterlog.depth'], warning, major, out, env.clusters.mask('waterloggingPoint')),
});
