/**
 * Device pixel ratio for the map's canvases. On a 4K wall fill rate, not data, limits the frame, so
 * the canvas never gets more device pixels than a 3840×2160 screen has; elsewhere at most 2×.
 */
export const MAX_DEVICE_PIXELS = 3840 * 2160;

export function capPixelRatio(devicePixelRatio: number, cssWidth: number, cssHeight: number): number {
  const byFill = Math.sqrt(MAX_DEVICE_PIXELS / Math.max(1, cssWidth * cssHeight));
  return Math.max(1, Math.min(devicePixelRatio || 1, 2, byFill));
}
