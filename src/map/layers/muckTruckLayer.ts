/**
 * Muck trucks (seed 003): a tipper icon per truck at its GPS position, in an earth tone by state, and
 * in the one loud colour while it has an active alarm (off its route, or dumping off-site). Positions
 * glide between frames as the teams' do. At city zoom a truck doing its job is drawn at a third of
 * its size — 360 full-size tippers along the haul roads were a carpet over the roads' congestion —
 * while an alarmed one keeps its full size; zoomed in to district level, every truck is full size.
 */
import { IconLayer } from '@deck.gl/layers';
import { MUCK_TRUCK_STATES } from '@/protocol/assets';
import type { IconAtlas } from '../icons/iconAtlas';
import { MUCK_TRUCK_ALARM, MUCK_TRUCK_STATE_COLORS, NO_DATA } from '../mapPalette';
import { floatSwapBuffer, SwapBuffer } from '../swapBuffer';
import { defineLayer, layoutPx, slotTarget, type MapEvents } from './layerSpec';
import { LiveData } from './liveData';
import { CLUSTER_BELOW_ZOOM } from '../drainageClusters';

export const MUCK_TRUCK_LAYER_ID = 'muckTrucks';

/** From this zoom in every truck is drawn full size (where the drainage clusters open). */
export const ALL_TRUCKS_ZOOM = CLUSTER_BELOW_ZOOM;
/** A truck with no alarm at city zoom, against full size. */
const QUIET_SCALE = 1 / 3;

/** Size per slot, as a share of the full icon: 1 for an alarmed truck or from ALL_TRUCKS_ZOOM in, else QUIET_SCALE. */
export function writeMuckTruckSizes(alarmed: ReadonlySet<number>, zoom: number, out: Float32Array): void {
  const quiet = zoom >= ALL_TRUCKS_ZOOM ? 1 : QUIET_SCALE;
  for (let i = 0; i < out.length; i++) out[i] = alarmed.has(i) ? 1 : quiet;
}

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
  data: LiveData<'getPosition' | 'getColor' | 'getSize'>;
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
    // getSize per truck is a share of the full size (writeMuckTruckSizes).
    sizeScale: input.sizePx,
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
    const sizes = floatSwapBuffer(count, 1);
    const data = new LiveData(count, { getPosition: positions.current, getColor: colors.current, getSize: sizes.current });
    return { count, positions, colors, sizes, data, atlas: env.atlas };
  },
  // The alarms recolour and resize the trucks, beside their channels; the zoom band resizes them.
  paintKey: (f) => `${f.events.changed.alarms}|${f.zoom >= ALL_TRUCKS_ZOOM}`,
  paint({ count, positions, colors, sizes, data }, f) {
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
    if (sizes.write((out) => writeMuckTruckSizes(alarmed, f.zoom, out))) data.set('getSize', sizes.current);
  },
  key: ({ data }, f, on) => (on ? `1|${data.version}|${f.uiScale}|${f.tickMs}|${f.smooth}` : `0|${f.uiScale}`),
  build({ data, atlas }, f, on) {
    const transitionMs = f.smooth ? Math.min(Math.max(f.tickMs, 0), 5000) : 0;
    return buildMuckTruckLayer({ data, atlas, visible: on, sizePx: layoutPx(26, f.uiScale, 12), transitionMs });
  },
  pick: ({ count }, index) => slotTarget('muckTruck', count, index),
  count: ({ count }) => count,
});
