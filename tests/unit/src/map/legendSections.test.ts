import { describe, expect, it } from 'vitest';
import en from '@/i18n/en';
import zhCN from '@/i18n/zh-CN';
import { WARNING_AREA_COLORS, WARNING_FILL_ALPHA } from '@/map/layers/warningAreaLayer';
import { legendSections } from '@/map/legendSections';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import { mapMessages } from '@/map/mapMessages';

describe('the legend\'s warning section', () => {
  it('shows the four signals first, while a warning with areas is in force and their switch is on', () => {
    const [first] = legendSections(DEFAULT_VISIBLE, { warningAreas: true });
    expect(first).toEqual({
      id: 'warnings',
      title: 'legend.warnings',
      items: (['blue', 'yellow', 'orange', 'red'] as const).map((l) => ({ label: `legend.warning_level.${l}`, color: WARNING_AREA_COLORS[l], shape: 'area', fillAlpha: WARNING_FILL_ALPHA })),
    });
    expect(legendSections(DEFAULT_VISIBLE).map((s) => s.id)).not.toContain('warnings');
    expect(legendSections(DEFAULT_VISIBLE, { warningAreas: false }).map((s) => s.id)).not.toContain('warnings');
    expect(legendSections({ ...DEFAULT_VISIBLE, warningAreas: false }, { warningAreas: true }).map((s) => s.id)).not.toContain('warnings');
  });

  it('names the signals and the switch in both languages', () => {
    expect(mapMessages['zh-CN'].legend.warning_level).toEqual({ blue: '蓝色预警', yellow: '黄色预警', orange: '橙色预警', red: '红色预警' });
    expect(Object.keys(mapMessages.en.legend.warning_level)).toEqual(['blue', 'yellow', 'orange', 'red']);
    expect([zhCN.layers.warningAreas, en.layers.warningAreas]).toEqual(['预警区域', 'Warning areas']);
  });
});
