/**
 * The app's colours, written once. The stylesheet reads them as CSS custom properties (`--text`,
 * `--panel-border`, …), which `applyTheme` sets on the page from these tables at start-up, and the
 * charts, the map's palette and the report's chart themes import the same tables, so a chart and
 * the panel around it cannot disagree. Hex strings; `hexToRgb` gives the RGB triples deck.gl wants.
 */
import type { IndicatorStatus } from '@/protocol/vitals';

export type Rgb = readonly [number, number, number];

/** The colours a theme names; each becomes a CSS custom property (`panelBorder` → `--panel-border`). */
export interface ThemeColors {
  /** Page background. */
  bg: string;
  /** Panel fill (translucent over the map on the wall). */
  panelBg: string;
  panelBorder: string;
  panelTitle: string;
  text: string;
  /** Secondary text, axis labels, "no status". */
  textDim: string;
  accent: string;
  /** Status: normal, warning, alarm. */
  ok: string;
  warn: string;
  alarm: string;
  /** Fill of buttons and other controls. */
  control: string;
  /** Fill of text inputs. */
  field: string;
  /** Dark text on a bright fill (a status badge, a primary button). */
  ink: string;
  /** Fill of the primary ("do it") button, a darker green that white text reads on. */
  primary: string;
  /** Text of a dangerous action (cancel) and of error notes: a pale alarm red. */
  danger: string;
  /** Rules between table rows. */
  rule: string;
}

/** The control room's dark theme: every screen, and the report on screen. */
export const SCREEN_THEME: ThemeColors = {
  bg: '#040b16',
  panelBg: 'rgba(6, 20, 40, 0.86)',
  panelBorder: '#1d4f80',
  panelTitle: '#7fd3ff',
  text: '#d8ecff',
  textDim: '#7f9bb8',
  accent: '#3fd0ff',
  ok: '#2fd67b',
  warn: '#ffb020',
  alarm: '#ff4545',
  control: '#0d2440',
  field: '#0a1a30',
  ink: '#061428',
  primary: '#14804a',
  danger: '#ffb3b3',
  rule: 'rgba(29, 79, 128, 0.5)',
};

/** The report printed (and `?print=1`): white paper, dark text, status colours dark enough to read on white. */
export const PRINT_THEME: ThemeColors = {
  bg: '#ffffff',
  panelBg: '#ffffff',
  panelBorder: '#b8c4d0',
  panelTitle: '#0b3a66',
  text: '#1a2533',
  textDim: '#4b5b6e',
  accent: '#0b6fb8',
  ok: '#1b8a4c',
  warn: '#b86e00',
  alarm: '#c62828',
  control: '#eef2f6',
  field: '#ffffff',
  ink: '#ffffff',
  primary: '#1b8a4c',
  danger: '#c62828',
  rule: '#dde3ea',
};

/** An indicator's status colour on the screen theme ('none': no reading, or no bands). */
export const STATUS_COLORS: Record<IndicatorStatus | 'none', string> = {
  normal: SCREEN_THEME.ok,
  warning: SCREEN_THEME.warn,
  alarm: SCREEN_THEME.alarm,
  none: SCREEN_THEME.textDim,
};

/** Chart text and axes on the screen theme. */
export const TEXT = SCREEN_THEME.text;
export const AXIS_TEXT = SCREEN_THEME.textDim;
export const AXIS_LINE = SCREEN_THEME.panelBorder;

/** The signal colours of Chinese warnings (weather warnings, alarm severities): 蓝 黄 橙 红. */
export const SIGNAL_COLORS = {
  blue: '#3c8cff',
  yellow: '#fad600',
  orange: '#ff8c00',
  red: '#ff2828',
} as const satisfies Record<string, string>;

/** `#rrggbb` as an RGB triple. */
export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** An RGB triple as CSS, with an alpha when it is not opaque. */
export const rgbCss = ([r, g, b]: Rgb, alpha = 1): string => (alpha === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`);

/** A `#rrggbb` colour made translucent (band fills behind chart lines). */
export const withAlpha = (hex: string, alpha: number): string => rgbCss(hexToRgb(hex), alpha);

/** The CSS custom property of a theme colour: `panelBorder` → `--panel-border`. */
export const cssVariableOf = (name: keyof ThemeColors): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Sets every colour of a theme as a custom property (on `document.documentElement.style` at start-up). */
export function applyTheme(style: Pick<CSSStyleDeclaration, 'setProperty'>, theme: ThemeColors): void {
  for (const name of Object.keys(theme) as (keyof ThemeColors)[]) style.setProperty(cssVariableOf(name), theme[name]);
}
