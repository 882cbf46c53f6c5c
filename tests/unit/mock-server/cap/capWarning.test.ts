import { describe, expect, it } from 'vitest';
import type { CapAlert, CapInfo } from '../../../../mock-server/cap/capAlert';
import { capWarningOf, NO_EXPIRY, signalLevelOf, warningEventOf } from '../../../../mock-server/cap/capWarning';

const info = (o: Partial<CapInfo>): CapInfo => ({
  language: 'zh-CN', categories: ['Met'], event: '暴雨预警', urgency: 'Immediate', severity: 'Moderate', certainty: 'Likely',
  headline: null, description: null, instruction: null, senderName: null, effective: null, onset: null, expires: null, areas: [], ...o,
});
const alertOf = (infos: CapInfo[]): CapAlert => ({ version: '1.2', identifier: 'A1', sender: 's', sent: '2026-07-15T14:00:00+08:00', status: 'Actual', msgType: 'Alert', scope: 'Public', references: [], info: infos });

describe('signalLevelOf', () => {
  it.each([
    ['Minor', 'blue'], ['Moderate', 'yellow'], ['Severe', 'orange'], ['Extreme', 'red'], ['Unknown', 'blue'],
  ] as const)('maps severity %s to %s', (severity, level) => {
    expect(signalLevelOf({ event: 'Heat advisory', severity })).toBe(level);
  });

  it("takes the event's own colour word over the severity", () => {
    expect(signalLevelOf({ event: '暴雨橙色预警', severity: 'Minor' })).toBe('orange');
    expect(signalLevelOf({ event: '大风蓝色预警', severity: 'Extreme' })).toBe('blue');
    expect(signalLevelOf({ event: 'Red Rainstorm Warning', severity: 'Moderate' })).toBe('red');
    expect(signalLevelOf({ event: 'Hurricane Warning', severity: 'Severe' })).toBe('orange');
  });
});

describe('warningEventOf', () => {
  it.each([
    ['暴雨橙色预警', 'rainstorm'], ['雷电黄色预警', 'thunderstorm'], ['Severe Thunderstorm Warning', 'thunderstorm'],
    ['大风蓝色预警', 'gale'], ['高温红色预警', 'heat'], ['Excessive Heat Warning', 'heat'], ['Earthquake', 'other'],
  ] as const)('names %s as %s', (text, event) => {
    expect(warningEventOf(text)).toBe(event);
  });
});

describe('capWarningOf', () => {
  const clocks = { cityNow: 5_000_000, wallNow: 1_000_000 };

  it('moves its times onto the city clock and keeps its areas', () => {
    const areas = [{ areaDesc: '浦东新区', polygons: [[[121.5, 31.1], [121.5, 31.3], [121.7, 31.3], [121.5, 31.1]] as [number, number][]], circles: [{ center: [121.45, 31.2] as [number, number], radiusKm: 10 }] }];
    const w = capWarningOf('s,A1,t', alertOf([info({ event: '暴雨橙色预警', headline: '发布暴雨橙色预警', areas, senderName: '上海中心气象台', effective: '2026-07-15T14:05:00+08:00' })]), 999_000, 1_060_000, clocks);
    expect(w).toEqual({
      id: 'cap:s,A1,t', event: 'rainstorm', level: 'orange', districts: [], issuedAt: 4_999_000, expiresAt: 5_060_000, state: 'active',
      headline: '发布暴雨橙色预警', headlineEn: '发布暴雨橙色预警', source: 'cap', eventText: '暴雨橙色预警', areas,
      // In force 5 minutes after it was sent, counted from its receipt on the city clock.
      sender: '上海中心气象台', effectiveAt: 4_999_000 + 300_000,
    });
  });

  it('has no end without expires, and takes each language its headline and the worst colour', () => {
    const w = capWarningOf('k', alertOf([info({ event: '雷电黄色预警', headline: '雷电' }), info({ language: 'en-US', event: 'Thunderstorm', severity: 'Extreme', headline: 'Thunder' })]), 1_000_000, null, clocks);
    expect(w).toMatchObject({ expiresAt: NO_EXPIRY, level: 'red', event: 'thunderstorm', headline: '雷电', headlineEn: 'Thunder', eventText: '雷电黄色预警' });
    // Without senderName and effective: the alert's sender, in force from its sent time.
    expect(w).toMatchObject({ sender: 's', effectiveAt: w.issuedAt });
  });

  it("keeps the English info's event and area descriptions, matched to the Chinese areas by position", () => {
    const area = (areaDesc: string) => ({ areaDesc, polygons: [], circles: [] });
    const zhInfo = info({ event: '暴雨橙色预警', areas: [area('浦东新区'), area('黄浦区')] });
    const w = capWarningOf('k', alertOf([zhInfo, info({ language: 'en-US', event: 'Orange Rainstorm Warning', areas: [area('Pudong'), area('Huangpu')] })]), 1_000_000, null, clocks);
    expect(w.eventTextEn).toBe('Orange Rainstorm Warning');
    expect(w.areas?.map((a) => [a.areaDesc, a.areaDescEn])).toEqual([['浦东新区', 'Pudong'], ['黄浦区', 'Huangpu']]);
    // Areas that do not pair up one to one keep only their own words; a single-language alert has no English ones.
    const unpaired = capWarningOf('k', alertOf([zhInfo, info({ language: 'en-US', event: 'Rainstorm', areas: [area('Shanghai')] })]), 1_000_000, null, clocks);
    expect(unpaired.areas?.map((a) => a.areaDescEn)).toEqual([undefined, undefined]);
    const single = capWarningOf('k', alertOf([zhInfo]), 1_000_000, null, clocks);
    expect(single.eventTextEn).toBeUndefined();
    expect(single.areas?.[0]).not.toHaveProperty('areaDescEn');
  });

  it('names an event none of ours as other', () => {
    expect(capWarningOf('k', alertOf([info({ event: 'Earthquake', severity: 'Severe' })]), 1_000_000, null, clocks)).toMatchObject({ event: 'other', eventText: 'Earthquake', level: 'orange', headline: 'Earthquake' });
  });
});
