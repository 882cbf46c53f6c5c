import { describe, expect, it } from 'vitest';
import { TextLayer } from '@deck.gl/layers';
import type { LiveFrame } from '@/map/layers/layerSpec';
import { createLiveLayerSet } from '@/map/liveLayers';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import type { WeatherWarning } from '@/protocol/weatherWarnings';
import { everyChannelAt, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../../support/mapFixtures';
import {
  buildWarningLabelLayer,
  labelPlace,
  labelText,
  ownTitle,
  stackLabels,
  textEms,
  WARNING_AREA_LABEL_LAYER_ID,
  WARNING_LABEL_PX,
  warningLabelBackground,
  warningLabels,
  WarningLabelLayer,
  type WarningLabel,
} from '@/map/layers/warningAreaLabelLayer';

const square: [number, number][] = [[121.5, 31.1], [121.7, 31.1], [121.7, 31.3], [121.5, 31.3], [121.5, 31.1]];
const small: [number, number][] = [[121.0, 31.0], [121.01, 31.0], [121.01, 31.01], [121.0, 31.0]];
const warning = (id: string, level: WeatherWarning['level'], extra: Partial<WeatherWarning> = {}): WeatherWarning => ({
  id, event: 'rainstorm', level, districts: [], issuedAt: 0, expiresAt: 1, state: 'active', headline: '', headlineEn: '', source: 'cap', eventText: '暴雨橙色预警',
  areas: [{ areaDesc: '浦东新区', polygons: [small, square], circles: [] }],
  ...extra,
});

describe('the warning areas\' labels', () => {
  it('are placed by the largest polygon (its middle, top and extent), else by the first circle', () => {
    const place = labelPlace({ areaDesc: '', polygons: [small, square], circles: [] })!;
    expect(place.center[0]).toBeCloseTo(121.6, 9);
    expect(place.center[1]).toBeCloseTo(31.2, 9);
    expect([place.top, place.bounds]).toEqual([[121.7, 31.3], [121.5, 31.1, 121.7, 31.3]]);
    const circle = labelPlace({ areaDesc: '', polygons: [], circles: [{ center: [121.4, 31.2], radiusKm: 11.132 }] })!;
    expect(circle.center).toEqual([121.4, 31.2]);
    expect(circle.top).toEqual([121.4, expect.closeTo(31.3, 9)]);
    expect(labelPlace({ areaDesc: '', polygons: [], circles: [] })).toBeNull();
  });

  it('name the warning and the area, one per area of a warning in force, the worst last', () => {
    expect(labelText('暴雨橙色预警', ' 浦东新区 ')).toBe('暴雨橙色预警 · 浦东新区');
    expect(labelText('暴雨橙色预警', '')).toBe('暴雨橙色预警');
    expect(labelText('雷电黄色预警', '黄浦区、徐汇区、长宁区、静安区、闵行区')).toBe('雷电黄色预警 · 黄浦区、徐汇区、长宁区 …');
    expect(labelText('Flood warning', 'Pudong, Minhang')).toBe('Flood warning · Pudong, Minhang');
    const two = warning('r', 'red', { areas: [{ areaDesc: '浦东新区', polygons: [square], circles: [] }, { areaDesc: '闵行区', polygons: [], circles: [{ center: [121.4, 31.1], radiusKm: 5 }] }] });
    const labels = warningLabels([two, warning('b', 'blue'), warning('c', 'orange', { state: 'cancelled' }), warning('s', 'yellow', { areas: undefined })], (w) => `${w.level}:${ownTitle(w)}`);
    expect(labels.map((l) => [l.warningId, l.text])).toEqual([
      ['b', 'blue:暴雨橙色预警 · 浦东新区'],
      ['r', 'red:暴雨橙色预警 · 浦东新区'],
      ['r', 'red:暴雨橙色预警 · 闵行区'],
    ]);
  });

  it('sit in the middle of a roomy area, as a tab on a small one, and apart where they would overlap', () => {
    expect(textEms('暴雨橙色预警 · 浦东新区')).toBeCloseTo(10 + 3 * 0.6, 9);
    const at = (id: string, level: WeatherWarning['level'], [lon, lat]: [number, number], halfDeg = 0.02): WarningLabel => {
      const place = { center: [lon, lat] as [number, number], top: [lon, lat + halfDeg] as [number, number], bounds: [lon - halfDeg, lat - halfDeg, lon + halfDeg, lat + halfDeg] as [number, number, number, number] };
      return { warningId: id, level, text: '雷电橙色预警 · 崇明区', place, position: place.center, offset: [0, 0] };
    };
    // Least severe first, as drawn: three small areas at one place, one far away. A badge is 1.6 em
    // high (32 px), 0.2 em apart; a tab stands 0.25 em above its area's top.
    const tab = -(16 + 5);
    const labels = stackLabels([at('b', 'blue', [121.6, 31.6]), at('y', 'yellow', [121.601, 31.6]), at('far', 'yellow', [121.2, 31.0]), at('r', 'red', [121.6, 31.6])], 9.5, 20);
    expect(labels.map((l) => [l.warningId, l.offset[1], l.position])).toEqual([
      ['b', tab - 2 * 36, [121.6, 31.62]],
      ['y', tab - 36, [121.601, 31.62]],
      ['far', tab, [121.2, 31.02]],
      ['r', tab, [121.6, 31.62]],
    ]);
    // A district-sized area holds its label in the middle; a second there moves down.
    const big = stackLabels([at('b', 'blue', [121.6, 31.6], 0.3), at('r', 'red', [121.6, 31.6], 0.3)], 9.5, 20);
    expect(big.map((l) => [l.offset[1], l.position])).toEqual([[36, [121.6, 31.6]], [0, [121.6, 31.6]]]);
  });

  it('are badges in the signal colour, sized for the wall, and no TextLayer is made without a label', () => {
    const labels = warningLabels([warning('o', 'orange')], ownTitle);
    const layer = buildWarningLabelLayer(labels, 1, 3);
    expect(layer).toBeInstanceOf(WarningLabelLayer);
    expect(layer.id).toBe(WARNING_AREA_LABEL_LAYER_ID);
    expect(layer.props.sizePx).toBe(WARNING_LABEL_PX);
    // Never below a readable size on a small screen.
    expect(buildWarningLabelLayer(labels, 0.2).props.sizePx).toBe(14);
    expect(warningLabelBackground(labels[0]!)).toEqual([255, 140, 0, 255]);
    const text = layer.renderLayers() as TextLayer<WarningLabel>;
    expect(text).toBeInstanceOf(TextLayer);
    expect(text.props.characterSet).toBe('auto');
    expect(text.props.background).toBe(true);
    expect(buildWarningLabelLayer([], 1).renderLayers()).toEqual([]);
  });
});

describe('the labels on the live map', () => {
  const catalog = mapCatalog({});
  const frame = (warnings: WeatherWarning[], version: number, locale = 'zh-CN', on = true): LiveFrame => ({
    channels: mapChannels(catalog), changed: everyChannelAt(1), visible: { ...DEFAULT_VISIBLE, warningAreas: on }, zoom: 10, uiScale: 0.5, pulse: 0, tickMs: 1000, smooth: true,
    events: { ...mapEvents({}, version), warnings: new Map(warnings.map((w) => [w.id, w])), changed: { alarms: 1, incidents: 1, closures: 1, warnings: version } },
    texts: { locale, warningTitle: (w) => (locale === 'en' ? `Orange ${w.event} warning` : ownTitle(w)) },
  });
  const labelsOf = (set: ReturnType<typeof createLiveLayerSet>, f: LiveFrame) => set.build(f).find((l) => l.id === WARNING_AREA_LABEL_LAYER_ID) as WarningLabelLayer;

  it('follow the warnings, the language and the warning areas\' switch', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    expect(labelsOf(set, frame([], 1)).props.data).toEqual([]);
    const zh = labelsOf(set, frame([warning('o', 'orange')], 2));
    expect(zh.props.data.map((l) => l.text)).toEqual(['暴雨橙色预警 · 浦东新区']);
    expect(labelsOf(set, frame([warning('o', 'orange')], 2))).toBe(zh);
    expect(labelsOf(set, frame([warning('o', 'orange')], 2, 'en')).props.data.map((l) => l.text)).toEqual(['Orange rainstorm warning · 浦东新区']);
    expect(labelsOf(set, frame([warning('o', 'orange')], 2, 'en', false)).props.visible).toBe(false);
    expect(set.drawn).not.toContain(WARNING_AREA_LABEL_LAYER_ID);
  });
});
