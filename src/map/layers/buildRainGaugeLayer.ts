/** Rain gauges: small dots coloured by hourly intensity band. */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { LiveData } from './liveData';

/**
 * Input of the point layers: their data made once per catalogue — positions wrap the catalogue's
 * Float32 lon/lat pairs (uploaded once), colours are the current half of a swap buffer.
 */
export interface PointLayerInput<K extends string> {
  data: LiveData<K>;
  visible: boolean;
  /** Screen-pixel size; the wall screen scales it with its layout. */
  radiusPx: number;
}

export const RAIN_GAUGE_LAYER_ID = 'rainGauges';

export function buildRainGaugeLayer(input: PointLayerInput<'getPosition' | 'getFillColor'>): ScatterplotLayer {
  return new ScatterplotLayer({
    id: RAIN_GAUGE_LAYER_ID,
    data: input.data.data,
    updateTriggers: input.data.triggers,
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
