/**
 * Elevators (stress scale: 240,000): one dot per car drawn — the cars needing someone, and at street
 * zoom the cars in service in view (../elevatorSelection.ts). Position, colour and radius are binary
 * attributes from swap buffers packed from the state channel each update: typed-array writes, no
 * per-car object.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { AttributeValue } from '../swapBuffer';

export const ELEVATOR_LAYER_ID = 'elevators';

export interface ElevatorLayerInput {
  /** How many cars are drawn: the first `count` entries of each buffer. */
  count: number;
  positions: AttributeValue<Float32Array>;
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
