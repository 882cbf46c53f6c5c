/**
 * The interpolated rain field as one semi-transparent picture stretched over the grid's bounds. The
 * layer keeps one texture and writes each new picture into it: handing deck.gl's BitmapLayer a new
 * image each update made it create a texture (with mipmaps) and destroy the last one every second.
 * Linear filtering turns the ~1 km cells into a smooth field.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { BitmapLayer } from '@deck.gl/layers';
import type { RainFieldPicture } from '../rainField';
import { defineLayer } from './layerSpec';

export const RAIN_FIELD_LAYER_ID = 'rainField';

type Texture = ReturnType<CompositeLayer['context']['device']['createTexture']>;


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

/**
 * The field is ~1 km cells: a city-wide picture. Zoomed in to a street it would be one flat wash over
 * everything, so it fades as the view closes in.
 */
export const rainFieldOpacity = (zoom: number) => (zoom >= 12 ? 0.2 : zoom >= 11 ? 0.32 : 0.45);

/** The rain field: new readings go to be painted (a worker in the browser); the layer follows the pictures. */
export const RAIN_FIELD_LAYER = defineLayer({
  id: RAIN_FIELD_LAYER_ID,
  kind: null,
  channels: ['rain'],
  prepare: (env) => env.rainField(env.catalog.groups.rainGauge.positions),
  paint: (source, f) => source.submit(f.channels.rain),
  key: (source, f, on) => (on ? `1|${source.version}|${rainFieldOpacity(f.zoom)}` : '0'),
  build: (source, f, on) => buildRainFieldLayer({ picture: source.picture, visible: on, opacity: rainFieldOpacity(f.zoom) }),
  pick: () => null,
  count: (source) => (source.picture ? 1 : 0),
  dispose: (source) => source.dispose(),
});
