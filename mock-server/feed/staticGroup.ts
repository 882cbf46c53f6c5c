/**
 * A static kind's catalogue group (src/protocol/kindSpecs.ts): the sites' number columns as
 * attributes (one column per number field of the kind, NaN where a site lacks it), text columns as
 * texts ('' where it lacks one), the kind's default thresholds for every slot and, for an area kind,
 * every site's outline as its `paths`.
 */
import type { StaticKind, WireAssetGroup } from '../../src/protocol/assets';
import { KIND_SPECS } from '../../src/protocol/kindSpecs';
import type { StaticSite } from '../city/staticSites';
import { packPaths } from './packPaths';

const bytes = (values: Float32Array) => new Uint8Array(values.buffer);

export function staticGroup(kind: StaticKind, sites: readonly StaticSite[]): WireAssetGroup {
  const spec = KIND_SPECS[kind];
  const positions = new Float32Array(sites.length * 2);
  sites.forEach((s, i) => positions.set([s.lon, s.lat], i * 2));
  const attributes: Record<string, number[]> = {};
  const texts: Record<string, string[]> = {};
  for (const field of spec.detail.fields) {
    if (field.format === 'link' || field.format === 'text') texts[field.name] = sites.map((s) => s.texts[field.name] ?? '');
    else attributes[field.name] = sites.map((s) => s.attributes[field.name] ?? NaN);
  }
  return {
    kind,
    ids: sites.map((s) => s.id),
    names: sites.map((s) => s.name),
    namesEn: sites.map((s) => s.nameEn),
    // A byte per slot: 14,000 compounds are too many for a JSON list.
    districts: Uint8Array.from(sites, (s) => s.district),
    positions: bytes(positions),
    ...(spec.geometry === 'area' ? { paths: packPaths(sites.map((s) => (s.area ?? []).flat())) } : {}),
    thresholds: Object.fromEntries(Object.entries(spec.thresholds).map(([name, value]) => [name, sites.map(() => value)])),
    attributes,
    texts,
  };
}
