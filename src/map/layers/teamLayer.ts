/**
 * Teams (flood teams, pump trucks, repair crews): an icon per type, coloured by state. Positions
 * are a binary attribute copied into a swap buffer each update, and deck.gl's attribute transition
 * glides each vehicle from its last position to the new one over about one feed tick.
 */
import { IconLayer } from '@deck.gl/layers';
import { TEAM_TYPES } from '@/protocol/assets';
import { TEAM_ICONS, type IconAtlas, type IconName } from '../icons/iconAtlas';
import { writeTeamColors } from '../liveColors';
import { floatSwapBuffer, SwapBuffer } from '../swapBuffer';
import { defineLayer, layoutPx, slotTarget } from './layerSpec';
import { LiveData } from './liveData';

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

/** Teams: positions (lon, lat, 0) and state colours swapped in only when they changed; deck.gl glides the vehicles. */
export const TEAM_LAYER = defineLayer({
  id: TEAM_LAYER_ID,
  kind: 'team',
  channels: ['team.pos', 'team.state'],
  prepare(env) {
    const g = env.catalog.groups.team;
    // lon, lat, 0: deck.gl's position transition interpolates size-3 buffers and misreads size-2 ones.
    const positions = floatSwapBuffer(g.count, 3);
    const colors = new SwapBuffer(g.count);
    const types = g.attributes.type ?? [];
    const icons = Array.from({ length: g.count }, (_, i): IconName => (i < types.length ? (TEAM_ICONS[TEAM_TYPES[types[i]] ?? 'floodTeam'] ?? 'floodTeam') : 'floodTeam'));
    const data = new LiveData(g.count, { getPosition: positions.current, getColor: colors.current });
    return { count: g.count, positions, colors, icons, data, atlas: env.atlas };
  },
  paint({ count, positions, colors, data }, f) {
    const lonLat = f.channels['team.pos'];
    const moved = positions.write((out) => {
      for (let i = 0; i < count; i++) {
        out[i * 3] = lonLat[i * 2];
        out[i * 3 + 1] = lonLat[i * 2 + 1];
      }
    });
    if (moved) data.set('getPosition', positions.current);
    if (colors.write((out) => writeTeamColors(f.channels['team.state'], out))) data.set('getColor', colors.current);
  },
  key: ({ data }, f, on) => (on ? `1|${data.version}|${f.uiScale}|${f.tickMs}|${f.smooth}` : `0|${f.uiScale}`),
  build({ data, icons, atlas }, f, on) {
    const transitionMs = f.smooth ? Math.min(Math.max(f.tickMs, 0), 5000) : 0;
    return buildTeamLayer({ data, icons, atlas, visible: on, sizePx: layoutPx(30, f.uiScale, 14), transitionMs });
  },
  pick: ({ count }, index) => slotTarget('team', count, index),
  count: ({ count }) => count,
});
