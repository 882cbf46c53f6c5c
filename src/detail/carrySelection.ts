/**
 * The selected asset across a catalogue change (a registry import while the screen is open): the
 * same asset, found by its id at its slot in the new catalogue, or nothing when it is gone — never
 * whatever asset now happens to sit in the old slot.
 */
import type { AssetKind } from '@/protocol/assets';
import { assetIdAt, slotOfId, type CatalogView } from '@/protocol/catalogView';

interface Selection {
  kind: AssetKind;
  slot: number;
}

export function carrySelection(selected: Selection | null, before: CatalogView | null, after: CatalogView | null): Selection | null {
  if (!selected || !after) return null;
  if (!before || before === after) return selected;
  const id = assetIdAt(before.groups[selected.kind], selected.slot);
  const slot = id ? slotOfId(after.groups[selected.kind], id) : -1;
  return slot >= 0 ? { kind: selected.kind, slot } : null;
}
