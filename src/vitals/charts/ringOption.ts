/** A ring (a pie with a hole): parts of a whole, e.g. open incidents by status, pumps by state. */
import type { LiveChartOption } from '@/shared/charts/echarts';
import { AXIS_TEXT, SCREEN_THEME, TEXT } from '@/shared/palette';

export interface RingSlice {
  name: string;
  value: number;
  color: string;
}

export interface RingInput {
  slices: readonly RingSlice[];
  /** The total as text, written in the hole. */
  centreText: string;
  /** A short word under the total. */
  centreCaption: string;
}

export function ringOption({ slices, centreText, centreCaption }: RingInput): LiveChartOption {
  const total = slices.reduce((s, x) => s + x.value, 0);
  return {
    animation: false,
    series: [
      {
        type: 'pie',
        radius: ['58%', '88%'],
        center: ['50%', '50%'],
        silent: true,
        avoidLabelOverlap: false,
        label: {
          show: true,
          position: 'center',
          formatter: () => `{v|${centreText}}\n{c|${centreCaption}}`,
          rich: { v: { fontSize: 48, fontWeight: 700, color: TEXT, lineHeight: 56 }, c: { fontSize: 22, color: AXIS_TEXT, lineHeight: 30 } },
        },
        labelLine: { show: false },
        itemStyle: { borderColor: SCREEN_THEME.ink, borderWidth: 3 },
        // An empty whole still draws a faint ring rather than nothing.
        data: total > 0 ? slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })) : [{ name: '', value: 1, itemStyle: { color: 'rgba(127,155,184,0.2)' } }],
      },
    ],
  };
}
