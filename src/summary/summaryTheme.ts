/**
 * Chart colours for the report: the control room's dark theme on screen, and a light one for print
 * (white paper, dark text, status colours dark enough to read on white).
 */
import type { IndicatorStatus } from '@/protocol/vitals';

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

export const DARK_THEME: SummaryTheme = {
  name: 'dark',
  text: '#d8ecff',
  axisText: '#7f9bb8',
  axisLine: '#1d4f80',
  splitLine: 'rgba(29, 79, 128, 0.45)',
  status: { normal: '#2fd67b', warning: '#ffb020', alarm: '#ff4545' },
  warningArea: 'rgba(255, 176, 32, 0.10)',
  alarmArea: 'rgba(255, 69, 69, 0.13)',
  series: ['#3fd0ff', '#b39dff', '#2fd67b', '#ff8ad8', '#e8f1ff', '#6fe3c8'],
  bar: '#3fd0ff',
  tooltipBg: 'rgba(4, 14, 30, 0.94)',
};

export const LIGHT_THEME: SummaryTheme = {
  name: 'light',
  text: '#1a2533',
  axisText: '#4b5b6e',
  axisLine: '#9aa8b8',
  splitLine: '#e2e8ef',
  status: { normal: '#1b8a4c', warning: '#b86e00', alarm: '#c62828' },
  warningArea: 'rgba(230, 150, 0, 0.13)',
  alarmArea: 'rgba(220, 40, 40, 0.12)',
  series: ['#0b6fb8', '#6a4fd1', '#1b8a4c', '#b0399f', '#37474f', '#0f8c80'],
  bar: '#0b6fb8',
  tooltipBg: '#ffffff',
};

export const themeFor = (print: boolean): SummaryTheme => (print ? LIGHT_THEME : DARK_THEME);
