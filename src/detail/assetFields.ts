/**
 * The facts a detail card shows from the catalogue's columns, as the asset's kind spec lists them
 * (pure, no Vue): a number, a code's word key, a link (a video point's stream) or a text (a muck
 * truck's construction site).
 */
import type { AssetKind } from '@/protocol/assets';
import type { AssetGroupView } from '@/protocol/catalogView';
import { KIND_SPECS } from '@/protocol/kindSpecs';

export type AssetField =
  | { name: string; format: 'number'; value: number }
  | { name: string; format: 'code'; code: string }
  | { name: string; format: 'link'; href: string }
  | { name: string; format: 'text'; text: string };

/** Only web and streaming schemes become links; anything else a registry holds is not followed. */
const LINK_SCHEMES = /^(https?|rtsp|rtmp):\/\//i;

/** The asset's facts in the order its kind declares them; a fact the slot lacks is left out. */
export function assetFieldsOf(kind: AssetKind, group: Pick<AssetGroupView, 'attributes' | 'texts'>, slot: number): AssetField[] {
  return KIND_SPECS[kind].detail.fields.flatMap((field): AssetField[] => {
    if (field.format === 'link') {
      const href = group.texts?.[field.name]?.[slot] ?? '';
      return LINK_SCHEMES.test(href) ? [{ name: field.name, format: 'link', href }] : [];
    }
    if (field.format === 'text') {
      const text = group.texts?.[field.name]?.[slot] ?? '';
      return text ? [{ name: field.name, format: 'text', text }] : [];
    }
    const value = group.attributes[field.name]?.[slot];
    if (value === undefined || !Number.isFinite(value)) return [];
    if (field.format === 'number') return [{ name: field.name, format: 'number', value }];
    const code = field.codes?.[value];
    return code ? [{ name: field.name, format: 'code', code }] : [];
  });
}
