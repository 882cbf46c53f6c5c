/**
 * Icon points of several kinds in one IconLayer (pumps, underpasses, waterlogging points): each
 * instance has its kind's icon from the canvas atlas, tinted through the mask by a binary colour
 * attribute, at a binary size. A slot whose colour has alpha 0 is neither drawn nor picked (it is
 * inside a cluster at low zoom); a kind switched off has size 0.
 */
import { IconLayer } from '@deck.gl/layers';
import type { IconAtlas, IconName } from '../icons/iconAtlas';
import type { LiveData } from './liveData';

export interface IconPointLayerInput {
  id: string;
  /** Positions (made once per catalogue), colours and sizes (swapped when they change). */
  data: LiveData<'getPosition' | 'getColor' | 'getSize'>;
  /** Icon per instance, by kind (fixed per catalogue). */
  icons: readonly IconName[];
  atlas: IconAtlas;
  visible: boolean;
}

export function buildIconPointLayer(input: IconPointLayerInput): IconLayer {
  const { icons } = input;
  return new IconLayer({
    id: input.id,
    data: input.data.data,
    updateTriggers: { ...input.data.triggers, getIcon: icons },
    visible: input.visible,
    // A canvas is uploaded as it is (deck.gl's image prop takes any texture source).
    iconAtlas: input.atlas.image as unknown as string,
    iconMapping: input.atlas.mapping,
    // Worked out once per catalogue (the icons never change per instance), then kept by deck.gl.
    getIcon: ((_: unknown, { index }: { index: number }) => icons[index]) as never,
    sizeUnits: 'pixels',
    alphaCutoff: 0.05,
    pickable: true,
  });
}
