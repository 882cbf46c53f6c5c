import { describe, expect, it } from 'vitest';
import { legendSections } from '@/map/legendSections';
import { ICON_NAMES } from '@/map/icons/iconAtlas';
import { DEFAULT_VISIBLE, MAP_LAYERS } from '@/map/mapLayers';
import { LIVE_LAYERS } from '@/map/layers/layerOrder';
import { KIND_MESSAGES, kindMessageTree } from '@/i18n/kindMessages';
import { ASSET_KINDS, STATIC_KINDS } from '@/protocol/assets';
import { channelsOf, KIND_SPECS } from '@/protocol/kindSpecs';

describe('kind declarations', () => {
  it('declare every kind, each with a label, its detail channels among its own live channels and a trend among them', () => {
    for (const kind of ASSET_KINDS) {
      const spec = KIND_SPECS[kind];
      expect(spec.label, kind).toBe(`detail.kinds.${kind}`);
      const own = channelsOf(kind);
      for (const ch of spec.detail.channels) expect(own, `${kind} shows ${ch}`).toContain(ch);
      if (spec.detail.trend) expect(spec.detail.channels).toContain(spec.detail.trend);
      if (spec.layer !== null) expect(MAP_LAYERS, kind).toContain(spec.layer);
    }
  });

  it('give every static kind no live channel, its own switch and layer spec, a legend section, an icon or an area look, and a zoom', () => {
    const drawnKinds = new Map(LIVE_LAYERS.map((l) => [l.id, l.kind]));
    const layerTypes = new Map(LIVE_LAYERS.map((l) => [l.id, l.type]));
    const all = Object.fromEntries(MAP_LAYERS.map((id) => [id, true])) as typeof DEFAULT_VISIBLE;
    const sections = legendSections(all).map((s) => s.id);
    for (const kind of STATIC_KINDS) {
      const spec = KIND_SPECS[kind];
      expect(channelsOf(kind), kind).toEqual([]);
      expect(drawnKinds.get(spec.layer as never), kind).toBe(kind);
      expect(DEFAULT_VISIBLE[spec.layer as keyof typeof DEFAULT_VISIBLE]).toBe(true);
      expect(sections, kind).toContain(spec.legend);
      expect(spec.minZoom).toBeGreaterThan(10);
      if (spec.geometry === 'area') {
        // An area kind draws its outlines in a layer of its own (src/map/layers/areaLayer.ts), in one colour.
        expect(layerTypes.get(spec.layer as never), kind).toBe('own');
        expect(spec.look.color, kind).toHaveLength(3);
        expect(spec.look.fillAlpha).toBeLessThan(255);
        continue;
      }
      expect(layerTypes.get(spec.layer as never), kind).toBe('icon');
      expect(ICON_NAMES, kind).toContain(spec.look.icon);
      const { codeField, colors } = spec.look;
      if (codeField) expect(spec.detail.fields.find((f) => f.name === codeField)?.codes?.length).toBe(colors.length);
    }
  });

  it('name every static kind, switch, legend, field and code in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const tree = kindMessageTree(locale) as Record<string, Record<string, Record<string, unknown>>>;
      for (const kind of STATIC_KINDS) {
        const spec = KIND_SPECS[kind];
        const m = KIND_MESSAGES[locale][kind];
        expect(tree.detail.kinds[kind]).toBe(m.name);
        expect(tree.layers[spec.layer]).toBe(m.name);
        expect(tree.legend[spec.legend]).toBe(m.legend);
        for (const f of spec.detail.fields) {
          expect(m.fields[f.name], `${locale} ${kind}.${f.name}`).toBeTruthy();
          for (const code of f.codes ?? []) expect(m.codes?.[f.name]?.[code], `${locale} ${kind}.${f.name}.${code}`).toBeTruthy();
        }
      }
    }
  });

  it('keep the kinds with their own thresholds carrying the city-wide defaults', () => {
    expect(KIND_SPECS.underpass.thresholds).toEqual({ warning: 5, closed: 25 });
    expect(KIND_SPECS.waterloggingPoint.thresholds).toEqual({ warning: 10, major: 15 });
  });
});
