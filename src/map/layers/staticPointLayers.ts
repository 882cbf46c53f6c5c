/**
 * The static point kinds' icons (src/protocol/kindSpecs.ts: health sites, evacuation points, video
 * points; the residential compounds are areas, ./areaLayer.ts), one spec each from its kind's declaration: its icon, size, zoom
 * and colour — one colour, or one per code of an attribute (a health site's category). They have no
 * live channel, so each paints once per catalogue; placed beside the drainage icons in layerOrder.ts
 * they share that IconLayer.
 */
import type { StaticKind } from '@/protocol/assets';
import { KIND_SPECS } from '@/protocol/kindSpecs';
import type { IconName } from '../icons/iconAtlas';
import { iconPoints, type IconPointSpec, type LiveLayerId } from './layerSpec';

/** Writes each slot's colour: the look's one colour, or its colour by the slot's code (an unknown code: the first). */
export function writeStaticColors(colors: readonly (readonly number[])[], codes: ArrayLike<number> | undefined, out: Uint8Array): void {
  const n = out.length / 4;
  for (let i = 0; i < n; i++) {
    const c = colors[codes?.[i] ?? 0] ?? colors[0];
    out[i * 4] = c[0];
    out[i * 4 + 1] = c[1];
    out[i * 4 + 2] = c[2];
    out[i * 4 + 3] = 235;
  }
}

/** The icon-point spec of a static kind, from its declaration. */
export function staticPoints(kind: StaticKind): IconPointSpec {
  const spec = KIND_SPECS[kind];
  if (spec.geometry !== 'point') throw new Error(`${kind} is not a point kind`);
  const { look } = spec;
  return iconPoints({
    id: spec.layer as LiveLayerId,
    kind,
    channels: [],
    icon: look.icon as IconName,
    sizePx: look.sizePx,
    minPx: look.minPx,
    minZoom: spec.minZoom,
    prepare: (env) => (look.codeField ? env.catalog.groups[kind].attributes[look.codeField] : undefined),
    paint: (codes, _f, out) => writeStaticColors(look.colors, codes, out),
  });
}

export const HEALTH_SITE_LAYER = staticPoints('healthSite');
export const EVACUATION_POINT_LAYER = staticPoints('evacuationPoint');
export const VIDEO_POINT_LAYER = staticPoints('videoPoint');
