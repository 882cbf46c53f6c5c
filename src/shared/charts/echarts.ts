/** ECharts, trimmed to the chart types the app uses (the full build is ~3× larger). */
import { BarChart, GaugeChart, LineChart, PieChart, type BarSeriesOption, type GaugeSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Line: trends and sparklines; gauge, pie (as rings) and bar: the vital-sign panels' headline charts.
// The report's extras (bands, SVG for print) register in reportCharts.ts, loaded with the report page only.
use([CanvasRenderer, LineChart, GaugeChart, PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent]);

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
