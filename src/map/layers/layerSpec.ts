/**
 * One spec per live layer: what it draws from (asset kind, channels), how it keys and builds its
 * deck.gl layer, and what a pick on it stands for. layerOrder.ts lists the specs in draw order, and
 * ../liveLayers.ts is the loop over them; nothing else needs to know a layer's id.
 *
 * A spec either draws its own deck.gl layer (`defineLayer`) or is a kind of point (`iconPoints`,
 * `dotPoints`) that shares one deck.gl layer with its neighbours of the same type in the draw order:
 * the drainage icons are one IconLayer, the two gauge kinds one ScatterplotLayer. deck.gl's update
 * costs per layer, not per point, so a wall with more point kinds costs no more per update.
 *
 * Adding a layer (the seeds name video points, evacuation points, residential compounds, muck trucks
 * and health sites) is one file here and its entries elsewhere:
 * - a kind of static point (video points, evacuation points, health sites): a file exporting
 *   `iconPoints({ id, kind, channels, icon, sizePx, minPx, paint })` — the icon drawn in
 *   icons/iconAtlas.ts — or `dotPoints(...)`; put it next to the other icon kinds in layerOrder.ts and
 *   it joins their layer;
 * - anything else (a moving fleet like the muck trucks, areas like the residential compounds): a file
 *   exporting `defineLayer({ id, kind, channels, prepare, paint, key, build, pick, count })` with its
 *   deck.gl builder, placed in layerOrder.ts where it should draw;
 * - then its switch in ../mapLayers.ts, its legend section in ../legendSections.ts and its texts in
 *   ../mapMessages.ts.
 */
import type { Layer } from '@deck.gl/core';
import type { AssetKind } from '@/protocol/assets';
import type { AssetGroupView, CatalogView } from '@/protocol/catalogView';
import type { Alarm, Closure, Incident } from '@/protocol/cityEvents';
import type { ChannelId } from '@/protocol/channels';
import type { WeatherWarning } from '@/protocol/weatherWarnings';
import type { TrackRing } from '@/domain/trackRing';
import type { LiveChannels } from '@/stores/useLiveStore';
import type { ClusterState } from '../clusterState';
import type { ClusterBubble } from '../drainageClusters';
import type { IconAtlas, IconName } from '../icons/iconAtlas';
import type { IncidentCache } from '../incidentCache';
import type { MapLayerId } from '../mapLayers';
import type { Rgb } from '../mapPalette';
import type { RainFieldSource } from '../rainFieldSource';

export interface MapEvents {
  alarms: ReadonlyMap<string, Alarm>;
  incidents: ReadonlyMap<string, Incident>;
  closures: ReadonlyMap<string, Closure>;
  /** The weather warnings in force (their CAP areas are drawn); absent: none. */
  warnings?: ReadonlyMap<string, WeatherWarning>;
  version: number;
  /** The version at which each collection last changed: a layer follows only the events it draws. */
  changed: Readonly<{ alarms: number; incidents: number; closures: number; warnings?: number }>;
}

/** Everything the layers are drawn from at one moment. */
export interface LiveFrame {
  channels: LiveChannels;
  /** The live store's version at which each channel last changed: a layer follows only its own channels. */
  changed: Readonly<Record<ChannelId, number>>;
  /**
   * Per sensor channel, 1 for each slot whose reading is stale (the live store's marks); a stale slot
   * is drawn as no data. A change of marks stamps the channel in `changed`. Absent: nothing is stale.
   */
  stale?: Readonly<Partial<Record<ChannelId, Uint8Array>>>;
  events: MapEvents;
  visible: Record<MapLayerId, boolean>;
  zoom: number;
  /** Layout scale of the wall screen (1 at 3840 px wide), for marker sizes. */
  uiScale: number;
  /** Incident pulse phase, 0–1. */
  pulse: number;
  /** Feed tick, ms: how long a team glides between positions. */
  tickMs: number;
  /** False when the viewer prefers reduced motion: teams then jump instead of gliding. */
  smooth: boolean;
  /** The muck trucks' recent tracks (the live store's ring); absent: none kept. */
  tracks?: TrackRing | null;
  /** The asset the detail card shows (the selected muck truck's route is drawn). */
  selected?: { kind: AssetKind; slot: number } | null;
  /** The map's [west, south, east, north] where a layer draws only what is in view (elevators at street zoom). */
  bounds?: readonly [number, number, number, number];
  /** Words drawn on the map, in the screen's language; absent: the warnings' own texts. */
  texts?: MapTexts;
}

/** Words the layers draw on the map (the warning areas' labels), in the screen's language. */
export interface MapTexts {
  /** The screen's language, so a change of it redraws the words. */
  locale: string;
  /** A warning's title as the header and ticker name it ("暴雨橙色预警", "Orange rainstorm warning"). */
  warningTitle(w: WeatherWarning): string;
}

/** What a picked (layer, index) stands for. */
export type PickTarget =
  | { type: 'asset'; kind: AssetKind; slot: number }
  | { type: 'incident'; id: string }
  | { type: 'cluster'; bubble: ClusterBubble }
  | { type: 'warning'; id: string };

/**
 * The live layers' ids: the switches of ../mapLayers.ts (but the basemap's districts), the clusters,
 * the muck trucks' tracks and route (under the trucks' switch), and the warning areas' outlines and
 * labels (under the warning areas' switch).
 */
