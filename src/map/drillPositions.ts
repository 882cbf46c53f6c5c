/** Where to draw the drill-down rings: the resolved assets' positions plus free incident sites. */
import { ASSET_KINDS } from '@/protocol/assets';
import type { CatalogView } from '@/protocol/catalogView';
import type { DrillResult } from '@/domain/drillSlots';

export function drillPositions(catalog: CatalogView, drill: DrillResult, teamPositions?: ArrayLike<number>): Float32Array {
  let n = drill.points.length;
  for (const kind of ASSET_KINDS) n += drill.slots[kind]?.length ?? 0;
  const out = new Float32Array(n * 2);
  let at = 0;
  for (const kind of ASSET_KINDS) {
    // Teams move: light them where they are, not at their base.
    const source = kind === 'team' && teamPositions ? teamPositions : catalog.groups[kind].positions;
    for (const slot of drill.slots[kind] ?? []) {
      out[at++] = source[slot * 2];
      out[at++] = source[slot * 2 + 1];
    }
  }
  for (const [lon, lat] of drill.points) {
    out[at++] = lon;
    out[at++] = lat;
  }
  return out;
}
