/** ECharts, trimmed to the chart types the app uses (the full build is ~3× larger). */
import { BarChart, GaugeChart, LineChart, PieChart, type BarSeriesOption, type GaugeSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Line: trends and sparklines; gauge, pie (as rings) and bar: the vital-sign panels' headline charts.
// Mark areas and lines: the daily summary's warning and alarm bands. SVG: printed charts (crisper in a PDF).
use([CanvasRenderer, SVGRenderer, LineChart, GaugeChart, PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, MarkLineComponent]);

export type ChartRenderer = 'canvas' | 'svg';

export type LiveChartOption = ComposeOption<
  | LineSeriesOption
  | GaugeSeriesOption
  | PieSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
>;
