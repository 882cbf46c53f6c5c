/**
 * Teams (flood teams, pump trucks, repair crews): an icon per type, coloured by state. Positions
 * are a binary attribute copied into a swap buffer each update, and deck.gl's attribute transition
 * glides each vehicle from its last position to the new one over about one feed tick.
 */
import { IconLayer } from '@deck.gl/layers';
import type { IconAtlas, IconName } from '../icons/iconAtlas';
import type { LiveData } from './liveData';

export const TEAM_LAYER_ID = 'teams';

export interface TeamLayerInput {
  /** Positions (lon, lat, 0: size 3, which the position transition needs) and colours, swapped per update. */
  data: LiveData<'getPosition' | 'getColor'>;
  /** Icon per slot, by team type (fixed per catalogue). */
  icons: readonly IconName[];
  atlas: IconAtlas;
  visible: boolean;
  sizePx: number;
  /** Glide time between updates, ms; 0 jumps. */
  transitionMs: number;
}

export function buildTeamLayer(input: TeamLayerInput): IconLayer {
  const { icons } = input;
  return new IconLayer({
    id: TEAM_LAYER_ID,
    data: input.data.data,
    visible: input.visible,
    // A canvas is uploaded as it is (deck.gl's image prop takes any texture source).
    iconAtlas: input.atlas.image as unknown as string,
    iconMapping: input.atlas.mapping,
    // A hundred-odd teams: a lookup by index costs nothing, and the type never changes per slot.
    getIcon: ((_: unknown, { index }: { index: number }) => icons[index]) as never,
    updateTriggers: { ...input.data.triggers, getIcon: icons },
    sizeUnits: 'pixels',
    getSize: input.sizePx,
    pickable: true,
    transitions: input.transitionMs > 0 ? { getPosition: { duration: input.transitionMs, type: 'interpolation' } } : undefined,
  });
}
