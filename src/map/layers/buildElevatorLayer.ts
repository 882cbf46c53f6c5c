/**
 * Elevators (stress scale: 240,000): one dot per car. Positions upload once; colour and radius are
 * binary attributes from swap buffers rewritten from the state channel each update, so a quarter of a
 * million cars cost two typed-array writes per car and no per-car object.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { AttributeValue } from '../swapBuffer';

export const ELEVATOR_LAYER_ID = 'elevators';

export interface ElevatorLayerInput {
  count: number;
  positions: { value: Float32Array; size: 2 };
  colors: AttributeValue;
  radii: AttributeValue<Float32Array>;
  visible: boolean;
}

export function buildElevatorLayer(input: ElevatorLayerInput): ScatterplotLayer {
  return new ScatterplotLayer({
    id: ELEVATOR_LAYER_ID,
    data: { length: input.count, attributes: { getPosition: input.positions, getFillColor: input.colors, getRadius: input.radii } },
    visible: input.visible,
    radiusUnits: 'pixels',
    stroked: false,
    // Nothing to pick among the background cars at city scale; a hover still names the car under it.
    pickable: true,
  });
}
