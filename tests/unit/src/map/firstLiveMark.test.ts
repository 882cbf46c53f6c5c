import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { markFirstLive } from '@/map/firstLiveMark';

/** A stand-in map: renders fire 'render' listeners; `loaded` says whether style and sources are in. */
function fakeMap() {
  const listeners = new Set<() => void>();
  const map = {
    ready: false,
    loaded: () => map.ready,
    on: (_: string, fn: () => void) => listeners.add(fn),
    off: (_: string, fn: () => void) => listeners.delete(fn),
    render: () => [...listeners].forEach((fn) => fn()),
  };
  return { map, asMap: map as unknown as MapLibreMap, listeners };
}

/** The container: only its dataset is read and written. */
const container = () => ({ dataset: {} as DOMStringMap }) as HTMLElement;

describe('first live mark', () => {
  it('marks the container once deck.gl has drawn live data over a loaded basemap, in either order', () => {
    const { map, asMap, listeners } = fakeMap();
    const el = container();
    const mark = markFirstLive(asMap, el);
    mark.deckDrew();
    map.render();
    expect(el.dataset.firstLive).toBeUndefined();
    map.ready = true;
    map.render();
    expect(el.dataset.firstLive).toBe('true');
    expect(listeners.size).toBe(0);

    const other = fakeMap();
    const el2 = container();
    const mark2 = markFirstLive(other.asMap, el2);
    other.map.ready = true;
    other.map.render();
    expect(el2.dataset.firstLive).toBeUndefined();
    mark2.deckDrew();
    expect(el2.dataset.firstLive).toBe('true');
  });
});
