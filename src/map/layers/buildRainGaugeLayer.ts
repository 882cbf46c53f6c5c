/** Rain gauges: small dots coloured by hourly intensity band. */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { AttributeValue } from '../swapBuffer';

export interface GaugeLayerInput {
  count: number;
  /** Stable object around the catalogue's Float32 lon/lat pairs, so positions upload once. */
  positions: { value: Float32Array; size: 2 };
  colors: AttributeValue;
  visible: boolean;
  /** Screen-pixel radius; the wall screen scales it with its layout. */
  radiusPx: number;
}

export const RAIN_GAUGE_LAYER_ID = 'rain-gauges';

export function buildRainGaugeLayer(input: GaugeLayerInput): ScatterplotLayer {
  return new ScatterplotLayer({
    id: RAIN_GAUGE_LAYER_ID,
    data: { length: input.count, attributes: { getPosition: input.positions, getFillColor: input.colors } },
    visible: input.visible,
    radiusUnits: 'pixels',
    getRadius: input.radiusPx,
    stroked: true,
    getLineColor: [4, 11, 22, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    pickable: true,
  });
}
