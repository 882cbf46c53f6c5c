/**
 * The deck.gl overlay over the basemap (non-interleaved: deck draws its own canvas, so a live update
 * never redraws the basemap).
 *
 * MapLibreOverlay (deck.gl 9.4) keeps every prop it was built with and hands all of them to Deck on
 * every `setProps`. A kept `useDevicePixels` makes luma.gl's canvas context re-read the canvas
 * position with `getBoundingClientRect` each time: a forced style and layout pass inside every live
 * update (3 ms median, 9 ms p95 of the wall's 1 Hz update in a CPU profile). The ratio is read when
 * Deck creates its canvas (in `onAdd`), so once the overlay is on the map it is forgotten.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapOverlayProps {
  /** Device pixels per CSS pixel for deck's canvas (capped on 4K walls, see pixelRatio.ts). */
  pixelRatio: number;
  getTooltip: (info: PickingInfo) => { text: string; className: string } | null;
  onClick: (info: PickingInfo) => void;
}

export function addMapOverlay(map: MapLibreMap, props: MapOverlayProps): MapLibreOverlay {
  const overlay = new MapLibreOverlay({
    interleaved: false,
    useDevicePixels: props.pixelRatio,
    layers: [] as Layer[],
    getTooltip: props.getTooltip,
    onClick: props.onClick,
  });
  map.addControl(overlay);
  forgetCreationProps(overlay);
  return overlay;
}

/** Props Deck needs only when it creates its canvas, and that cost a layout pass each time they are passed again. */
const CREATION_ONLY_PROPS = ['useDevicePixels'] as const;

/**
 * Drops the creation-only props the overlay keeps (a private field of MapLibreOverlay: the unit test
 * of this module fails if a deck.gl upgrade renames it, rather than the wall silently losing 3 ms).
 */
export function forgetCreationProps(overlay: MapLibreOverlay): void {
  const kept = (overlay as unknown as { _props?: Record<string, unknown> })._props;
  if (!kept) return;
  for (const prop of CREATION_ONLY_PROPS) delete kept[prop];
}
