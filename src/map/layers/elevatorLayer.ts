/**
 * Elevators (stress scale: 240,000): one dot per car drawn — the cars needing someone, and at street
 * zoom the cars in service in view (../elevatorSelection.ts). Position, colour and radius are binary
 * attributes from swap buffers packed from the state channel each update: typed-array writes, no
 * per-car object. A car whose state is too old is drawn in the no-data grey, as every other live
 * kind draws a stale reading (issue 15); it keeps its place in the selection by its last state.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { selectElevators } from '../elevatorSelection';
import { writeElevatorStyle, writeStaleSelectionAsNoData } from '../liveColors';
import { floatSwapBuffer, SwapBuffer, type AttributeValue } from '../swapBuffer';
import { defineLayer, layoutPx, type LiveFrame } from './layerSpec';

export const ELEVATOR_LAYER_ID = 'elevators';

export interface ElevatorLayerInput {
  /** How many cars are drawn: the first `count` entries of each buffer. */
  count: number;
  positions: AttributeValue<Float32Array>;
  colors: AttributeValue;
  radii: AttributeValue<Float32Array>;
  visible: boolean;
}

export function buildElevatorLayer(input: ElevatorLayerInput): ScatterplotLayer {
  return new ScatterplotLayer({
    id: ELEVATOR_LAYER_ID,
    data: { length: input.count, attributes: { getPosition: input.positions, getFillColor: input.colors, getRadius: input.radii } },
    visible: input.visible,
    radiusUnits: 'pixels',
    stroked: false,
    // Nothing to pick among the background cars at city scale; a hover still names the car under it.
    pickable: true,
  });
}

/**
 * Whether a selection draws the same cars in the same states, stale or not, as the last one (most
 * state changes are of cars in service, not drawn at city zoom).
 */
function sameCars(slots: Uint32Array, last: Uint32Array, n: number, states: ArrayLike<number>, drawnStates: Uint8Array, stale: Uint8Array | undefined, drawnStale: Uint8Array): boolean {
  for (let k = 0; k < n; k++) {
    const slot = slots[k];
    if (slot !== last[k] || states[slot] !== drawnStates[k] || (stale?.[slot] ?? 0) !== drawnStale[k]) return false;
  }
  return true;
}

/** What the selection depends on besides the states: the view, when street zoom shows cars in service (the map passes bounds then only). */
const viewKey = (f: LiveFrame) => (f.bounds ? f.bounds.map((v) => v.toFixed(4)).join(',') : 'city');

/**
 * Elevators: the cars drawn are a selection, packed into swap buffers that keep the slots they
 * hold, so a pick maps back to the car it drew.
 */
export const ELEVATOR_LAYER = defineLayer({
  id: ELEVATOR_LAYER_ID,
  kind: 'elevator',
  channels: ['elevator.state'],
  prepare(env) {
    const g = env.catalog.groups.elevator;
    return {
      catalog: g.positions,
      // The layer is on whenever the city has elevators, even when none needs someone right now.
      count: g.count,
      colors: new SwapBuffer(g.count),
      radii: floatSwapBuffer(g.count, 1),
      positions: floatSwapBuffer(g.count, 2),
      slots: [new Uint32Array(g.count), new Uint32Array(g.count)],
      states: new Uint8Array(g.count),
      /** The stale mark of each car drawn, as drawn. */
      stale: new Uint8Array(g.count),
      turn: 0,
      drawn: 0,
      scale: 0,
      version: 0,
    };
  },
  paintKey: (f) => `${f.uiScale}|${viewKey(f)}`,
  paint(s, f) {
    const states = f.channels['elevator.state'];
    const stale = f.stale?.['elevator.state'];
    const slots = s.slots[s.turn ^ 1];
    const n = selectElevators(states, s.catalog, f, slots);
    if (s.version > 0 && n === s.drawn && s.scale === f.uiScale && sameCars(slots, s.slots[s.turn], n, states, s.states, stale, s.stale)) return;
    s.turn ^= 1;
    const positions = s.positions.next().value;
    for (let k = 0; k < n; k++) {
      positions[k * 2] = s.catalog[slots[k] * 2];
      positions[k * 2 + 1] = s.catalog[slots[k] * 2 + 1];
      s.states[k] = states[slots[k]];
    }
    const colors = s.colors.next().value;
    writeElevatorStyle(s.states.subarray(0, n), colors, s.radii.next().value, layoutPx(2.2, f.uiScale, 1.5), layoutPx(7, f.uiScale, 3.5));
    writeStaleSelectionAsNoData(stale, slots, n, colors, s.stale);
    s.drawn = n;
    s.scale = f.uiScale;
    s.version++;
  },
  key: (s, _f, on) => (on ? `1|${s.version}` : '0'),
  build: (s, _f, on) => buildElevatorLayer({ count: s.drawn, positions: s.positions.current, colors: s.colors.current, radii: s.radii.current, visible: on }),
  pick(s, index) {
    const slot = index >= 0 && index < s.drawn ? s.slots[s.turn][index] : undefined;
    return slot === undefined ? null : { type: 'asset', kind: 'elevator', slot };
  },
  count: (s) => s.count,
});
