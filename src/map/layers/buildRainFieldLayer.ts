/** The interpolated rain field as one semi-transparent image stretched over the grid's bounds. */
import { BitmapLayer } from '@deck.gl/layers';

export const RAIN_FIELD_LAYER_ID = 'rainField';

/** RGBA pixels, row 0 at the north edge: an ImageData in the browser. */
export type RainFieldImage = ImageData | { width: number; height: number; data: Uint8ClampedArray };

export interface RainFieldLayerInput {
  /** Null until the first picture is painted. */
  image: RainFieldImage | null;
  bounds: [number, number, number, number];
  visible: boolean;
  opacity?: number;
}

export function buildRainFieldLayer({ image, bounds, visible, opacity = 0.45 }: RainFieldLayerInput): BitmapLayer {
  return new BitmapLayer({
    id: RAIN_FIELD_LAYER_ID,
    image: image as ImageData | null,
    bounds,
    visible,
    opacity,
    // Linear filtering turns ~1 km cells into a smooth field.
    textureParameters: { minFilter: 'linear', magFilter: 'linear', mipmapFilter: 'linear' },
    pickable: false,
  });
}
