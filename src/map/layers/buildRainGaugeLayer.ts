/** Rain gauges: small dots coloured by hourly intensity band. */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { AttributeValue } from '../swapBuffer';

/** Input of the point layers: positions wrap the catalogue's array once, colours come from a swap buffer. */
export interface PointLayerInput {
  count: number;
  /** Stable object around the catalogue's Float32 lon/lat pairs, so positions upload once. */
  positions: { value: Float32Array; size: 2 };
  colors: AttributeValue;
  visible: boolean;
  /** Screen-pixel size; the wall screen scales it with its layout. */
  radiusPx: number;
}

export const RAIN_GAUGE_LAYER_ID = 'rainGauges';

export function buildRainGaugeLayer(input: PointLayerInput): ScatterplotLayer {
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
