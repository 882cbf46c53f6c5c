/**
 * The baselines' map: maplibre with a background layer only (no tiles, no glyphs), framed on the
 * same bounds as the wall, so the pages differ in how live data is drawn, not in the basemap.
 */
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { SHANGHAI_BOUNDS } from '../../src/map/mapCamera';

const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0b1a2e' } }],
};

export function createBlankMap(container: HTMLElement): MapLibreMap {
  setWorkerUrl(workerUrl);
  return new MapLibreMap({
    container,
    style: BLANK_STYLE,
    bounds: SHANGHAI_BOUNDS,
    fitBoundsOptions: { padding: 40 },
    attributionControl: false,
  });
}

/** What the bench waits for before its warm-up: the first snapshot is on screen. */
export function markReady(container: HTMLElement): void {
  container.dataset.benchReady = 'true';
}
