/**
 * Which of the city's elevators the map draws. Every car that needs someone (maintenance, fault,
 * people trapped, out of contact — a few thousand) is drawn everywhere; the quarter of a million cars
 * in service only at street zoom and only those in view. A city-wide carpet of 240,000 dots tells an
 * operator nothing, and without a GPU it costs seconds a frame.
 */
import { ELEVATOR_STATES } from '@/protocol/assets';

/** From this zoom in, in-service cars in view are drawn too. */
export const ELEVATOR_DETAIL_ZOOM = 13;

export interface MapView {
  zoom: number;
  /** [west, south, east, north], degrees. */
  bounds?: readonly [number, number, number, number];
}

/** 1 for the in-service state codes: a table lookup per car, on a loop over 240,000 cars. */
const IN_SERVICE = Uint8Array.from({ length: 256 }, (_, code) => (ELEVATOR_STATES[code] === 'idle' || ELEVATOR_STATES[code] === 'running' ? 1 : 0));

/** Whether in-service cars are drawn at this zoom (and so the selection depends on the bounds). */
export const showsInServiceAt = (zoom: number) => zoom >= ELEVATOR_DETAIL_ZOOM;
const showsInService = (view: MapView) => showsInServiceAt(view.zoom) && view.bounds !== undefined;

/**
 * Writes the slots to draw into `out` (in-service cars first, so the ones needing someone draw on
 * top) and returns how many. `out` must hold every slot.
 */
export function selectElevators(states: ArrayLike<number>, positions: Float32Array, view: MapView, out: Uint32Array): number {
  let n = 0;
  if (showsInService(view)) {
    const [west, south, east, north] = view.bounds!;
    for (let i = 0; i < states.length; i++) {
      if (!IN_SERVICE[states[i]]) continue;
      const lon = positions[i * 2];
      const lat = positions[i * 2 + 1];
      if (lon >= west && lon <= east && lat >= south && lat <= north) out[n++] = i;
    }
  }
  for (let i = 0; i < states.length; i++) if (!IN_SERVICE[states[i]]) out[n++] = i;
  return n;
}
