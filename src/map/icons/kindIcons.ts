/**
 * Icons of the static point kinds (src/protocol/kindSpecs.ts), drawn as white masks in a 64 px cell
 * like the rest of the atlas and tinted per slot: health site = disc with a cross, evacuation point =
 * rounded square with a running figure's arrow, video point = camera; and the muck trucks' tipper with its bed raised. (Residential compounds are
 * drawn as their areas, with no icon.)
 */
type Ctx = CanvasRenderingContext2D;

export const KIND_ICONS = ['healthSite', 'evacuationPoint', 'videoPoint', 'muckTruck'] as const;
export type KindIconName = (typeof KIND_ICONS)[number];

function shape(ctx: Ctx, points: readonly (readonly [number, number])[]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
  ctx.fill();
}

/** Cuts what `draw` fills out of what is already drawn. */
function cut(ctx: Ctx, draw: () => void): void {
  ctx.save();
  ctx.globalCompositeOperation = 'destination-out';
  draw();
  ctx.restore();
}

export const KIND_ICON_DRAW: Record<KindIconName, (ctx: Ctx) => void> = {
  healthSite(ctx) {
    ctx.beginPath();
    ctx.arc(32, 32, 29, 0, Math.PI * 2);
    ctx.fill();
    cut(ctx, () => {
      ctx.fillRect(26, 14, 12, 36);
      ctx.fillRect(14, 26, 36, 12);
    });
  },
  evacuationPoint(ctx) {
    ctx.beginPath();
    ctx.roundRect(4, 4, 56, 56, 10);
    ctx.fill();
    // An arrow leaving through a doorway: the sign of an assembly point.
    cut(ctx, () => {
      ctx.fillRect(40, 14, 8, 36);
      shape(ctx, [[12, 28], [26, 28], [26, 20], [38, 32], [26, 44], [26, 36], [12, 36]]);
    });
  },
  muckTruck(ctx) {
    // A tipper: the bed raised at the back, then the cab and two wheels (a pump truck's box is level).
    shape(ctx, [[2, 10], [40, 20], [40, 44], [2, 44]]);
    shape(ctx, [[44, 24], [54, 24], [62, 36], [62, 44], [44, 44]]);
    for (const x of [14, 52]) {
      ctx.beginPath();
      ctx.arc(x, 50, 9, 0, Math.PI * 2);
      ctx.fill();
    }
  },
  videoPoint(ctx) {
    ctx.beginPath();
    ctx.roundRect(4, 18, 40, 28, 5);
    ctx.fill();
    shape(ctx, [[44, 28], [60, 18], [60, 46], [44, 36]]);
    cut(ctx, () => {
      ctx.beginPath();
      ctx.arc(20, 32, 7, 0, Math.PI * 2);
      ctx.fill();
    });
  },
};
