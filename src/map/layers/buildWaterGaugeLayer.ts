/** Water-level gauges: rings whose colour says how close the level is to the gauge's warning line. */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointLayerInput } from './buildRainGaugeLayer';

export const WATER_GAUGE_LAYER_ID = 'waterGauges';

export function buildWaterGaugeLayer(input: PointLayerInput<'getPosition' | 'getLineColor'>): ScatterplotLayer {
  return new ScatterplotLayer({
    id: WATER_GAUGE_LAYER_ID,
    data: input.data.data,
    updateTriggers: input.data.triggers,
    visible: input.visible,
    radiusUnits: 'pixels',
    getRadius: input.radiusPx,
    filled: true,
    getFillColor: [4, 11, 22, 220],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: Math.max(1.5, input.radiusPx * 0.35),
    pickable: true,
  });
}
