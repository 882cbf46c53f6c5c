/**
 * Baseline (b): the same scene through deck.gl's fastest documented path — layers fed binary
 * attributes (`data: {length, attributes}`), positions uploaded once, and per update the changed
 * groups' colour buffers rewritten in place and handed over as a new attribute object (deck.gl
 * re-uploads an external attribute when its object changes, and skips it when it is the same).
 * Drawn over the blank maplibre map by a non-interleaved overlay, as the wall draws its live layers.
 */
import { LayerManager, type Layer } from '@deck.gl/core';
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { AssetGroupView, CatalogView } from '../../src/protocol/catalogView';
import type { ChannelId } from '../../src/protocol/channels';
import { markDrawn, timeDeckLayerUpdates, timed } from '../../src/shared/benchTiming';
import { createBlankMap, markReady } from './blankMap';
import { connectLiveFeed, type Channels } from './liveFeed';
import { BUCKET_RGBA, bucketOf, bucketScaleOf, colourChannelOf, type BucketScale } from './sceneColours';

interface BinaryAttribute {
  value: Float32Array | Uint8Array;
  size: number;
  stride?: number;
  offset?: number;
  normalized?: boolean;
}

interface GroupLayer {
  id: string;
  group: AssetGroupView;
  channel: ChannelId;
  scale: BucketScale;
  colours: Uint8Array;
  /** A new object per update tells deck.gl the colours changed; the array itself is reused. */
  colourAttribute: BinaryAttribute;
  positions: Record<string, BinaryAttribute>;
}

const BUCKET_WORDS = new Uint32Array(new Uint8Array(BUCKET_RGBA.flat()).buffer);

function writeColours(layer: GroupLayer, channels: Channels): void {
  const values = channels[layer.channel];
  const words = new Uint32Array(layer.colours.buffer, layer.colours.byteOffset, layer.group.count);
  for (let i = 0; i < words.length; i++) words[i] = BUCKET_WORDS[bucketOf(layer.scale, values[i])];
  layer.colourAttribute = { value: layer.colours, size: 4, normalized: true };
}

function positionAttributes(group: AssetGroupView): Record<string, BinaryAttribute> {
  if (!group.lines) return { getPosition: { value: group.positions, size: 2 } };
  // lon0, lat0, lon1, lat1 per slot: one buffer, two strided views.
  return {
    getSourcePosition: { value: group.lines, size: 2, stride: 16, offset: 0 },
    getTargetPosition: { value: group.lines, size: 2, stride: 16, offset: 8 },
  };
}

function toDeckLayer(layer: GroupLayer): Layer {
  const { group } = layer;
  if (group.lines) {
    return new LineLayer({
      id: layer.id,
      data: { length: group.count, attributes: { ...layer.positions, getColor: layer.colourAttribute } },
      widthUnits: 'pixels',
      getWidth: 1.5,
    });
  }
  return new ScatterplotLayer({
    id: layer.id,
    data: { length: group.count, attributes: { ...layer.positions, getFillColor: layer.colourAttribute } },
    radiusUnits: 'pixels',
    getRadius: 2.5,
  });
}

function buildScene(catalog: CatalogView, channels: Channels): GroupLayer[] {
  const layers: GroupLayer[] = [];
  // Lines first, so points draw on top of roads.
  const groups = Object.values(catalog.groups).sort((a, b) => Number(!!b.lines) - Number(!!a.lines));
  for (const group of groups) {
    const channel = colourChannelOf(group.kind);
    if (!channel || group.count === 0) continue;
    const colours = new Uint8Array(group.count * 4);
    const layer: GroupLayer = { id: `group-${group.kind}`, group, channel, scale: bucketScaleOf(channel, channels[channel]), colours, colourAttribute: { value: colours, size: 4 }, positions: positionAttributes(group) };
    writeColours(layer, channels);
    layers.push(layer);
  }
  return layers;
}

timeDeckLayerUpdates(LayerManager);
const container = document.getElementById('map')!;
const map = createBlankMap(container);
const overlay = new MapLibreOverlay({
  interleaved: false,
  layers: [],
  onAfterRender: () => {
    markDrawn();
    if (scene.length && !container.dataset.benchReady) markReady(container);
  },
});
map.addControl(overlay);
let scene: GroupLayer[] = [];
let live: Channels | null = null;

map.once('load', () => {
  connectLiveFeed({
    snapshot(catalog, channels) {
      live = channels;
      scene = buildScene(catalog, channels);
      overlay.setProps({ layers: scene.map(toDeckLayer) });
    },
    delta(changed) {
      timed('colors', () => {
        for (const layer of scene) if (changed.has(layer.channel)) writeColours(layer, live!);
      });
      timed('setProps', () => overlay.setProps({ layers: scene.map(toDeckLayer) }));
    },
  });
});
