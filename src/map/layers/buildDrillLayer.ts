/**
 * Drill-down: bright rings around the assets that make up the indicator an operator (or the
 * director) picked, drawn above everything so clustering or other markers never hide them.
 */
import { ScatterplotLayer } from '@deck.gl/layers';

export const DRILL_LAYER_ID = 'drill';

export interface DrillLayerInput {
  /** lon, lat pairs of the lit assets. */
  positions: Float32Array;
  radiusPx: number;
}

export function buildDrillLayer({ positions, radiusPx }: DrillLayerInput): ScatterplotLayer {
  return new ScatterplotLayer({
    id: DRILL_LAYER_ID,
    data: { length: positions.length / 2, attributes: { getPosition: { value: positions, size: 2 } } },
    radiusUnits: 'pixels',
    getRadius: radiusPx,
    filled: true,
    getFillColor: [0, 229, 255, 40],
    stroked: true,
    getLineColor: [0, 229, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: Math.max(2, radiusPx * 0.22),
    pickable: false,
  });
}
