/**
 * The wall screen's layout in design pixels (3840×2160; ScaledStage scales it to the window).
 *
 *   ┌──────────────────────────────── header 3840×150 ────────────────────────────────┐
 *   │ city dynamics   │ warning ticker 1920×56                    │ environment       │
 *   │ 908×520         ├───────────────────────────────────────────┤ 908×640           │
 *   ├─────────────────┤                                           ├───────────────────┤
 *   │ supply 908×520  │   map, clear: 1920×1506                   │ traffic 908×640   │
 *   ├─────────────────┤   (spotlight and detail card float here)  ├───────────────────┤
 *   │ legend (map)    ├───────────┬──────────────┬──────────────┤ infrastructure    │
 *   │ 908×≤882        │ layers 640│ alarms 620   │ incidents 620│ 908×642           │
 *   └─────────────────┴───────────┴──────────────┴──────────────┴───────────────────┘
 *
 * The map itself is not scaled: it fills the window beneath, padded so the city is framed in the
 * clear centre. The legend, spotlight and detail card (src/map, src/alarms, src/detail) place
 * themselves with CSS at the boxes named here.
 */
import type { Dimension } from '@/protocol/vitals';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const MARGIN = 32;
const GAP = 20;
const HEADER = 150;
const TOP = HEADER + 16;
const BOTTOM = 2160 - MARGIN;
const SIDE = 908;
const LEFT_X = MARGIN;
const RIGHT_X = 3840 - MARGIN - SIDE;
const CENTRE_X = LEFT_X + SIDE + GAP;
const CENTRE_W = RIGHT_X - GAP - CENTRE_X;
const TICKER_H = 56;
const STRIP_H = 364;
/** The bottom strip: the layer switches, then the alarm list and the incident feed side by side (readings → alarms → incidents). */
const LAYERS_W = 640;
const FEED_W = (CENTRE_W - LAYERS_W - 2 * GAP) / 2;
/** The left column's two panels; the legend takes what is left below them. */
const LEFT_PANEL_H = 520;

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });

export const WALL_LAYOUT = {
  header: box(0, 0, 3840, HEADER),
  ticker: box(CENTRE_X, TOP, CENTRE_W, TICKER_H),
  /** The map's clear region: nothing of the layout is drawn over it but transient popups. */
  map: box(CENTRE_X, TOP + TICKER_H + 16, CENTRE_W, BOTTOM - STRIP_H - GAP - (TOP + TICKER_H + 16)),
  layers: box(CENTRE_X, BOTTOM - STRIP_H, LAYERS_W, STRIP_H),
  alarms: box(CENTRE_X + LAYERS_W + GAP, BOTTOM - STRIP_H, FEED_W, STRIP_H),
  incidents: box(CENTRE_X + LAYERS_W + GAP + FEED_W + GAP, BOTTOM - STRIP_H, FEED_W, STRIP_H),
  /** The legend's slot: it is anchored at the bottom and grows upwards with the layers shown. */
  legend: box(LEFT_X, TOP + 2 * (LEFT_PANEL_H + GAP), SIDE, BOTTOM - (TOP + 2 * (LEFT_PANEL_H + GAP))),
  /** Popups over the map's clear region, side by side so both can show at once. */
  spotlight: box(CENTRE_X + 16, TOP + TICKER_H + 32, 1000, 480),
  detail: box(CENTRE_X + CENTRE_W - 16 - 880, TOP + TICKER_H + 32, 880, 760),
  panels: {
    cityDynamics: box(LEFT_X, TOP, SIDE, LEFT_PANEL_H),
    supply: box(LEFT_X, TOP + LEFT_PANEL_H + GAP, SIDE, LEFT_PANEL_H),
    environment: box(RIGHT_X, TOP, SIDE, 640),
    traffic: box(RIGHT_X, TOP + 640 + GAP, SIDE, 640),
    infrastructure: box(RIGHT_X, TOP + 2 * (640 + GAP), SIDE, BOTTOM - (TOP + 2 * (640 + GAP))),
  } satisfies Record<Dimension, Box>,
} as const;

/** A box as inline CSS for an absolutely placed element. */
export function boxStyle(b: Box): Record<string, string> {
  return { left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` };
}
