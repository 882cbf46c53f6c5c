/**
 * Dot points of several kinds in one ScatterplotLayer (water gauges as rings, rain gauges as dots):
 * fill, outline, radius and outline width are binary attributes per instance, so each kind keeps its
 * own look. A kind switched off has radius 0: neither drawn nor picked.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { LiveData } from './liveData';

export interface DotPointLayerInput {
  id: string;
  data: LiveData<'getPosition' | 'getFillColor' | 'getLineColor' | 'getRadius' | 'getLineWidth'>;
  visible: boolean;
}

export function buildDotPointLayer(input: DotPointLayerInput): ScatterplotLayer {
  return new ScatterplotLayer({
    id: input.id,
    data: input.data.data,
    updateTriggers: input.data.triggers,
    visible: input.visible,
    radiusUnits: 'pixels',
    filled: true,
    stroked: true,
    lineWidthUnits: 'pixels',
    pickable: true,
  });
}
