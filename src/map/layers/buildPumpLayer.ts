/** Drainage pump stations: discs with a drop, coloured by state (standby, running, fault, offline). */
import type { IconLayer } from '@deck.gl/layers';
import { buildIconPointLayer, type IconPointLayerInput } from './buildIconPointLayer';

export const PUMP_LAYER_ID = 'pumps';

export function buildPumpLayer(input: IconPointLayerInput): IconLayer {
  return buildIconPointLayer(PUMP_LAYER_ID, 'pump', input);
}
