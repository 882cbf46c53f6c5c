/**
 * Shared shape of the drainage icon layers (pumps, underpasses, waterlogging points): one icon per
 * slot from the canvas atlas, tinted through the mask by a binary colour attribute. A slot whose
 * colour has alpha 0 is neither drawn nor picked (it is inside a cluster at low zoom).
 */
import { IconLayer } from '@deck.gl/layers';
import type { IconAtlas, IconName } from '../icons/iconAtlas';
import type { PointLayerInput } from './buildRainGaugeLayer';

export interface IconPointLayerInput extends PointLayerInput<'getPosition' | 'getColor'> {
  atlas: IconAtlas;
}

export function buildIconPointLayer(id: string, icon: IconName, input: IconPointLayerInput): IconLayer {
  return new IconLayer({
    id,
    data: input.data.data,
    updateTriggers: input.data.triggers,
    visible: input.visible,
    // A canvas is uploaded as it is (deck.gl's image prop takes any texture source).
    iconAtlas: input.atlas.image as unknown as string,
    iconMapping: input.atlas.mapping,
    getIcon: icon as never,
    sizeUnits: 'pixels',
    getSize: input.radiusPx * 2,
    alphaCutoff: 0.05,
    pickable: true,
  });
}
