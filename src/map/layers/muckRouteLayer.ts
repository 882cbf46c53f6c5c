/**
 * The selected muck truck's permitted route (its registry line, the catalogue's `paths`): a bright
 * path from its construction site to its disposal site, so an officer sees at once how far off it a
 * truck has gone. Drawn only while a truck is selected and the trucks' switch is on.
 */
import { PathLayer } from '@deck.gl/layers';
import type { AssetGroupView } from '@/protocol/catalogView';
import { MUCK_TRUCK_ROUTE } from '../mapPalette';
import { switchedOn } from './liveSlot';
import { defineLayer, layoutPx } from './layerSpec';

export const MUCK_ROUTE_LAYER_ID = 'muckTruckRoute';

/** The slot's route as one path's lon, lat pairs (empty where the catalogue has none). */
export function routeOf(group: Pick<AssetGroupView, 'paths' | 'count'>, slot: number): Float32Array {
  const paths = group.paths;
  if (!paths || slot < 0 || slot >= group.count) return new Float32Array(0);
  return paths.coords.subarray(paths.starts[slot] * 2, paths.starts[slot + 1] * 2);
}

export function buildMuckRouteLayer(route: Float32Array, slot: number, visible: boolean, widthPx: number): PathLayer {
  return new PathLayer({
    id: MUCK_ROUTE_LAYER_ID,
    data: { length: route.length > 0 ? 1 : 0, startIndices: new Uint32Array([0, route.length / 2]), attributes: { getPath: { value: route, size: 2 } } },
    updateTriggers: { getPath: slot },
    _pathType: 'open',
    visible,
    getColor: [...MUCK_TRUCK_ROUTE, 220],
    widthUnits: 'pixels',
    getWidth: widthPx,
    jointRounded: true,
    capRounded: true,
    pickable: false,
  });
}

const selectedSlot = (f: { selected?: { kind: string; slot: number } | null }) => (f.selected?.kind === 'muckTruck' ? f.selected.slot : -1);

export const MUCK_ROUTE_LAYER = defineLayer({
  id: MUCK_ROUTE_LAYER_ID,
  kind: 'muckTruck',
  channels: [],
  prepare: (env) => ({ group: env.catalog.groups.muckTruck, slot: -1, route: new Float32Array(0) as Float32Array<ArrayBufferLike> }),
  shown: (_s, f) => switchedOn(f, 'muckTrucks') && selectedSlot(f) >= 0,
  paintKey: (f) => String(selectedSlot(f)),
  paint(state, f) {
    state.slot = selectedSlot(f);
    state.route = routeOf(state.group, state.slot);
  },
  key: ({ slot }, f, on) => (on ? `1|${slot}|${f.uiScale}` : '0'),
  build: ({ route, slot }, f, on) => buildMuckRouteLayer(route, slot, on, layoutPx(6, f.uiScale, 3)),
  pick: () => null,
  count: ({ route }) => (route.length > 0 ? 1 : 0),
});
