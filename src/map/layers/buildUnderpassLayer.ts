/** Underpasses: squares with an arch, coloured by water depth against 5 cm warning / 25 cm closed. */
import type { IconLayer } from '@deck.gl/layers';
import { buildIconPointLayer, type IconPointLayerInput } from './buildIconPointLayer';

export const UNDERPASS_LAYER_ID = 'underpasses';

export function buildUnderpassLayer(input: IconPointLayerInput): IconLayer {
  return buildIconPointLayer(UNDERPASS_LAYER_ID, 'underpass', input);
}
