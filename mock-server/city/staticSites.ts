/**
 * Sites of the static kinds (src/protocol/kindSpecs.ts: health sites, evacuation points, video
 * points, residential compounds): where they are, and the number and text columns their kind spec
 * lists (a health site's category code, a video point's stream URL).
 */
import { STATIC_KINDS, type StaticKind } from '../../src/protocol/assets';
import { KIND_SPECS } from '../../src/protocol/kindSpecs';
import type { AssetRecord } from '../assets/assetRecord';
import { squareOutline } from './compoundOutline';
import type { CityAssets, Site, StaticSite, StaticSites } from './assets';

export type { StaticSite, StaticSites } from './assets';

/** The city's sites of a static kind, in slot order (none where the city has none). */
export function staticSitesOf(assets: Pick<CityAssets, 'statics'>, kind: StaticKind): readonly StaticSite[] {
  return assets.statics?.[kind] ?? [];
}

/** Whether a kind's field is kept as text (its spec shows it as a link or a text). */
const isText = (kind: StaticKind, name: string) => KIND_SPECS[kind].detail.fields.some((f) => f.name === name && (f.format === 'link' || f.format === 'text'));

/** A site's record attributes: its numbers (codes as their words) and texts, as a registry keeps them. */
export function staticRecordAttributes(kind: StaticKind, site: StaticSite): Record<string, string | number> {
  const out: Record<string, string | number> = { ...site.texts };
  for (const [name, value] of Object.entries(site.attributes)) {
    const codes = KIND_SPECS[kind].detail.fields.find((f) => f.name === name)?.codes;
    out[name] = codes ? (codes[value] ?? value) : value;
  }
  return out;
}

/** The outline of an area kind's record that has none (a registry written before compounds had outlines), ha. */
const UNKNOWN_AREA_HA = 2;

/** The static sites of a registry's records, kind by kind in slot order; `site` gives the common part. */
export function staticSitesOfRecords(groups: Partial<Record<string, AssetRecord[]>>, site: (r: AssetRecord) => Site): StaticSites {
  const read = (kind: StaticKind, r: AssetRecord): StaticSite => {
    const attributes: Record<string, number> = {};
    const texts: Record<string, string> = {};
    for (const [name, value] of Object.entries(r.attributes)) {
      if (isText(kind, name)) texts[name] = String(value);
      else {
        const codes = KIND_SPECS[kind].detail.fields.find((f) => f.name === name)?.codes;
        const n = codes && typeof value === 'string' ? codes.indexOf(value) : Number(value);
        if (Number.isFinite(n) && (!codes || n >= 0)) attributes[name] = n;
      }
    }
    const s: StaticSite = { ...site(r), attributes, texts };
    if (KIND_SPECS[kind].geometry === 'area') s.area = r.area ?? squareOutline(s.lon, s.lat, UNKNOWN_AREA_HA);
    return s;
  };
  return Object.fromEntries(STATIC_KINDS.map((kind) => [kind, (groups[kind] ?? []).map((r) => read(kind, r))])) as StaticSites;
}
