import { describe, expect, it } from 'vitest';
import { kindMessageTree, mergeMessages } from '@/i18n/kindMessages';

describe('kind messages', () => {
  it('merge into the existing trees key by key, keeping what was there', () => {
    const base = { detail: { close: '关闭', kinds: { rainGauge: '雨量站' } }, legend: { title: '图例' } };
    const merged = mergeMessages(base, kindMessageTree('zh-CN')) as typeof base & { detail: { kinds: Record<string, string> }; layers: Record<string, string> };
    expect(merged.detail.close).toBe('关闭');
    expect(merged.detail.kinds.rainGauge).toBe('雨量站');
    expect(merged.detail.kinds.healthSite).toBe('卫生服务点');
    expect(merged.layers.videoPoints).toBe('视频监控点');
    expect(merged.legend.title).toBe('图例');
    expect(base.detail.kinds).not.toHaveProperty('healthSite');
  });
});
