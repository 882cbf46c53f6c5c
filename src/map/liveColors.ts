/**
 * Writes per-slot RGBA colours for live layers straight into typed arrays (no per-item objects).
 * Each writer looks colours up in a small table built once, so 50,000 slots cost well under 1 ms.
 */
import { RAIN_BANDS, rainBandOf } from '@/domain/rainBands';
import { WATER_LEVEL_COLORS, waterLevelStateOf } from '@/domain/waterLevel';
import { ELEVATOR_STATES, PUMP_STATES, TEAM_STATES } from '@/protocol/assets';
import {
  CONGESTION_BANDS,
  DEPTH_COLORS,
  ELEVATOR_ALERT_STATES,
  ELEVATOR_STATE_ALPHA,
  ELEVATOR_STATE_COLORS,
  NO_DATA,
  PUMP_STATE_COLORS,
  TEAM_STATE_COLORS,
  type Rgb,
} from './mapPalette';

const NO_DATA_RGBA = [...NO_DATA, 255];

function table(colors: readonly Rgb[], alpha = 255): Uint8Array {
  const out = new Uint8Array(colors.length * 4);
  colors.forEach(([r, g, b], i) => out.set([r, g, b, alpha], i * 4));
  return out;
}

function put(out: Uint8Array, i: number, lut: Uint8Array, entry: number): void {
  const o = i * 4;
  const e = entry * 4;
  out[o] = lut[e];
  out[o + 1] = lut[e + 1];
  out[o + 2] = lut[e + 2];
  out[o + 3] = lut[e + 3];
}

/** Rain gauges by hourly intensity band; NaN (no reading) is the no-data grey. */
export function writeRainColors(rain: ArrayLike<number>, out: Uint8Array): void {
  for (let i = 0; i < rain.length; i++) {
    if (Number.isNaN(rain[i])) {
      out.set(NO_DATA_RGBA, i * 4);
      continue;
    }
    const [r, g, b] = rainBandOf(rain[i]).color;
    const dry = !(rain[i] >= RAIN_BANDS[1].min);
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    // Dry gauges stay visible but recede, so the eye goes to where it rains.
    out[i * 4 + 3] = dry ? 140 : 255;
  }
}

