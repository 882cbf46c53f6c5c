/**
 * Marks the map's container with `data-first-live` once the first live state is on screen: deck.gl
 * has drawn live data, and the basemap has rendered with its style and sources loaded. The bench
 * times the first live state by it; the map's first `idle` (`data-map-ready`) also waits for label
 * fades and any later repaint to settle.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface FirstLiveMark {
  /** deck.gl has drawn a frame of live layers. */
  deckDrew(): void;
}

export function markFirstLive(map: MapLibreMap, el: HTMLElement): FirstLiveMark {
  let deck = false;
  let basemap = false;
  const note = () => {
    if (deck && basemap && !el.dataset.firstLive) el.dataset.firstLive = 'true';
  };
  const rendered = () => {
    if (!map.loaded()) return;
    map.off('render', rendered);
    basemap = true;
    note();
  };
  map.on('render', rendered);
  return {
    deckDrew() {
      deck = true;
      note();
    },
  };
}
