/**
 * Muck trucks (seed 003): a tipper icon per truck at its GPS position, in an earth tone by state, and
 * in the one loud colour while it has an active alarm (off its route, or dumping off-site). Positions
 * glide between frames as the teams' do.
 */
import { IconLayer } from '@deck.gl/layers';
import { MUCK_TRUCK_STATES } from '@/protocol/assets';
import type { IconAtlas } from '../icons/iconAtlas';
import { MUCK_TRUCK_ALARM, MUCK_TRUCK_STATE_COLORS, NO_DATA } from '../mapPalette';
import { floatSwapBuffer, SwapBuffer } from '../swapBuffer';
import { defineLayer, layoutPx, slotTarget, type MapEvents } from './layerSpec';
import { LiveData } from './liveData';

export const MUCK_TRUCK_LAYER_ID = 'muckTrucks';

/** RGBA per slot: the alarm colour where the truck has an active alarm, else its state's (no data: grey). */
export function writeMuckTruckColors(states: ArrayLike<number>, alarmed: ReadonlySet<number>, out: Uint8Array): void {
  for (let i = 0; i < states.length; i++) {
    const state = MUCK_TRUCK_STATES[states[i]];
    const rgb = alarmed.has(i) ? MUCK_TRUCK_ALARM : state ? MUCK_TRUCK_STATE_COLORS[state] : NO_DATA;
    out.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  }
}

/** The truck slots with an active alarm. */
export function alarmedTrucks(events: Pick<MapEvents, 'alarms'>): Set<number> {
  const out = new Set<number>();
  for (const a of events.alarms.values()) if (a.assetKind === 'muckTruck' && a.state === 'active') out.add(a.slot);
  return out;
}

export interface MuckTruckLayerInput {
  data: LiveData<'getPosition' | 'getColor'>;
  atlas: IconAtlas;
  visible: boolean;
  sizePx: number;
  transitionMs: number;
}

export function buildMuckTruckLayer(input: MuckTruckLayerInput): IconLayer {
  return new IconLayer({
    id: MUCK_TRUCK_LAYER_ID,
    data: input.data.data,
    visible: input.visible,
    iconAtlas: input.atlas.image as unknown as string,
    iconMapping: input.atlas.mapping,
    getIcon: () => 'muckTruck',
    updateTriggers: input.data.triggers,
    sizeUnits: 'pixels',
    getSize: input.sizePx,
    pickable: true,
    transitions: input.transitionMs > 0 ? { getPosition: { duration: input.transitionMs, type: 'interpolation' } } : undefined,
  });
}

export const MUCK_TRUCK_LAYER = defineLayer({
  id: MUCK_TRUCK_LAYER_ID,
  kind: 'muckTruck',
  channels: ['truck.pos', 'truck.state'],
  prepare(env) {
    const { count } = env.catalog.groups.muckTruck;
    // lon, lat, 0: deck.gl's position transition needs size-3 positions (see teamLayer.ts).
    const positions = floatSwapBuffer(count, 3);
    const colors = new SwapBuffer(count);
    const data = new LiveData(count, { getPosition: positions.current, getColor: colors.current });
    return { count, positions, colors, data, atlas: env.atlas };
  },
  // The alarms recolour the trucks, beside their channels.
  paintKey: (f) => String(f.events.changed.alarms),
  paint({ count, positions, colors, data }, f) {
    const lonLat = f.channels['truck.pos'];
    const moved = positions.write((out) => {
      for (let i = 0; i < count; i++) {
        out[i * 3] = lonLat[i * 2];
        out[i * 3 + 1] = lonLat[i * 2 + 1];
      }
    });
    if (moved) data.set('getPosition', positions.current);
    const alarmed = alarmedTrucks(f.events);
    if (colors.write((out) => writeMuckTruckColors(f.channels['truck.state'], alarmed, out))) data.set('getColor', colors.current);
  },
  key: ({ data }, f, on) => (on ? `1|${data.version}|${f.uiScale}|${f.tickMs}|${f.smooth}` : `0|${f.uiScale}`),
  build({ data, atlas }, f, on) {
    const transitionMs = f.smooth ? Math.min(Math.max(f.tickMs, 0), 5000) : 0;
    return buildMuckTruckLayer({ data, atlas, visible: on, sizePx: layoutPx(26, f.uiScale, 12), transitionMs });
  },
  pick: ({ count }, index) => slotTarget('muckTruck', count, index),
  count: ({ count }) => count,
});