export function writeWaterColors(
  levels: ArrayLike<number>,
  warning: readonly number[],
  danger: readonly number[],
  out: Uint8Array,
): void {
  for (let i = 0; i < levels.length; i++) {
    const state = waterLevelStateOf(levels[i], warning[i], danger[i]);
    // No reading: the map's one no-data grey (the legend shows it).
    const [r, g, b] = state === 'unknown' ? NO_DATA : WATER_LEVEL_COLORS[state];
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
}

/** Congestion bands 0–4, then no data; as bytes and as one 32-bit word per colour. */
const CONGESTION_LUT = table([...CONGESTION_BANDS.map((b) => b.color), NO_DATA]);
const CONGESTION_WORDS = new Uint32Array(CONGESTION_LUT.buffer);

/** 32-bit views of colour buffers, made once per buffer (a view per update would allocate). */
const wordViews = new WeakMap<Uint8Array, Uint32Array>();
function wordsOf(out: Uint8Array): Uint32Array | null {
  if (out.byteOffset % 4 !== 0 || out.length % 4 !== 0) return null;
  let words = wordViews.get(out);
  if (!words) wordViews.set(out, (words = new Uint32Array(out.buffer, out.byteOffset, out.length / 4)));
  return words;
}

/**
 * Road colour by congestion index through the five bands (0–2 green … 8–10 dark red). One 32-bit
 * store per segment: this is the loop that runs over 50,000 segments each update.
 */
export function writeCongestionColors(index: ArrayLike<number>, out: Uint8Array): void {
  const words = wordsOf(out);
  const none = CONGESTION_BANDS.length;
  for (let i = 0; i < index.length; i++) {
    // congestionBandOf, inlined: NaN (no data) fails every comparison and lands on `none`.
    const v = index[i];
    const band = v >= 8 ? 4 : v >= 6 ? 3 : v >= 4 ? 2 : v >= 2 ? 1 : v === v ? 0 : none;
    if (words) words[i] = CONGESTION_WORDS[band];
    else put(out, i, CONGESTION_LUT, band);
  }
}

const PUMP_LUT = table(PUMP_STATES.map((s) => PUMP_STATE_COLORS[s]));
const TEAM_LUT = table(TEAM_STATES.map((s) => TEAM_STATE_COLORS[s]));
/** normal, warning, alarm, noData: the order {@link depthStateOf} ranks them. */
const DEPTH_LUT = table([DEPTH_COLORS.normal, DEPTH_COLORS.warning, DEPTH_COLORS.alarm, DEPTH_COLORS.noData]);

/** Per-slot visibility: 0 hides a slot (alpha 0, which the icon layer neither draws nor picks). */
export type SlotMask = Uint8Array | null;

function hide(out: Uint8Array, i: number, mask: SlotMask): void {
  if (mask && mask[i] === 0) out[i * 4 + 3] = 0;
}

/** State colours from a u8 state channel (pump.state, team.state); unknown codes draw as no data. */
function writeStateColors(states: ArrayLike<number>, lut: Uint8Array, out: Uint8Array, mask: SlotMask): void {
  const n = lut.length / 4;
  for (let i = 0; i < states.length; i++) {
    const s = states[i];
    if (s < n) put(out, i, lut, s);
    else put(out, i, CONGESTION_LUT, CONGESTION_BANDS.length);
    hide(out, i, mask);
  }
}

export function writePumpColors(states: ArrayLike<number>, out: Uint8Array, mask: SlotMask = null): void {
  writeStateColors(states, PUMP_LUT, out, mask);
}

export function writeTeamColors(states: ArrayLike<number>, out: Uint8Array): void {
  writeStateColors(states, TEAM_LUT, out, null);
}

/**
 * Depth (cm) against each slot's warning and alarm lines (from the catalogue's thresholds);
 * NaN (sensor silent) is the no-data grey.
 */
export function writeDepthColors(
  depthCm: ArrayLike<number>,
  warning: ArrayLike<number>,
  alarm: ArrayLike<number>,
  out: Uint8Array,
  mask: SlotMask = null,
): void {
  for (let i = 0; i < depthCm.length; i++) {
    const d = depthCm[i];
    put(out, i, DEPTH_LUT, d >= alarm[i] ? 2 : d >= warning[i] ? 1 : d === d ? 0 : 3);
    hide(out, i, mask);
  }
}

const ELEVATOR_LUT = Uint8Array.from(ELEVATOR_STATES.flatMap((s) => [...ELEVATOR_STATE_COLORS[s], ELEVATOR_STATE_ALPHA[s]]));
const ELEVATOR_WORDS = new Uint32Array(ELEVATOR_LUT.buffer);
const ELEVATOR_ALERT = ELEVATOR_STATES.map((s) => ELEVATOR_ALERT_STATES.has(s));

/**
 * Elevator colour and radius per car from the state channel: one 32-bit colour store and one float
 * per car, the loop that runs over 240,000 cars at the stress scale. Unknown codes draw as offline.
 */
export function writeElevatorStyle(states: ArrayLike<number>, out: Uint8Array, radius: Float32Array, normalPx: number, alertPx: number): void {
  const words = wordsOf(out);
  const offline = ELEVATOR_STATES.indexOf('offline');
  for (let i = 0; i < states.length; i++) {
    const s = states[i] < ELEVATOR_STATES.length ? states[i] : offline;
    if (words) words[i] = ELEVATOR_WORDS[s];
    else put(out, i, ELEVATOR_LUT, s);
    radius[i] = ELEVATOR_ALERT[s] ? alertPx : normalPx;
  }
}

/**
 * Draws each slot marked stale (1 in `stale`, readingAge.ts) as no data: the grey of a silent sensor,
 * opaque. A hidden slot (alpha 0, inside a cluster) stays hidden.
 */
export function writeStaleAsNoData(stale: Uint8Array | undefined, out: Uint8Array): void {
  if (!stale) return;
  const n = Math.min(stale.length, out.length / 4);
  for (let i = 0; i < n; i++) {
    if (stale[i] === 0 || out[i * 4 + 3] === 0) continue;
    out.set(NO_DATA_RGBA, i * 4);
  }
}

/**
 * The same for a layer that draws a selection of its slots (the elevators): drawn entry k is slot
 * `slots[k]`, and `drawnStale[k]` gets its mark, so the layer can tell when the marks it drew changed.
 * A stale entry is drawn in the no-data grey at the alpha its state gave it, so that a car in service
 * whose state is old stays in the background while the cars needing someone stand out.
 */
export function writeStaleSelectionAsNoData(stale: Uint8Array | undefined, slots: Uint32Array, n: number, out: Uint8Array, drawnStale: Uint8Array): void {
  for (let k = 0; k < n; k++) {
    const mark = stale?.[slots[k]] ?? 0;
    drawnStale[k] = mark;
    if (mark === 1) out.set(NO_DATA, k * 4);
  }
}
