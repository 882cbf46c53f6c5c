/**
 * The interpolated rain field as one semi-transparent picture stretched over the grid's bounds. The
 * layer keeps one texture and writes each new picture into it: handing deck.gl's BitmapLayer a new
 * image each update made it create a texture (with mipmaps) and destroy the last one every second.
 * Linear filtering turns the ~1 km cells into a smooth field.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { BitmapLayer } from '@deck.gl/layers';

export const RAIN_FIELD_LAYER_ID = 'rainField';

type Texture = ReturnType<CompositeLayer['context']['device']['createTexture']>;

/** A painted field: RGBA pixels, row 0 at the north edge, over [west, south, east, north]. */
export interface RainFieldPicture {
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
  bounds: [number, number, number, number];
}

interface RainFieldProps {
  /** Null until the first picture is painted. */
  picture: RainFieldPicture | null;
}

export class RainFieldLayer extends CompositeLayer<RainFieldProps & CompositeLayerProps> {
  static layerName = 'RainFieldLayer';
  static defaultProps: DefaultProps<RainFieldProps> = {
    picture: { type: 'object', value: null, compare: false },
  };

  declare state: { texture: Texture | null; written: RainFieldPicture | null };

  initializeState() {
    this.state = { texture: null, written: null };
  }

  updateState() {
    const { picture } = this.props;
    if (!picture || picture === this.state.written) return;
    let { texture } = this.state;
    if (!texture || texture.width !== picture.width || texture.height !== picture.height) {
      texture?.destroy();
      texture = this.context.device.createTexture({
        id: `${this.id}-picture`,
        width: picture.width,
        height: picture.height,
        format: 'rgba8unorm',
        sampler: { minFilter: 'linear', magFilter: 'linear', addressModeU: 'clamp-to-edge', addressModeV: 'clamp-to-edge' },
      });
    }
    texture.writeData(picture.pixels);
    this.setState({ texture, written: picture });
  }

  finalizeState(context: Parameters<CompositeLayer['finalizeState']>[0]) {
    super.finalizeState(context);
    this.state.texture?.destroy();
  }

  renderLayers() {
    const { texture, written } = this.state;
    if (!texture || !written) return [];
    // The same texture object each time: the sublayer keeps it; new contents show on the next draw.
    return new BitmapLayer({ ...this.getSubLayerProps({ id: 'picture' }), image: texture, bounds: written.bounds, pickable: false });
  }
}

export interface RainFieldLayerInput {
  picture: RainFieldPicture | null;
  visible: boolean;
  opacity?: number;
}

export function buildRainFieldLayer({ picture, visible, opacity = 0.45 }: RainFieldLayerInput): RainFieldLayer {
  return new RainFieldLayer({ id: RAIN_FIELD_LAYER_ID, picture, visible: visible && picture !== null, opacity, pickable: false });
}
