import { describe, expect, it } from 'vitest';
import { applyTheme, cssVariableOf, hexToRgb, PRINT_THEME, rgbCss, SCREEN_THEME, SIGNAL_COLORS, STATUS_COLORS, withAlpha } from '@/shared/palette';

describe('palette', () => {
  it('turns hex into the RGB deck.gl draws with, and back into CSS', () => {
    expect(hexToRgb('#ff2828')).toEqual([255, 40, 40]);
    expect(hexToRgb(SIGNAL_COLORS.blue)).toEqual([60, 140, 255]);
    expect(rgbCss([255, 40, 40])).toBe('rgb(255, 40, 40)');
    expect(withAlpha('#ffb020', 0.1)).toBe('rgba(255, 176, 32, 0.1)');
    expect(() => hexToRgb('rgba(1, 2, 3, 0.5)')).toThrow(/#rrggbb/);
  });

  it('names each theme colour as the stylesheet reads it, and sets them all', () => {
    expect(cssVariableOf('panelBorder')).toBe('--panel-border');
    expect(cssVariableOf('bg')).toBe('--bg');
    const set = new Map<string, string>();
    applyTheme({ setProperty: (name: string, value: string | null) => void set.set(name, String(value)) }, SCREEN_THEME);
    expect(set.get('--text')).toBe(SCREEN_THEME.text);
    expect(set.get('--text-dim')).toBe('#7f9bb8');
    expect(set.size).toBe(Object.keys(SCREEN_THEME).length);
  });

  it('gives print every colour the screen has, and the status colours from the theme', () => {
    expect(Object.keys(PRINT_THEME).sort()).toEqual(Object.keys(SCREEN_THEME).sort());
    expect(STATUS_COLORS).toEqual({ normal: SCREEN_THEME.ok, warning: SCREEN_THEME.warn, alarm: SCREEN_THEME.alarm, none: SCREEN_THEME.textDim });
  });
});
