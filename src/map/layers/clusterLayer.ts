/**
 * Drainage clusters at low zoom: a bubble sized by point count and coloured by the worst active
 * alarm among its members, the count inside, and a red badge with the number of active alarms.
 * A few hundred bubbles at most, rebuilt only when the integer zoom or the alarm set changes, so
 * plain accessors over the bubble list cost nothing here. The numbers are digit icons of the map's
 * atlas in one IconLayer, not a TextLayer: text is two more layer types to compile at start-up (a
 * second or so under software GL) and three more layers to update whenever the alarms change.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import { SEVERITIES } from '@/protocol/cityEvents';
import type { ClusterBubble } from '../drainageClusters';
import { DIGIT_ADVANCE_EM, DIGIT_EM_PX, DIGIT_ICONS, ICON_CELL, type IconAtlas, type IconName } from '../icons/iconAtlas';
import { CLUSTER_CALM, SEVERITY_COLORS, type Rgb } from '../mapPalette';
import { defineLayer } from './layerSpec';

export const CLUSTER_LAYER_ID = 'drainageClusters';

/** Bubble colour by worst severity rank (SEVERITIES order), then "no alarm". */
const FILL: readonly Rgb[] = [...SEVERITIES.map((s) => SEVERITY_COLORS[s]), CLUSTER_CALM];

/** Bubble radius, design pixels at the 3840-wide layout: grows with the log of the count. */
export function bubbleRadius(count: number): number {
  return 18 + 7 * Math.log2(Math.max(2, count));
}

/** The numbers over the bubbles as icon instances: one per digit, and a badge disc under each alarm count. */
export interface ClusterLabels {
  icons: IconName[];
  /** lon, lat per instance. */
  positions: Float32Array;
  /** RGBA per instance. */
  colors: Uint8Array;
  /** Icon size, pixels. */
  sizes: Float32Array;
  /** Pixel offset from the bubble's centre, x and y per instance. */
  offsets: Float32Array;
}

interface Glyph {
  bubble: ClusterBubble;
  icon: IconName;
  color: readonly [number, number, number];
  size: number;
  dx: number;
  dy: number;
}

/** A number's digits centred on (dx, dy), text `em` px high. */
function digits(bubble: ClusterBubble, value: number, em: number, dx: number, dy: number, color: Glyph['color']): Glyph[] {
  const text = String(value);
  const advance = DIGIT_ADVANCE_EM * em;
  return [...text].map((d, k) => ({ bubble, icon: DIGIT_ICONS[Number(d)], color, size: (em * ICON_CELL) / DIGIT_EM_PX, dx: dx + (k - (text.length - 1) / 2) * advance, dy }));
}

/**
 * Counts first, then the badges of alarmed bubbles (disc, then its digits), so a badge draws over
 * any count. `s`: the layout scale.
 */
export function clusterLabels(bubbles: readonly ClusterBubble[], s: number): ClusterLabels {
  const glyphs: Glyph[] = [];
  for (const b of bubbles) {
    const em = Math.max(11, (12 + 2 * Math.log2(b.count)) * s * 1.6);
    glyphs.push(...digits(b, b.count, em, 0, 0, b.worst === 2 ? [20, 20, 20] : [255, 255, 255]));
  }
  for (const b of bubbles) {
    if (b.alarms <= 0) continue;
    const r = bubbleRadius(b.count) * s * 0.8;
    const em = Math.max(11, 26 * s);
    const width = String(b.alarms).length * DIGIT_ADVANCE_EM * em;
    glyphs.push({ bubble: b, icon: 'badge', color: [255, 255, 255], size: Math.max(em, width) + 6 * s, dx: r, dy: -r });
    glyphs.push(...digits(b, b.alarms, em, r, -r, [255, 255, 255]));
  }
  const n = glyphs.length;
  const out: ClusterLabels = { icons: [], positions: new Float32Array(n * 2), colors: new Uint8Array(n * 4), sizes: new Float32Array(n), offsets: new Float32Array(n * 2) };
  glyphs.forEach((g, i) => {
    out.icons.push(g.icon);
    out.positions.set([g.bubble.lon, g.bubble.lat], i * 2);
    out.colors.set([...g.color, 255], i * 4);
    out.sizes[i] = g.size;
    out.offsets.set([g.dx, g.dy], i * 2);
  });
  return out;
}

interface ClusterLayerProps {
  bubbles: readonly ClusterBubble[];
  atlas: IconAtlas | null;
  uiScale: number;
}

export class DrainageClusterLayer extends CompositeLayer<ClusterLayerProps & CompositeLayerProps> {
  static layerName = 'DrainageClusterLayer';
  static defaultProps: DefaultProps<ClusterLayerProps> = {
    bubbles: { type: 'array', value: [], compare: false },
    atlas: { type: 'object', value: null, compare: false },
    uiScale: 1,
  };

  renderLayers() {
    const { bubbles, uiScale, atlas } = this.props;
    const s = Math.max(0.5, uiScale);
    const position = (b: ClusterBubble): [number, number] => [b.lon, b.lat];
    const labels = clusterLabels(bubbles, s);
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
      atlas &&
        new IconLayer({
          ...this.getSubLayerProps({ id: 'labels' }),
          data: {
            length: labels.icons.length,
            attributes: {
              getPosition: { value: labels.positions, size: 2 },
              getColor: { value: labels.colors, size: 4, normalized: true },
              getSize: { value: labels.sizes, size: 1 },
              getPixelOffset: { value: labels.offsets, size: 2 },
            },
          },
          // A canvas is uploaded as it is (deck.gl's image prop takes any texture source).
          iconAtlas: atlas.image as unknown as string,
          iconMapping: atlas.mapping,
          getIcon: ((_: unknown, { index }: { index: number }) => labels.icons[index]) as never,
          sizeUnits: 'pixels',
          pickable: false,
        }),
    ];
  }
}

export interface ClusterLayerInput {
  bubbles: readonly ClusterBubble[];
  atlas: IconAtlas;
  visible: boolean;
  uiScale: number;
}

export function buildClusterLayer({ bubbles, atlas, visible, uiScale }: ClusterLayerInput): DrainageClusterLayer {
  return new DrainageClusterLayer({ id: CLUSTER_LAYER_ID, bubbles, atlas, visible, uiScale, pickable: true });
}

/** The drainage clusters (state shared with the clustered point kinds): drawn while there are bubbles. */
export const CLUSTER_LAYER = defineLayer({
  id: CLUSTER_LAYER_ID,
  kind: null,
  channels: [],
  prepare: (env) => ({ clusters: env.clusters, atlas: env.atlas }),
  shown: ({ clusters }) => clusters.bubbles.length > 0,
  key: ({ clusters }, f, on) => (on ? `1|${clusters.epoch}.${clusters.alarmEpoch}|${f.uiScale}` : '0'),
  build: ({ clusters, atlas }, f, on) => buildClusterLayer({ bubbles: clusters.bubbles, atlas, visible: on, uiScale: f.uiScale }),
  pick({ clusters }, index) {
    const bubble = clusters.bubbles[index];
    return bubble ? { type: 'cluster', bubble } : null;
  },
  count: ({ clusters }) => clusters.bubbles.length,
});
