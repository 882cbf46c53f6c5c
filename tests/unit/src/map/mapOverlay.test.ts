import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import { addMapOverlay } from '@/map/mapOverlay';

/**
 * The real MapLibreOverlay, with a stand-in map (no WebGL here) and a spy where its Deck would be:
 * what reaches Deck on a live update is what decides whether that update forces a layout.
 */
function wire(overlay: MapLibreOverlay) {
  const deckSetProps = vi.fn();
  const inner = overlay as unknown as { _deck: unknown; _map: unknown };
  inner._deck = { setProps: deckSetProps };
  inner._map = { getProjection: () => ({ type: 'mercator' }) };
  return deckSetProps;
}

const handlers = { getTooltip: () => null, onClick: () => {} };

describe('map overlay', () => {
  it('is added to the map and stops passing the pixel ratio to Deck on later updates', () => {
    const added: unknown[] = [];
    const map = { addControl: (control: unknown) => added.push(control) } as unknown as MapLibreMap;
    const overlay = addMapOverlay(map, { pixelRatio: 1.5, ...handlers });
    expect(added).toEqual([overlay]);

    const deckSetProps = wire(overlay);
    overlay.setProps({ layers: [] });
    expect(deckSetProps).toHaveBeenCalledTimes(1);
    const sent = deckSetProps.mock.calls[0][0] as Record<string, unknown>;
    expect(sent).toHaveProperty('layers');
    expect(sent).not.toHaveProperty('useDevicePixels');
    // The handlers stay: tooltips and clicks keep working after the update.
    expect(sent.getTooltip).toBe(handlers.getTooltip);
    expect(sent.onClick).toBe(handlers.onClick);
  });

  it('works around what the library does by itself: resend the ratio on every update', () => {
    const overlay = new MapLibreOverlay({ interleaved: false, useDevicePixels: 1.5, layers: [] });
    const deckSetProps = wire(overlay);
    overlay.setProps({ layers: [] });
    expect(deckSetProps.mock.calls[0][0]).toHaveProperty('useDevicePixels', 1.5);
  });
});
