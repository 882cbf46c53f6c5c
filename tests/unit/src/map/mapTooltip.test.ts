import { describe, expect, it } from 'vitest';
import en from '@/i18n/en';
import zhCN from '@/i18n/zh-CN';
import { mapMessages } from '@/map/mapMessages';
import { mapTooltip, type TooltipContext } from '@/map/mapTooltip';
import { NO_ALARM } from '@/map/drainageClusters';
import { SEVERITY_RANK } from '@/protocol/cityEvents';
import type { WeatherWarning } from '@/protocol/weatherWarnings';
import { alarm, incident, mapCatalog, mapChannels } from '../../../support/mapFixtures';

const catalog = mapCatalog();

/** A tiny `t` over the app's and the map's messages, as vue-i18n would resolve them. */
function translator(locale: 'zh-CN' | 'en') {
  const messages = { ...(locale === 'en' ? en : zhCN), ...mapMessages[locale] };
  return (key: string, named: Record<string, unknown> = {}) => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown>)?.[part];
    if (typeof node !== 'string') throw new Error(`missing message ${key}`);
    return node.replace(/\{(\w+)\}/g, (_, k: string) => String(named[k]));
  };
}

function ctx(locale: 'zh-CN' | 'en' = 'zh-CN', over: Partial<TooltipContext> = {}): TooltipContext {
  const channels = mapChannels(catalog);
  channels['underpass.depth'].set([12, NaN, 30]);
  channels['pump.state'].set([2, 1, 0, 3]);
  channels['road.index'][1] = 6.5;
  channels['road.speed'][1] = 18.2;
  return {
    catalog,
    channels,
    alarms: [],
    incidents: new Map(),
    english: locale === 'en',
    t: translator(locale),
    format: (v, d) => v.toFixed(d),
    ...over,
  };
}

describe('map tooltips', () => {
  it('names an underpass with its depth, state and thresholds', () => {
    const text = mapTooltip({ type: 'asset', kind: 'underpass', slot: 0 }, ctx())!;
    expect(text.split('\n')).toEqual(['underpass名0 (黄浦区)', '积水深度: 12 cm · 积水 缓慢通行', '预警 5 cm · 封闭 25 cm']);
  });

  it('says so when a sensor is silent, and adds an active alarm', () => {
    const c = ctx('en', { alarms: [alarm('underpass', 2, 'critical')] });
    expect(mapTooltip({ type: 'asset', kind: 'underpass', slot: 1 }, c)).toContain('Water depth: no data · no data');
    expect(mapTooltip({ type: 'asset', kind: 'underpass', slot: 2 }, c)).toContain('Alarm: Critical');
  });

  it('describes pumps, roads and teams in English', () => {
    const c = ctx('en');
    expect(mapTooltip({ type: 'asset', kind: 'pumpStation', slot: 0 }, c)).toContain('State: fault');
    expect(mapTooltip({ type: 'asset', kind: 'pumpStation', slot: 0 }, c)).toContain('start 1.20 m · stop 0.50 m');
    const road = mapTooltip({ type: 'asset', kind: 'roadSegment', slot: 1 }, c)!;
    expect(road).toContain('Congestion index: 6.5 · heavy');
    expect(road).toContain('Speed: 18.2 km/h');
    expect(road).toContain('Road class: arterial');
    expect(mapTooltip({ type: 'asset', kind: 'team', slot: 1 }, c)).toContain('Type: pump truck');
  });

  it('describes incidents and clusters', () => {
    const c = ctx('zh-CN', { incidents: new Map([['i', incident('i', 1, 'new')]]) });
    expect(mapTooltip({ type: 'incident', id: 'i' }, c)!.split('\n')).toEqual(['P1 · 交通事故', '黄浦区', '处置状态: 待派单', '责任单位: 交警']);
    expect(mapTooltip({ type: 'incident', id: 'gone' }, c)).toBeNull();
    const bubble = { id: 1, lon: 121, lat: 31, count: 12, worst: SEVERITY_RANK.major, alarms: 3 };
    expect(mapTooltip({ type: 'cluster', bubble }, c)).toContain('3 条告警 · 最高 重要');
    expect(mapTooltip({ type: 'cluster', bubble: { ...bubble, worst: NO_ALARM, alarms: 0 } }, c)).toContain('无告警');
  });

  it('falls back to the id of an unnamed asset', () => {
    const unnamed = mapCatalog();
    unnamed.groups.roadSegment.names[2] = '';
    expect(mapTooltip({ type: 'asset', kind: 'roadSegment', slot: 2 }, ctx('zh-CN', { catalog: unnamed }))!.split('\n')[0]).toBe('roadSegment-2 (黄浦区)');
  });

  describe('a weather warning area', () => {
    const issuedAt = Date.parse('2026-07-15T14:05:00+08:00');
    const warning: WeatherWarning = {
      id: 'cap:w', event: 'rainstorm', level: 'orange', districts: [], issuedAt, effectiveAt: issuedAt - 5 * 60_000, expiresAt: Date.parse('2026-07-15T20:00:00+08:00'),
      state: 'active', headline: '上海中心气象台发布暴雨橙色预警', headlineEn: 'Orange rainstorm warning for Pudong', source: 'cap', eventText: '暴雨橙色预警',
      areas: [{ areaDesc: '浦东新区', polygons: [], circles: [] }], sender: '上海中心气象台',
    };
    const texts = { locale: 'zh-CN', warningTitle: (w: WeatherWarning) => w.eventText ?? '' };
    const over = { warnings: new Map([[warning.id, warning]]), now: issuedAt + 12 * 60_000 + 30_000, texts };

    it('gives the headline, the sender, when it is in force and how long ago it was issued', () => {
      expect(mapTooltip({ type: 'warning', id: 'cap:w' }, ctx('zh-CN', over))!.split('\n')).toEqual([
        '暴雨橙色预警 · 浦东新区',
        '上海中心气象台发布暴雨橙色预警',
        '发布单位: 上海中心气象台',
        '生效 07-15 14:00 · 解除 07-15 20:00',
        '发布于 12 分钟前',
      ]);
      const english = { ...over, texts: { locale: 'en', warningTitle: () => 'Orange rainstorm warning' } };
      expect(mapTooltip({ type: 'warning', id: 'cap:w' }, ctx('en', english))!.split('\n')).toEqual([
        'Orange rainstorm warning · 浦东新区',
        'Orange rainstorm warning for Pudong',
        'Issued by: 上海中心气象台',
        'effective 07-15 14:00 · expires 07-15 20:00',
        'issued 12 min ago',
      ]);
    });

    it('says "until lifted" for a warning without expiry, and nothing for one no longer held', () => {
      const open = { ...warning, expiresAt: Number.MAX_SAFE_INTEGER };
      const text = mapTooltip({ type: 'warning', id: 'cap:w' }, ctx('zh-CN', { ...over, warnings: new Map([[open.id, open]]) }))!;
      expect(text).toContain('生效 07-15 14:00 · 直至解除');
      expect(mapTooltip({ type: 'warning', id: 'cap:gone' }, ctx('zh-CN', over))).toBeNull();
    });
  });

  it('keeps names as plain text', () => {
    const evil = mapCatalog();
    evil.groups.rainGauge.names[0] = '<img src=x onerror=alert(1)>';
    const text = mapTooltip({ type: 'asset', kind: 'rainGauge', slot: 0 }, ctx('zh-CN', { catalog: evil }))!;
    expect(text.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
  });

  it('has the same message keys in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(mapMessages.en).sort()).toEqual(keys(mapMessages['zh-CN']).sort());
  });
});
