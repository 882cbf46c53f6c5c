/**
 * Closed road segments: a wide red band with a white core over the road, so a closure never reads
 * as congestion red; and a "no entry" sign at each closure notice, so that a closure is seen at city
 * zoom too, where a 400 m segment is a pixel long.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { IconLayer, LineLayer } from '@deck.gl/layers';
import { closedSegments, createClosureCache, type ClosedSegments } from '../closureCache';
import type { IconAtlas } from '../icons/iconAtlas';
import { CLOSURE_COLOR, CLOSURE_CORE } from '../mapPalette';
import { defineLayer } from './layerSpec';

export const CLOSURE_LAYER_ID = 'closures';

/** Sublayer ids, so a pick can tell a segment from a notice. */
export const CLOSURE_NOTICE_SUBLAYER = `${CLOSURE_LAYER_ID}-notices`;

interface ClosureProps {
  segments: ClosedSegments;
  atlas: IconAtlas | null;
  /** Layout scale of the wall (1 at 3840 px wide). */
  uiScale: number;
}

/** Design pixels at the 3840-wide layout. */
const OUTER_PX = 14;
const CORE_PX = 4;

export class ClosureLayer extends CompositeLayer<ClosureProps & CompositeLayerProps> {
  static layerName = 'ClosureLayer';
  static defaultProps: DefaultProps<ClosureProps> = {
    segments: { type: 'object', value: closedSegments([], new Float32Array(0)), compare: false },
    atlas: { type: 'object', value: null, compare: false },
    uiScale: 1,
  };

  renderLayers() {
    const { segments, uiScale, atlas } = this.props;
    const n = segments.slots.length;
    // The band and its core in one layer: every segment twice, bands first so the cores draw on top.
    const colors = new Uint8Array(n * 8);
    const widths = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      colors.set([...CLOSURE_COLOR, 255], i * 4);
      colors.set([...CLOSURE_CORE, 255], (n + i) * 4);
      widths[i] = Math.max(5, OUTER_PX * uiScale);
      widths[n + i] = Math.max(1.5, CORE_PX * uiScale);
    }
    const lines = new Float32Array(n * 8);
    lines.set(segments.lines);
    lines.set(segments.lines, n * 4);
    return [
      new LineLayer({
        ...this.getSubLayerProps({ id: 'lines' }),
        data: {
          length: n * 2,
          attributes: {
            getSourcePosition: { value: lines, size: 2, stride: 16, offset: 0 },
            getTargetPosition: { value: lines, size: 2, stride: 16, offset: 8 },
            getColor: { value: colors, size: 4, normalized: true },
            getWidth: { value: widths, size: 1 },
          },
        },
        widthUnits: 'pixels',
        pickable: true,
      }),
      atlas &&
        new IconLayer({
          ...this.getSubLayerProps({ id: 'notices' }),
          data: { length: segments.underpasses.length, attributes: { getPosition: { value: segments.notices, size: 2 } } },
          // A canvas is uploaded as it is (deck.gl's image prop takes any texture source).
          iconAtlas: atlas.image as unknown as string,
          iconMapping: atlas.mapping,
          getIcon: 'noEntry' as never,
          sizeUnits: 'pixels',
          getSize: Math.max(16, NOTICE_PX * uiScale),
          // Raised off the point: the underpass's own incident marker sits exactly there.
          getPixelOffset: [0, -Math.max(12, NOTICE_LIFT_PX * uiScale)],
          pickable: true,
        }),
    ];
  }
}

/** The "no entry" sign and how far it stands above its point, design pixels at the 3840-wide layout. */
const NOTICE_PX = 38;
const NOTICE_LIFT_PX = 30;

export interface ClosureLayerInput {
  segments: ClosedSegments;
  atlas: IconAtlas;
  visible: boolean;
  uiScale: number;
}

export function buildClosureLayer({ segments, atlas, visible, uiScale }: ClosureLayerInput): ClosureLayer {
  return new ClosureLayer({ id: CLOSURE_LAYER_ID, segments, atlas, visible, uiScale, pickable: true });
}

/** Closed segments (notices and the road.closed channel) over the roads; a pick names the segment, or the underpass behind a notice. */
export const CLOSURE_LAYER = defineLayer({
  id: CLOSURE_LAYER_ID,
  kind: 'roadSegment',
  channels: ['road.closed'],
  prepare: (env) => {
    const roads = env.catalog.groups.roadSegment;
    return { closed: createClosureCache(roads.lines ?? new Float32Array(roads.count * 4)), atlas: env.atlas };
  },
  paintKey: (f) => String(f.events.changed.closures),
  paint: ({ closed }, f) => closed.update(f.events.closures, f.channels['road.closed'], `${f.changed['road.closed']}|${f.events.changed.closures}`),
  key: ({ closed }, f, on) => (on ? `1|${closed.key}|${f.uiScale}` : '0'),
  build: ({ closed, atlas }, f, on) => buildClosureLayer({ segments: closed.segments, atlas, visible: on, uiScale: f.uiScale }),
  pick({ closed }, index, sublayerId) {
    const notice = sublayerId === CLOSURE_NOTICE_SUBLAYER;
    const { underpasses, slots } = closed.segments;
    // A segment is drawn twice (band, then core).
    const slot = notice ? underpasses[index] : slots[index % Math.max(1, slots.length)];
    return slot === undefined ? null : { type: 'asset', kind: notice ? 'underpass' : 'roadSegment', slot };
  },
  count: ({ closed }) => closed.segments.slots.length + closed.segments.underpasses.length,
});
