import { describe, expect, it } from 'vitest';
import {
  writeCongestionColors,
  writeDepthColors,
  writeElevatorStyle,
  writePumpColors,
  writeRainColors,
  writeStaleAsNoData,
  writeTeamColors,
  writeWaterColors,
} from '@/map/liveColors';
import { CONGESTION_BANDS, congestionBandOf, DEPTH_COLORS, ELEVATOR_STATE_COLORS, NO_DATA, PUMP_STATE_COLORS, TEAM_STATE_COLORS } from '@/map/mapPalette';

const rgbAt = (out: Uint8Array, i: number) => Array.from(out.slice(i * 4, i * 4 + 3));

describe('congestion ramp', () => {
  it('puts each band edge in the band above it (0–2 green … 8–10 dark red)', () => {
    const index = [0, 1.99, 2, 3.99, 4, 5.99, 6, 7.99, 8, 10, NaN];
    const out = new Uint8Array(index.length * 4);
    writeCongestionColors(index, out);
    const expected = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4].map((b) => [...CONGESTION_BANDS[b].color]);
    expect(index.slice(0, 10).map((_, i) => rgbAt(out, i))).toEqual(expected);
    expect(rgbAt(out, 10)).toEqual([...NO_DATA]);
    expect(out[3]).toBe(255);
  });

  it('runs green, yellow, orange, red, dark red', () => {
    expect(CONGESTION_BANDS.map((b) => b.min)).toEqual([0, 2, 4, 6, 8]);
    expect(congestionBandOf(-1)).toBe(0);
    expect(congestionBandOf(Number.NaN)).toBe(-1);
    const [green, yellow, orange, red, darkRed] = CONGESTION_BANDS.map((b) => b.color);
    expect(green[1]).toBeGreaterThan(green[0]);
    expect(yellow[0]).toBeGreaterThan(200);
    expect(yellow[1]).toBeGreaterThan(orange[1]);
    expect(red[0]).toBeGreaterThan(darkRed[0]);
  });
});

describe('depth colours', () => {
  it('colours underpasses against 5 cm warning and 25 cm closed; NaN is no data', () => {
    const depth = [0, 4.9, 5, 24.9, 25, 60, NaN];
    const out = new Uint8Array(depth.length * 4);
    writeDepthColors(depth, new Array(7).fill(5), new Array(7).fill(25), out);
    const states = ['normal', 'normal', 'warning', 'warning', 'alarm', 'alarm', 'noData'] as const;
    expect(depth.map((_, i) => rgbAt(out, i))).toEqual(states.map((s) => [...DEPTH_COLORS[s]]));
  });

  it('colours waterlogging points against 10 / 15 cm', () => {
    const out = new Uint8Array(12);
    writeDepthColors([9.9, 10, 15], [10, 10, 10], [15, 15, 15], out);
    expect([0, 1, 2].map((i) => rgbAt(out, i))).toEqual([[...DEPTH_COLORS.normal], [...DEPTH_COLORS.warning], [...DEPTH_COLORS.alarm]]);
  });

  it('hides slots a mask leaves out (clustered points)', () => {
    const out = new Uint8Array(8);
    writeDepthColors([0, 30], [5, 5], [25, 25], out, Uint8Array.from([1, 0]));
    expect([out[3], out[7]]).toEqual([255, 0]);
  });
});

describe('state colours', () => {
  it('colours pumps by state code and unknown codes as no data', () => {
    const out = new Uint8Array(20);
    writePumpColors([0, 1, 2, 3, 9], out);
    expect([0, 1, 2, 3, 4].map((i) => rgbAt(out, i))).toEqual([
      [...PUMP_STATE_COLORS.standby],
      [...PUMP_STATE_COLORS.running],
      [...PUMP_STATE_COLORS.fault],
      [...PUMP_STATE_COLORS.offline],
      [...NO_DATA],
    ]);
  });

  it('colours teams by state', () => {
    const out = new Uint8Array(12);
    writeTeamColors([0, 1, 2], out);
    expect([0, 1, 2].map((i) => rgbAt(out, i))).toEqual([[...TEAM_STATE_COLORS.available], [...TEAM_STATE_COLORS.enRoute], [...TEAM_STATE_COLORS.onSite]]);
  });

  it('draws in-service elevators as a faint small texture and the ones needing someone large and solid', () => {
    const out = new Uint8Array(7 * 4);
    const radius = new Float32Array(7);
    // idle, running, maintenance, fault, trapped, offline, an unknown code
    writeElevatorStyle([0, 1, 2, 3, 4, 5, 9], out, radius, 1.5, 6);
    expect(rgbAt(out, 4)).toEqual([...ELEVATOR_STATE_COLORS.trapped]);
    expect(rgbAt(out, 6)).toEqual([...ELEVATOR_STATE_COLORS.offline]);
    expect(Array.from(radius)).toEqual([1.5, 1.5, 6, 6, 6, 6, 6]);
    expect(out[3]).toBeLessThan(128);
    expect(out[4 * 4 + 3]).toBe(255);
  });

  it('colours rain by band, dry gauges translucent', () => {
    const out = new Uint8Array(8);
    writeRainColors([0, 50], out);
    expect(out[3]).toBeLessThan(255);
    expect(Array.from(out.slice(4))).toEqual([230, 40, 230, 255]);
  });

  it('colours water levels against each gauge’s own warning line', () => {
    const out = new Uint8Array(12);
    writeWaterColors([3.0, 4.6, 5.2], [4.55, 4.55, 4.55], [5.05, 5.05, 5.05], out);
    expect(Array.from(out.slice(0, 3))).toEqual([0, 200, 220]);
    expect(Array.from(out.slice(4, 7))).toEqual([255, 140, 0]);
    expect(Array.from(out.slice(8, 11))).toEqual([255, 40, 40]);
  });

  it('draws a gauge with no reading in the map’s one no-data grey, not as a dry or normal one', () => {
    const rain = new Uint8Array(8);
    writeRainColors([NaN, 0], rain);
    expect(Array.from(rain.slice(0, 4))).toEqual([...NO_DATA, 255]);
    expect(rgbAt(rain, 1)).not.toEqual([...NO_DATA]);
    const water = new Uint8Array(4);
    writeWaterColors([NaN], [4.55], [5.05], water);
    expect(rgbAt(water, 0)).toEqual([...NO_DATA]);
  });
});

describe('stale readings', () => {
  it('draws each slot marked stale as no data, whatever its state, and keeps hidden slots hidden', () => {
    const out = new Uint8Array(12);
    writePumpColors([2, 2, 2], out, Uint8Array.from([1, 1, 0])); // fault, the third inside a cluster
    writeStaleAsNoData(Uint8Array.from([0, 1, 1]), out);
    expect(rgbAt(out, 0)).toEqual([...PUMP_STATE_COLORS.fault]);
    expect(Array.from(out.slice(4, 8))).toEqual([...NO_DATA, 255]);
    expect(out[11]).toBe(0);
    const before = out.slice();
    writeStaleAsNoData(undefined, out);
    expect(out).toEqual(before);
  });
});