export type LiveLayerId = Exclude<MapLayerId, 'districts'> | 'drainageClusters' | 'muckTruckTracks' | 'muckTruckRoute' | 'warningAreaOutlines' | 'warningAreaLabels';

/** Made once per catalogue and shared by the layers that need it. */
export interface LayerEnv {
  readonly catalog: CatalogView;
  readonly atlas: IconAtlas;
  /** Drainage clusters at low zoom: the cluster layer draws them, the clustered point kinds hide inside them. */
  readonly clusters: ClusterState;
  /** Open incidents packed for drawing (the incident layer, and whether the pulse must run). */
  readonly incidents: IncidentCache;
  /** Where the rain field is painted (a worker in the browser). */
  readonly rainField: (gaugePositions: Float32Array) => RainFieldSource;
}

interface SpecBase {
  /** Its switch, and its name in the map's `data-layers-drawn`. */
  readonly id: LiveLayerId;
  /** The asset kind whose slots it draws (a pick on it names one), or null. */
  readonly kind: AssetKind | null;
  /** The live channels it draws from: its buffers are rewritten only when one of them changed. */
  readonly channels: readonly ChannelId[];
}

/** A layer that draws its own deck.gl layer; `S` is what it keeps per catalogue. */
export interface OwnLayerSpec<S> extends SpecBase {
  readonly type: 'own';
  /** Its buffers and caches, once per catalogue. */
  prepare(env: LayerEnv): S;
  /** Inputs of `paint` besides its channels (the view, the scale), as a key; pure. */
  paintKey?(f: LiveFrame): string;
  /**
   * Rewrites what it draws from its inputs (colour buffers, readings sent to be painted): runs while
   * it is on, when a channel or its paint key changed. A write that changes nothing drawn keeps the
   * buffers, so the layer key stays.
   */
  paint?(state: S, f: LiveFrame): void;
  /** A key over everything `build` reads; pure. The same key hands back the same deck.gl layer, which deck.gl skips. */
  key(state: S, f: LiveFrame, on: boolean): string;
  build(state: S, f: LiveFrame, on: boolean): Layer;
  /** `sublayerId`: the sublayer picked inside a composite layer, when it matters. */
  pick(state: S, index: number, sublayerId?: string): PickTarget | null;
  /** How many things it has to draw (a layer with none is not listed as drawn). */
  count(state: S): number;
  /** When it is drawn, where that is not simply its switch (the clusters follow the drainage switches). */
  shown?(state: S, f: LiveFrame): boolean;
  dispose?(state: S): void;
}

/** A kind of point drawn in a deck.gl layer shared with its neighbours of the same type. */
interface PointSpecBase<S> extends SpecBase {
  readonly kind: AssetKind;
  /** Radius in design pixels at the 3840-wide layout, and the least it shrinks to on a smaller wall. */
  readonly sizePx: number;
  readonly minPx: number;
  /** Hidden inside the drainage clusters at low zoom (its `paint` applies the clusters' mask). */
  readonly clustered?: boolean;
  /** Drawn only from this zoom in, as if switched off below it (a kind too dense for the city view). */
  readonly minZoom?: number;
  prepare?(env: LayerEnv): S;
  /** Writes one RGBA colour per slot into `out` (this kind's run of the shared buffer); alpha 0 hides a slot. */
  paint(state: S, f: LiveFrame, out: Uint8Array, env: LayerEnv): void;
}

/** A point drawn as a tinted icon of the atlas. */
export interface IconPointSpec<S = unknown> extends PointSpecBase<S> {
  readonly type: 'icon';
  readonly icon: IconName;
}

/** A point drawn as a dot: one of its fill and outline is the live colour, the other fixed. */
export interface DotPointSpec<S = unknown> extends PointSpecBase<S> {
  readonly type: 'dot';
  readonly live: 'fill' | 'line';
  readonly fixed: readonly [...Rgb, number];
  /** Outline width, pixels, for a radius in pixels. */
  lineWidth(radiusPx: number): number;
}

export type PointSpec = IconPointSpec | DotPointSpec;
export type LayerSpec = OwnLayerSpec<unknown> | PointSpec;

/** A layer with its own deck.gl layer; typed by what it keeps, listed with the others. */
export const defineLayer = <S>(spec: Omit<OwnLayerSpec<S>, 'type'>): OwnLayerSpec<unknown> => ({ type: 'own', ...spec }) as OwnLayerSpec<unknown>;

/** A kind of icon point. */
export const iconPoints = <S>(spec: Omit<IconPointSpec<S>, 'type'>): IconPointSpec => ({ type: 'icon', ...spec }) as IconPointSpec;

/** A kind of dot point. */
export const dotPoints = <S>(spec: Omit<DotPointSpec<S>, 'type'>): DotPointSpec => ({ type: 'dot', ...spec }) as DotPointSpec;

/** A pick on a layer whose index is the asset slot. */
export function slotTarget(kind: AssetKind, count: number, index: number): PickTarget | null {
  return index >= 0 && index < count ? { type: 'asset', kind, slot: index } : null;
}

/** Screen pixels for a design size at the wall's layout scale, never below `min`. */
export const layoutPx = (design: number, uiScale: number, min = 2.5) => Math.max(min, design * uiScale);

/** A per-slot threshold from the catalogue as a typed array, once per catalogue; `fallback` where it names none. */
export function thresholdColumn(group: AssetGroupView, name: string, fallback: number): Float32Array {
  return Float32Array.from(group.thresholds[name] ?? new Array<number>(group.count).fill(fallback));
}
