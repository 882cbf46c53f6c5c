/**
 * Finds an asset's slot from its kind and id, as the catalogue names them: one map per kind whose
 * ids are listed, and the id's number for kinds whose ids follow from the slot (`EV-000123`).
 */
import { ASSET_KINDS, type AssetKind, type WireCatalog } from '../../src/protocol/assets';

export type AssetLookup = (kind: AssetKind, id: string) => number | undefined;

/** A lookup over one catalogue; `counts` gives each kind's slots (for kinds named from the slot). */
export function assetLookupOf(catalog: WireCatalog, counts: (kind: AssetKind) => number): AssetLookup {
  const byKind = new Map<AssetKind, (id: string) => number | undefined>();
  for (const group of catalog.groups) {
    const { naming } = group;
    if (naming) {
      const pattern = new RegExp(`^${naming.idPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d{${naming.digits}})$`);
      const count = counts(group.kind);
      byKind.set(group.kind, (id) => {
        const match = pattern.exec(id);
        const slot = match ? Number(match[1]) - 1 : -1;
        return slot >= 0 && slot < count ? slot : undefined;
      });
    } else {
      const slots = new Map(group.ids.map((id, slot) => [id, slot]));
      byKind.set(group.kind, (id) => slots.get(id));
    }
  }
  return (kind, id) => byKind.get(kind)?.(id);
}

/** Whether a string names an asset kind of the protocol. */
export function isAssetKind(kind: string): kind is AssetKind {
  return (ASSET_KINDS as readonly string[]).includes(kind);
}
