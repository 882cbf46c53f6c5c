/**
 * Chart colours for the report: the control room's dark theme on screen, and a light one for print
 * (white paper, dark text, status colours dark enough to read on white).
 */
import type { IndicatorStatus } from '@/protocol/vitals';
import { PRINT_THEME, SCREEN_THEME, withAlpha, type ThemeColors } from '@/shared/palette';

export interface SummaryTheme {
  name: 'dark' | 'light';
  text: string;
  axisText: string;
  axisLine: string;
  splitLine: string;
  status: Record<IndicatorStatus, string>;
  /** Fill of the warning and alarm bands behind the lines. */
  warningArea: string;
  alarmArea: string;
  /** Line colours for an indicator series, in order (none of them amber or red: those mean bands). */
  series: readonly string[];
  bar: string;
  tooltipBg: string;
}

const statusOf = (c: ThemeColors): Record<IndicatorStatus, string> => ({ normal: c.ok, warning: c.warn, alarm: c.alarm });

export const DARK_THEME: SummaryTheme = {
  name: 'dark',
  text: SCREEN_THEME.text,
  axisText: SCREEN_THEME.textDim,
  axisLine: SCREEN_THEME.panelBorder,
  splitLine: withAlpha(SCREEN_THEME.panelBorder, 0.45),
  status: statusOf(SCREEN_THEME),
  warningArea: withAlpha(SCREEN_THEME.warn, 0.1),
  alarmArea: withAlpha(SCREEN_THEME.alarm, 0.13),
  series: [SCREEN_THEME.accent, '#b39dff', SCREEN_THEME.ok, '#ff8ad8', '#e8f1ff', '#6fe3c8'],
  bar: SCREEN_THEME.accent,
  tooltipBg: 'rgba(4, 14, 30, 0.94)',
};

export const LIGHT_THEME: SummaryTheme = {
  name: 'light',
  text: PRINT_THEME.text,
  axisText: PRINT_THEME.textDim,
  // Chart axes a shade darker than the panels' borders, to read on paper.
  axisLine: '#9aa8b8',
  splitLine: '#e2e8ef',
  status: statusOf(PRINT_THEME),
  // Band fills a little brighter than the print status colours, so they stay light behind the lines.
  warningArea: 'rgba(230, 150, 0, 0.13)',
  alarmArea: 'rgba(220, 40, 40, 0.12)',
  series: [PRINT_THEME.accent, '#6a4fd1', PRINT_THEME.ok, '#b0399f', '#37474f', '#0f8c80'],
  bar: PRINT_THEME.accent,
  tooltipBg: PRINT_THEME.panelBg,
};

export const themeFor = (print: boolean): SummaryTheme => (print ? LIGHT_THEME : DARK_THEME);
