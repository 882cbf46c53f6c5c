/**
 * The map's icon atlas, drawn at start-up on a canvas (no image files). Icons are white silhouettes
 * used as masks: the layer tints them with a per-slot colour, so one shape serves every state, and
 * the kind stays readable by shape alone (pump = disc with a drop, underpass = square with an arch,
 * waterlogging = diamond with a wave; teams: shield, truck, hexagon). The one exception is the
 * closure notice, a red-and-white "no entry" sign drawn in its own colours (not a mask).
 */
import type { TeamType } from '@/protocol/assets';
import { KIND_ICON_DRAW, KIND_ICONS } from './kindIcons';

/** The digits (cluster counts and alarm badges, drawn as icons: one layer type fewer than text to compile and update). */
export const DIGIT_ICONS = ['digit0', 'digit1', 'digit2', 'digit3', 'digit4', 'digit5', 'digit6', 'digit7', 'digit8', 'digit9'] as const;

export const ICON_NAMES = ['pump', 'underpass', 'waterlogging', 'floodTeam', 'pumpTruck', 'repairCrew', 'noEntry', 'badge', ...DIGIT_ICONS, ...KIND_ICONS] as const;
export type IconName = (typeof ICON_NAMES)[number];

/** Team type code (TEAM_TYPES order) → icon. */
export const TEAM_ICONS: Record<TeamType, IconName> = { floodTeam: 'floodTeam', pumpTruck: 'pumpTruck', repairCrew: 'repairCrew' };

/** Atlas cell, px. Drawn large so that mipmaps keep edges smooth at every size. */
export const ICON_CELL = 64;

export interface IconFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  anchorX: number;
  anchorY: number;
  mask: boolean;
}

export type IconMapping = Record<IconName, IconFrame>;

/** Icons drawn in their own colours rather than tinted. */
const FULL_COLOUR: ReadonlySet<IconName> = new Set(['noEntry', 'badge']);

/** Where each icon sits in the atlas: one row of cells. */
export const ICON_MAPPING: IconMapping = Object.fromEntries(
  ICON_NAMES.map((name, i) => [
    name,
    { x: i * ICON_CELL, y: 0, width: ICON_CELL, height: ICON_CELL, anchorX: ICON_CELL / 2, anchorY: ICON_CELL / 2, mask: !FULL_COLOUR.has(name) },
  ]),
) as IconMapping;

/** A texture source deck.gl accepts: a canvas in the browser, a stand-in in unit tests. */
export interface IconAtlas {
  image: HTMLCanvasElement | { width: number; height: number; data: Uint8Array };
  mapping: IconMapping;
}

type Ctx = CanvasRenderingContext2D;

function drop(ctx: Ctx, cx: number, cy: number, h: number): void {
  const r = h * 0.32;
  ctx.beginPath();
  ctx.moveTo(cx, cy - h / 2);
  ctx.bezierCurveTo(cx + r * 0.5, cy - h * 0.15, cx + r, cy + h * 0.05, cx + r, cy + h / 2 - r);
  ctx.arc(cx, cy + h / 2 - r, r, 0, Math.PI);
  ctx.bezierCurveTo(cx - r, cy + h * 0.05, cx - r * 0.5, cy - h * 0.15, cx, cy - h / 2);
  ctx.fill();
}

function polygon(ctx: Ctx, points: readonly (readonly [number, number])[]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
  ctx.fill();
}

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
}

/** Cuts the shapes drawn by `draw` out of what is already there. */
function cut(ctx: Ctx, draw: () => void): void {
  ctx.save();
  ctx.globalCompositeOperation = 'destination-out';
  draw();
  ctx.restore();
}

