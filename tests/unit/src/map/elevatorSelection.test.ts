import { describe, expect, it } from 'vitest';
import { ELEVATOR_DETAIL_ZOOM, selectElevators } from '@/map/elevatorSelection';
import { ELEVATOR_STATES } from '@/protocol/assets';

const code = (s: (typeof ELEVATOR_STATES)[number]) => ELEVATOR_STATES.indexOf(s);
// Five cars: two in service in view, one in service out of view, a fault, people trapped.
const states = Uint8Array.from([code('idle'), code('running'), code('running'), code('fault'), code('trapped')]);
const positions = Float32Array.from([121.47, 31.23, 121.48, 31.24, 121.9, 31.5, 121.0, 31.0, 121.47, 31.235]);
const bounds = [121.4, 31.2, 121.5, 31.3] as const;

describe('elevator selection', () => {
  it('draws only the cars needing someone at city zoom', () => {
    const out = new Uint32Array(5);
    expect(selectElevators(states, positions, { zoom: 10, bounds }, out)).toBe(2);
    expect(Array.from(out.slice(0, 2))).toEqual([3, 4]);
  });

  it('adds the in-service cars in view at street zoom, beneath the ones needing someone', () => {
    const out = new Uint32Array(5);
    expect(selectElevators(states, positions, { zoom: ELEVATOR_DETAIL_ZOOM, bounds }, out)).toBe(4);
    expect(Array.from(out.slice(0, 4))).toEqual([0, 1, 3, 4]);
  });

  it('draws no in-service car when the view is unknown', () => {
    const out = new Uint32Array(5);
    expect(selectElevators(states, positions, { zoom: 16 }, out)).toBe(2);
  });
});
