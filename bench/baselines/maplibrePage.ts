/**
 * Baseline (a): the scene as most big-screen projects draw it — one GeoJSON source per asset group
 * (points as a circle layer, road segments as a line layer), colour from a feature property through
 * a style expression, and `setData` of the whole collection whenever the group's channel changes.
 * The features are built once and their properties rewritten in place (the cheapest honest use of
 * setData); maplibre still re-sends and re-tiles every feature in its worker.
 */
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AssetGroupView, CatalogView } from '../../src/protocol/catalogView';
import type { ChannelId } from '../../src/protocol/channels';
import { markDrawn, timed } from '../../src/shared/benchTiming';
import { createBlankMap, markReady } from './blankMap';
import { connectLiveFeed, type Channels } from './liveFeed';
import { BUCKET_RGBA, bucketCss, bucketOf, bucketScaleOf, colourChannelOf, type BucketScale } from './sceneColours';

interface GroupSource {
  id: string;
  channel: ChannelId;
  scale: BucketScale;
  collection: FeatureCollection<Geometry, { b: number }>;
}

// ['match', ['get', 'b'], 0, colour0, 1, colour1, …, no-data colour]; spread, so typed by hand.
const BUCKET_COLOUR = ['match', ['get', 'b'], ...BUCKET_RGBA.slice(0, -1).flatMap((_, b) => [b, bucketCss(b)]), bucketCss(BUCKET_RGBA.length - 1)] as unknown as ExpressionSpecification;

function featuresOf(group: AssetGroupView): Feature<Geometry, { b: number }>[] {
  const features: Feature<Geometry, { b: number }>[] = new Array(group.count);
  for (let i = 0; i < group.count; i++) {
    const geometry: Geometry = group.lines
      ? { type: 'LineString', coordinates: [[group.lines[i * 4], group.lines[i * 4 + 1]], [group.lines[i * 4 + 2], group.lines[i * 4 + 3]]] }
      : { type: 'Point', coordinates: [group.positions[i * 2], group.positions[i * 2 + 1]] };
    features[i] = { type: 'Feature', geometry, properties: { b: 0 } };
  }
  return features;
}

function writeBuckets(source: GroupSource, channels: Channels): void {
  const values = channels[source.channel];
  const features = source.collection.features;
  for (let i = 0; i < features.length; i++) features[i].properties.b = bucketOf(source.scale, values[i]);
}

function buildScene(map: MapLibreMap, catalog: CatalogView, channels: Channels, previous: GroupSource[]): GroupSource[] {
  for (const s of previous) {
    map.removeLayer(s.id);
    map.removeSource(s.id);
  }
  const sources: GroupSource[] = [];
  // Lines first, so points draw on top of roads.
  const groups = Object.values(catalog.groups).sort((a, b) => Number(!!b.lines) - Number(!!a.lines));
  for (const group of groups) {
    const channel = colourChannelOf(group.kind);
    if (!channel || group.count === 0) continue;
    const source: GroupSource = { id: `group-${group.kind}`, channel, scale: bucketScaleOf(channel, channels[channel]), collection: { type: 'FeatureCollection', features: featuresOf(group) } };
    writeBuckets(source, channels);
    map.addSource(source.id, { type: 'geojson', data: source.collection });
    if (group.lines) map.addLayer({ id: source.id, type: 'line', source: source.id, paint: { 'line-color': BUCKET_COLOUR, 'line-width': 1.5 } });
    else map.addLayer({ id: source.id, type: 'circle', source: source.id, paint: { 'circle-color': BUCKET_COLOUR, 'circle-radius': 2.5 } });
    sources.push(source);
  }
  return sources;
}

const container = document.getElementById('map')!;
const map = createBlankMap(container);
let sources: GroupSource[] = [];
let live: Channels | null = null;
let ready = false;
/** Channels changed since their group's last setData. */
const missed = new Set<ChannelId>();
/** The newest update whose data the worker has finished with; drawn once its tiles are loaded and rendered. */
let loadedSeq = -1;

map.on('render', () => {
  if (loadedSeq >= 0 && map.areTilesLoaded()) {
    markDrawn(loadedSeq);
    loadedSeq = -1;
  }
});

map.once('load', () => {
  connectLiveFeed({
    snapshot(catalog, channels) {
      live = channels;
      ready = false;
      sources = buildScene(map, catalog, channels, sources);
      map.once('idle', () => {
        ready = true;
        markReady(container);
      });
    },
    delta(changed, seq) {
      // Until the first state is on screen every setData would restart the worker's tiling, and at
      // stress counts the page would not settle for minutes; the first update after that catches up.
      for (const id of changed) missed.add(id);
      if (!ready) return;
      const pending: Promise<void>[] = [];
      for (const source of sources) {
        if (!missed.has(source.channel)) continue;
        timed('properties', () => writeBuckets(source, live!));
        timed('setData', () => pending.push((map.getSource(source.id) as GeoJSONSource).setData(source.collection)));
      }
      missed.clear();
      // setData's promise settles when the worker has the data; the tiles then reload and render.
      if (pending.length) void Promise.all(pending).then(() => (loadedSeq = Math.max(loadedSeq, seq)));
    },
  });
});