const DRAW: Record<IconName, (ctx: Ctx) => void> = {
  ...KIND_ICON_DRAW,
  pump(ctx) {
    ctx.beginPath();
    ctx.arc(32, 32, 28, 0, Math.PI * 2);
    ctx.fill();
    cut(ctx, () => drop(ctx, 32, 32, 34));
  },
  underpass(ctx) {
    roundRect(ctx, 6, 6, 52, 52, 8);
    cut(ctx, () => {
      ctx.beginPath();
      ctx.moveTo(18, 58);
      ctx.lineTo(18, 34);
      ctx.arc(32, 34, 14, Math.PI, 0);
      ctx.lineTo(46, 58);
      ctx.closePath();
      ctx.fill();
    });
  },
  waterlogging(ctx) {
    polygon(ctx, [[32, 2], [62, 32], [32, 62], [2, 32]]);
    cut(ctx, () => {
      ctx.lineWidth = 6;
      ctx.lineCap = 'round';
      for (const y of [27, 39]) {
        ctx.beginPath();
        ctx.moveTo(17, y);
        ctx.bezierCurveTo(23, y - 7, 28, y + 7, 32, y);
        ctx.bezierCurveTo(36, y - 7, 41, y + 7, 47, y);
        ctx.stroke();
      }
    });
  },
  floodTeam(ctx) {
    polygon(ctx, [[8, 6], [56, 6], [56, 30], [32, 60], [8, 30]]);
    cut(ctx, () => polygon(ctx, [[24, 18], [40, 18], [40, 30], [32, 40], [24, 30]]));
  },
  pumpTruck(ctx) {
    roundRect(ctx, 2, 14, 38, 32, 3);
    polygon(ctx, [[42, 22], [54, 22], [62, 34], [62, 46], [42, 46]]);
    for (const x of [14, 50]) {
      ctx.beginPath();
      ctx.arc(x, 50, 9, 0, Math.PI * 2);
      ctx.fill();
    }
    cut(ctx, () => {
      for (const x of [14, 50]) {
        ctx.beginPath();
        ctx.arc(x, 50, 3.5, 0, Math.PI * 2);
        ctx.fill();
      }
      polygon(ctx, [[46, 26], [52, 26], [57, 33], [46, 33]]);
    });
  },
  repairCrew(ctx) {
    const pts = Array.from({ length: 6 }, (_, i) => [32 + 29 * Math.cos((Math.PI / 3) * i), 32 + 29 * Math.sin((Math.PI / 3) * i)] as const);
    polygon(ctx, pts);
    cut(ctx, () => {
      ctx.lineWidth = 7;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(22, 42);
      ctx.lineTo(38, 26);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(41, 23, 7, 0, Math.PI * 2);
      ctx.fill();
    });
  },
  badge(ctx) {
    ctx.beginPath();
    ctx.arc(32, 32, 31, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = BADGE_CSS;
    ctx.beginPath();
    ctx.arc(32, 32, 27, 0, Math.PI * 2);
    ctx.fill();
  },
  ...(Object.fromEntries(DIGIT_ICONS.map((name, d) => [name, (ctx: Ctx) => digit(ctx, String(d))])) as Record<(typeof DIGIT_ICONS)[number], (ctx: Ctx) => void>),
  noEntry(ctx) {
    ctx.beginPath();
    ctx.arc(32, 32, 29, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#e81d1d';
    ctx.beginPath();
    ctx.arc(32, 32, 25, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.fillRect(14, 27, 36, 10);
  },
};

/** The labels' face, and the em size of a digit in its cell: a digit icon drawn at size S px stands for S × DIGIT_EM_PX / ICON_CELL px text. */
export const LABEL_FONT = '"Noto Sans", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';
export const DIGIT_EM_PX = 52;
/** Advance of one digit, in em (the tabular figures of the label faces are about this wide). */
export const DIGIT_ADVANCE_EM = 0.6;
/** The alarm badge: red, in a white ring. */
const BADGE_CSS = 'rgb(225, 20, 40)';

function digit(ctx: Ctx, text: string): void {
  ctx.font = `700 ${DIGIT_EM_PX}px ${LABEL_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 32, 34);
}

function drawIcon(ctx: Ctx, name: IconName, x: number, y: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#fff';
  DRAW[name](ctx);
  ctx.restore();
}

/** Draws the atlas (browser only: needs a 2D canvas). */
export function createIconAtlas(doc: Document = document): IconAtlas {
  const canvas = doc.createElement('canvas');
  canvas.width = ICON_CELL * ICON_NAMES.length;
  canvas.height = ICON_CELL;
  const ctx = canvas.getContext('2d')!;
  for (const name of ICON_NAMES) drawIcon(ctx, name, ICON_MAPPING[name].x, ICON_MAPPING[name].y);
  return { image: canvas, mapping: ICON_MAPPING };
}

let sheet: string | null = null;

/**
 * How the legend shows one icon in one colour (or its own colours): a CSS mask (or background) over
 * the atlas drawn once as a data URL. One small PNG for every swatch; a PNG per swatch cost 5 ms
 * each at start-up.
 */
export function iconSwatchStyle(name: IconName, css: string, doc: Document = document): Record<string, string> {
  if (!sheet) {
    const canvas = doc.createElement('canvas');
    canvas.width = ICON_CELL * ICON_NAMES.length;
    canvas.height = ICON_CELL;
    // A canvas kept in memory: read back at once, where a GPU canvas would wait for the GPU process.
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    for (const icon of ICON_NAMES) drawIcon(ctx, icon, ICON_MAPPING[icon].x, ICON_MAPPING[icon].y);
    sheet = `url(${canvas.toDataURL('image/png')})`;
  }
  // Percentages of the box, so the swatch can be any size.
  const size = `${ICON_NAMES.length * 100}% 100%`;
  const position = `${(ICON_NAMES.indexOf(name) / (ICON_NAMES.length - 1)) * 100}% 0`;
  return ICON_MAPPING[name].mask
    ? { maskImage: sheet, maskSize: size, maskPosition: position, maskRepeat: 'no-repeat', backgroundColor: css }
    : { backgroundImage: sheet, backgroundSize: size, backgroundPosition: position, backgroundRepeat: 'no-repeat' };
}
