/** Waterlogging-prone points: diamonds with a wave, coloured by depth against 10 / 15 cm. */
import type { IconLayer } from '@deck.gl/layers';
import { buildIconPointLayer, type IconPointLayerInput } from './buildIconPointLayer';

export const WATERLOGGING_LAYER_ID = 'waterlogging';

export function buildWaterloggingLayer(input: IconPointLayerInput): IconLayer {
  return buildIconPointLayer(WATERLOGGING_LAYER_ID, 'waterlogging', input);
}
