/**
 * Drainage clusters at low zoom: a bubble sized by point count and coloured by the worst active
 * alarm among its members, the count inside, and a red badge with the number of active alarms.
 * A few hundred bubbles at most, rebuilt only when the integer zoom or the alarm set changes, so
 * plain accessors over the bubble list cost nothing here.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { SEVERITIES } from '@/protocol/cityEvents';
import type { ClusterBubble } from '../drainageClusters';
import { CLUSTER_CALM, SEVERITY_COLORS, type Rgb } from '../mapPalette';
import { defineLayer } from './layerSpec';

export const CLUSTER_LAYER_ID = 'drainageClusters';

/** Bubble colour by worst severity rank (SEVERITIES order), then "no alarm". */
const FILL: readonly Rgb[] = [...SEVERITIES.map((s) => SEVERITY_COLORS[s]), CLUSTER_CALM];
const BADGE: [number, number, number, number] = [225, 20, 40, 255];
export const LABEL_FONT = '"Noto Sans", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Bubble radius, design pixels at the 3840-wide layout: grows with the log of the count. */
export function bubbleRadius(count: number): number {
  return 18 + 7 * Math.log2(Math.max(2, count));
}

interface ClusterLayerProps {
  bubbles: readonly ClusterBubble[];
  uiScale: number;
}

export class DrainageClusterLayer extends CompositeLayer<ClusterLayerProps & CompositeLayerProps> {
  static layerName = 'DrainageClusterLayer';
  static defaultProps: DefaultProps<ClusterLayerProps> = {
    bubbles: { type: 'array', value: [], compare: false },
    uiScale: 1,
  };

  renderLayers() {
    const { bubbles, uiScale } = this.props;
    const s = Math.max(0.5, uiScale);
    const alarmed = bubbles.filter((b) => b.alarms > 0);
    const position = (b: ClusterBubble): [number, number] => [b.lon, b.lat];
    return [
      new ScatterplotLayer<ClusterBubble>({
        ...this.getSubLayerProps({ id: 'bubbles' }),
        data: bubbles,
        getPosition: position,
        getRadius: (b) => bubbleRadius(b.count),
        getFillColor: (b) => [...FILL[Math.min(b.worst, FILL.length - 1)], b.alarms > 0 ? 235 : 200],
        getLineColor: [230, 240, 255, 230],
        radiusUnits: 'pixels',
        radiusScale: s,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: Math.max(1.5, 3 * s),
        pickable: true,
      }),
      new TextLayer<ClusterBubble>({
        ...this.getSubLayerProps({ id: 'counts' }),
        data: bubbles,
        getPosition: position,
        getText: (b) => String(b.count),
        getColor: (b) => (b.worst === 2 ? [20, 20, 20, 255] : [255, 255, 255, 255]),
        getSize: (b) => Math.max(11, (12 + 2 * Math.log2(b.count)) * s * 1.6),
        sizeUnits: 'pixels',
        fontFamily: LABEL_FONT,
        fontWeight: 700,
        characterSet: '0123456789',
        pickable: false,
      }),
      new TextLayer<ClusterBubble>({
        ...this.getSubLayerProps({ id: 'badges' }),
        data: alarmed,
        getPosition: position,
        getText: (b) => String(b.alarms),
        getPixelOffset: (b) => [bubbleRadius(b.count) * s * 0.8, -bubbleRadius(b.count) * s * 0.8],
        getColor: [255, 255, 255, 255],
        getSize: Math.max(11, 26 * s),
        sizeUnits: 'pixels',
        fontFamily: LABEL_FONT,
        fontWeight: 700,
        characterSet: '0123456789',
        background: true,
        getBackgroundColor: BADGE,
        backgroundPadding: [6 * s, 2 * s],
        backgroundBorderRadius: 10 * s,
        getBorderColor: [255, 255, 255, 255],
        getBorderWidth: Math.max(1, 2 * s),
        pickable: false,
      }),
    ];
  }
}

export interface ClusterLayerInput {
  bubbles: readonly ClusterBubble[];
  visible: boolean;
  uiScale: number;
}

export function buildClusterLayer({ bubbles, visible, uiScale }: ClusterLayerInput): DrainageClusterLayer {
  return new DrainageClusterLayer({ id: CLUSTER_LAYER_ID, bubbles, visible, uiScale, pickable: true });
}

/** The drainage clusters (state shared with the clustered point kinds): drawn while there are bubbles. */
export const CLUSTER_LAYER = defineLayer({
  id: CLUSTER_LAYER_ID,
  kind: null,
  channels: [],
  prepare: (env) => env.clusters,
  shown: (clusters) => clusters.bubbles.length > 0,
  key: (clusters, f, on) => (on ? `1|${clusters.epoch}.${clusters.alarmEpoch}|${f.uiScale}` : '0'),
  build: (clusters, f, on) => buildClusterLayer({ bubbles: clusters.bubbles, visible: on, uiScale: f.uiScale }),
  pick(clusters, index) {
    const bubble = clusters.bubbles[index];
    return bubble ? { type: 'cluster', bubble } : null;
  },
  count: (clusters) => clusters.bubbles.length,
});
