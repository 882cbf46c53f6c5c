/**
 * An import laid onto the registry: with `replace`, the registry becomes the file; without, each
 * asset of the file replaces the one of its kind and id (keeping its slot) or joins the end of its
 * kind, so the slots of what was there keep their meaning. Then the references are settled: a ponding
 * site drains to a pump station and stands on a road segment (named by id, else the nearest), and a
 * team needs a road network to set out on.
 */
import { ASSET_KINDS, type AssetKind } from '../../src/protocol/assets';
import { nearestPointFinder } from '../city/nearestPoint';
import type { AssetRecord } from './assetRecord';
import { withArticle, type ImportProblem } from './registryImportError';

export interface MergeResult {
  /** Kind by kind in the protocol's order, each in slot order. */
  records: AssetRecord[];
  added: number;
  updated: number;
  removed: number;
}

const keyOf = (r: Pick<AssetRecord, 'kind' | 'id'>) => `${r.kind}\u0000${r.id}`;

function inKindOrder(records: readonly AssetRecord[]): AssetRecord[] {
  const byKind = new Map<AssetKind, AssetRecord[]>();
  for (const r of records) {
    let list = byKind.get(r.kind);
    if (!list) byKind.set(r.kind, (list = []));
    list.push(r);
  }
  return ASSET_KINDS.flatMap((kind) => byKind.get(kind) ?? []);
}

/** Each ponding site's road and pump by id (the nearest where the file names none); teams need roads. */
function settleReferences(records: AssetRecord[], featureOf: Map<AssetRecord, number>, problems: ImportProblem[]): AssetRecord[] {
  const ofKind = (kind: AssetKind) => records.filter((r) => r.kind === kind);
  const roads = ofKind('roadSegment');
  const pumps = ofKind('pumpStation');
  const ids = { road: new Set(roads.map((r) => r.id)), pump: new Set(pumps.map((r) => r.id)) };
  const nearest = {
    road: nearestPointFinder(roads.flatMap((r) => [r.lon, r.lat])),
    pump: nearestPointFinder(pumps.flatMap((r) => [r.lon, r.lat])),
  };
  const lists = { road: roads, pump: pumps };
  const noun = { road: 'road segment', pump: 'pump station' };
  return records.map((r) => {
    const feature = featureOf.get(r);
    if (feature === undefined) return r;
    if (r.kind === 'team' && roads.length === 0) {
      problems.push({ feature, field: 'properties.kind', message: 'a team sets out on the road network: the registry has no road segments' });
    }
    if (r.kind !== 'underpass' && r.kind !== 'waterloggingPoint') return r;
    const attributes = { ...r.attributes };
    for (const ref of ['road', 'pump'] as const) {
      const named = attributes[ref];
      if (named !== undefined && !ids[ref].has(String(named))) {
        problems.push({ feature, field: `properties.${ref}`, message: `no ${noun[ref]} with id "${named}" in the registry` });
      } else if (named === undefined && lists[ref].length === 0) {
        problems.push({ feature, field: `properties.${ref}`, message: `${withArticle(r.kind)} needs a ${noun[ref]}: the registry has none` });
      } else if (named === undefined) {
        attributes[ref] = lists[ref][nearest[ref](r.lon, r.lat)].id;
      }
    }
    return { ...r, attributes };
  });
}

/** The registry after the import, or the problems that refuse it (ids repeated in the file, references that do not resolve). */
export function mergeRegistry(existing: readonly AssetRecord[], incoming: readonly AssetRecord[], replace: boolean): MergeResult & { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  incoming.forEach((r, i) => {
    const first = seen.get(keyOf(r));
    if (first !== undefined) problems.push({ feature: i, field: 'properties.id', message: `"${r.id}" is already the id of features[${first}] (${withArticle(r.kind)})` });
    else seen.set(keyOf(r), i);
  });
  const before = new Map(existing.map((r) => [keyOf(r), r]));
  const updated = incoming.filter((r) => before.has(keyOf(r))).length;
  let merged: AssetRecord[];
  if (replace) {
    merged = inKindOrder(incoming);
  } else {
    const byKey = new Map(incoming.map((r) => [keyOf(r), r]));
    const kept = existing.map((r) => byKey.get(keyOf(r)) ?? r);
    merged = inKindOrder([...kept, ...incoming.filter((r) => !before.has(keyOf(r)))]);
  }
  const featureOf = new Map(incoming.map((r, i) => [r, i]));
  const records = settleReferences(merged, featureOf, problems);
  const removed = replace ? existing.filter((r) => !seen.has(keyOf(r))).length : 0;
  return { records, added: incoming.length - updated, updated, removed, problems };
}
