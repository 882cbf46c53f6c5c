/**
 * Camera moves on request (alarm spotlight, cluster clicks, back to the whole city). Animated
 * flights unless the viewer prefers reduced motion or the URL says `?motion=0` — then the camera
 * jumps, which is also what browser tests rely on (no frames in flight when they look).
 */
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';

/** Shanghai's 16 districts with a little sea around them. */
export const SHANGHAI_BOUNDS: [[number, number], [number, number]] = [
  [120.85, 30.67],
  [122.0, 31.88],
];

export const FLIGHT_MS = 2000;

export function prefersReducedMotion(win: Window = window): boolean {
  const motion = new URLSearchParams(win.location.search).get('motion');
  if (motion === '0' || motion === 'off' || motion === 'false') return true;
  return win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

export function moveCamera(map: MapLibreMap, target: { lon: number; lat: number; zoom: number }, reduced: boolean): void {
  const camera = { center: [target.lon, target.lat] as [number, number], zoom: target.zoom };
  if (reduced) map.jumpTo(camera);
  // essential: we decide about reduced motion here; maplibre would otherwise also skip the flight.
  else map.flyTo({ ...camera, duration: FLIGHT_MS, essential: true });
}

/** Back to the whole-city framing used at start (same bounds and padding). */
export function showWholeCity(map: MapLibreMap, padding: PaddingOptions, reduced: boolean): void {
  if (reduced) {
    const camera = map.cameraForBounds(SHANGHAI_BOUNDS, { padding });
    if (camera) map.jumpTo(camera);
  } else {
    map.fitBounds(SHANGHAI_BOUNDS, { padding, duration: FLIGHT_MS, essential: true });
  }
}
