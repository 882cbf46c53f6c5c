/**
 * The muck trucks' recent tracks (src/domain/trackRing.ts): one thin path per truck, from deck.gl's
 * binary path layout (start indices into one Float32 array of lon, lat pairs), rebuilt only when the
 * tracks changed. Shown with the trucks' switch, beneath them.
 */
import { PathLayer } from '@deck.gl/layers';
import type { TrackPaths } from '@/domain/trackRing';
import { MUCK_TRUCK_TRACK } from '../mapPalette';
import { switchedOn } from './liveSlot';
import { defineLayer, layoutPx } from './layerSpec';
import { ALL_TRUCKS_ZOOM } from './muckTruckLayer';

export const MUCK_TRACK_LAYER_ID = 'muckTruckTracks';

export function buildMuckTrackLayer(paths: TrackPaths, version: number, visible: boolean, widthPx: number): PathLayer {
  return new PathLayer({
    id: MUCK_TRACK_LAYER_ID,
    data: { length: paths.starts.length - 1, startIndices: paths.starts, attributes: { getPath: { value: paths.coords, size: 2 } } },
    // The data object is new with every version; the trigger says so to the attribute manager too.
    updateTriggers: { getPath: version },
    _pathType: 'open',
    visible,
    getColor: [...MUCK_TRUCK_TRACK, 140],
    widthUnits: 'pixels',
    getWidth: widthPx,
    jointRounded: true,
    capRounded: true,
    pickable: false,
  });
}

const EMPTY: TrackPaths = { starts: new Uint32Array(1), coords: new Float32Array(0) };

export const MUCK_TRACK_LAYER = defineLayer({
  id: MUCK_TRACK_LAYER_ID,
  kind: 'muckTruck',
  channels: ['truck.pos'],
  prepare: () => ({ paths: EMPTY, version: -1 }),
  // Tracks come with every truck, from district zoom in (muckTruckLayer.ts): at city zoom they would
  // draw the haul roads over again.
  shown: (_s, f) => switchedOn(f, 'muckTrucks') && !!f.tracks && f.zoom >= ALL_TRUCKS_ZOOM,
  // The tracks grow from the frames (the live store's ring); their version says when.
  paintKey: (f) => String(f.tracks?.version ?? -1),
  paint(state, f) {
    if (!f.tracks || f.tracks.version === state.version) return;
    state.version = f.tracks.version;
    state.paths = f.tracks.paths();
  },
  key: ({ version }, f, on) => (on ? `1|${version}|${f.uiScale}` : '0'),
  build: ({ paths, version }, f, on) => buildMuckTrackLayer(paths, version, on, layoutPx(3.5, f.uiScale, 1.5)),
  pick: () => null,
  count: ({ paths }) => paths.starts.length - 1,
});
