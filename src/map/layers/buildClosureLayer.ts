/**
 * Closed road segments: a wide red band with a white core over the road, so a closure never reads
 * as congestion red. Two line layers in one composite, sharing one small lines array.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { LineLayer } from '@deck.gl/layers';
import { CLOSURE_COLOR, CLOSURE_CORE } from '../mapPalette';

export const CLOSURE_LAYER_ID = 'closures';

export interface ClosedSegments {
  /** Road segment slot per closed segment (picking index → slot). */
  slots: Int32Array;
  /** lon0, lat0, lon1, lat1 per closed segment. */
  lines: Float32Array;
}

/** Gathers the closed segments' ends from the catalogue's lines. */
export function closedSegments(slots: Iterable<number>, roadLines: Float32Array): ClosedSegments {
  const list = Int32Array.from(new Set(slots)).sort();
  const lines = new Float32Array(list.length * 4);
  list.forEach((slot, i) => lines.set(roadLines.subarray(slot * 4, slot * 4 + 4), i * 4));
  return { slots: list, lines };
}

interface ClosureProps {
  segments: ClosedSegments;
  /** Layout scale of the wall (1 at 3840 px wide). */
  uiScale: number;
}

/** Design pixels at the 3840-wide layout. */
const OUTER_PX = 14;
const CORE_PX = 4;

export class ClosureLayer extends CompositeLayer<ClosureProps & CompositeLayerProps> {
  static layerName = 'ClosureLayer';
  static defaultProps: DefaultProps<ClosureProps> = {
    segments: { type: 'object', value: { slots: new Int32Array(0), lines: new Float32Array(0) }, compare: false },
    uiScale: 1,
  };

  renderLayers() {
    const { segments, uiScale } = this.props;
    const data = {
      length: segments.slots.length,
      attributes: {
        getSourcePosition: { value: segments.lines, size: 2, stride: 16, offset: 0 },
        getTargetPosition: { value: segments.lines, size: 2, stride: 16, offset: 8 },
      },
    };
    const common = { data, widthUnits: 'pixels' as const, pickable: true };
    return [
      new LineLayer({ ...this.getSubLayerProps({ id: 'band' }), ...common, getColor: [...CLOSURE_COLOR, 255], getWidth: Math.max(5, OUTER_PX * uiScale) }),
      new LineLayer({ ...this.getSubLayerProps({ id: 'core' }), ...common, getColor: [...CLOSURE_CORE, 255], getWidth: Math.max(1.5, CORE_PX * uiScale) }),
    ];
  }
}

export interface ClosureLayerInput {
  segments: ClosedSegments;
  visible: boolean;
  uiScale: number;
}

export function buildClosureLayer({ segments, visible, uiScale }: ClosureLayerInput): ClosureLayer {
  return new ClosureLayer({ id: CLOSURE_LAYER_ID, segments, visible, uiScale, pickable: true });
}
