/**
 * Area kinds (residential compounds, src/protocol/kindSpecs.ts): each slot's outline filled
 * see-through and stroked in the kind's colour, from its declaration. Both sublayers read the
 * catalogue's `paths` (each slot's open ring: flat Float32 lon, lat and Uint32 starts) as deck.gl
 * binary data — the fill a SolidPolygonLayer with normalisation off, the outline a PathLayer of
 * loops — so 14,000 compounds are two uploads and no object each. They have no live channel: nothing repaints; the layer is
 * rebuilt only when the switch, the zoom gate or the wall's scale changes.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps } from '@deck.gl/core';
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { StaticKind } from '@/protocol/assets';
import type { AssetGroupView } from '@/protocol/catalogView';
import { KIND_SPECS, type AreaLook } from '@/protocol/kindSpecs';
import { defineLayer, layoutPx, slotTarget, type LiveLayerId } from './layerSpec';
import { switchedOn } from './liveSlot';

/** Each slot's open ring: vertices starts[i] to starts[i + 1] of coords. */
type AreaRings = NonNullable<AssetGroupView['paths']>;

interface AreaProps {
  rings: AreaRings;
  look: AreaLook;
  /** Layout scale of the wall (1 at 3840 px wide). */
  uiScale: number;
}

const NO_RINGS: AreaRings = { coords: new Float32Array(0), starts: new Uint32Array(1) };

export class AreaLayer extends CompositeLayer<AreaProps & CompositeLayerProps> {
  static layerName = 'AreaLayer';
  static defaultProps: DefaultProps<AreaProps> = {
    rings: { type: 'object', value: NO_RINGS, compare: false },
    look: { type: 'object', value: { color: [0, 0, 0], fillAlpha: 0, lineWidthPx: 0 }, compare: false },
    uiScale: 1,
  };

  renderLayers() {
    const { rings, look, uiScale } = this.props;
    // One object for both sublayers: deck.gl reads `startIndices` (count + 1 of them) and the positions as is.
    const data = { length: rings.starts.length - 1, startIndices: rings.starts };
    const position = { value: rings.coords, size: 2 };
    return [
      new SolidPolygonLayer({
        ...this.getSubLayerProps({ id: 'fill' }),
        data: { ...data, attributes: { getPolygon: position } },
        positionFormat: 'XY',
        // The rings are open and simple (the registry checks them: assets/areaRing.ts), as deck.gl needs them unnormalised.
        _normalize: false,
        getFillColor: [...look.color, look.fillAlpha],
      }),
      new PathLayer({
        ...this.getSubLayerProps({ id: 'outline' }),
        data: { ...data, attributes: { getPath: position } },
        positionFormat: 'XY',
        _pathType: 'loop',
        getColor: [...look.color, 255],
        widthUnits: 'pixels',
        getWidth: layoutPx(look.lineWidthPx, uiScale, 1),
      }),
    ];
  }
}

/** The layer spec of an area kind, from its declaration: drawn from its zoom in, a pick names the slot. */
export function staticAreas(kind: StaticKind): ReturnType<typeof defineLayer> {
  const spec = KIND_SPECS[kind];
  if (spec.geometry !== 'area') throw new Error(`${kind} is not an area kind`);
  const { look, minZoom } = spec;
  const id = spec.layer as LiveLayerId;
  return defineLayer({
    id,
    kind,
    channels: [],
    prepare: (env) => ({ rings: env.catalog.groups[kind].paths ?? NO_RINGS, count: env.catalog.groups[kind].count }),
    shown: (_s, f) => switchedOn(f, id) && f.zoom >= minZoom,
    key: (_s, f, on) => (on ? `1|${f.uiScale}` : '0'),
    build: ({ rings }, f, on) => new AreaLayer({ id, rings, look, uiScale: f.uiScale, visible: on, pickable: true }),
    pick: ({ count }, index) => slotTarget(kind, count, index),
    count: ({ count }) => count,
  });
}

export const RESIDENTIAL_COMPOUND_LAYER = staticAreas('residentialCompound');
