/**
 * What only the daily report draws: warning and alarm bands (mark areas and lines) and the SVG
 * renderer for crisp printed charts. Imported by the report's chart component, so the wall screen's
 * initial bundle does not carry them.
 */
import { MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([SVGRenderer, MarkAreaComponent, MarkLineComponent]);
