/**
 * What each asset kind is, declared once (issue 15, "kinds as data"): its name's message key, its
 * geometry, the map switch and legend section that draw it, what its detail card shows (live
 * channels, trend, fields from the catalogue) and its default thresholds. The server's catalogue,
 * the map's legend and static point layers, and the detail card read it from here.
 *
 * A kind's live channels and their units stay in ./channels.ts, which names each channel's kind:
 * `channelsOf(kind)` lists them. Adding a static kind (no live channel) is its name in
 * STATIC_KINDS, one entry here (with its `look`), one layer spec in src/map/layers/staticPointLayers.ts
 * (an area kind's in src/map/layers/areaLayer.ts) and its two message entries in
 * src/i18n/kindMessages.ts; the simulator places it from
 * mock-server/city/staticPlacements.ts. tests/unit/src/protocol/kindSpecs.test.ts checks every part.
 */
import { UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from '../domain/thresholds';
import type { AssetKind, StaticKind } from './assetKinds';
import { CHANNEL_IDS, CHANNELS, type ChannelId } from './channels';

export type KindRgb = readonly [number, number, number];

/** One fact of an asset shown on its detail card, from a catalogue column of its group. */
export interface KindField {
  /** The column's name, in the group's `attributes` (numbers, codes) or `texts` (links, texts). */
  readonly name: string;
  readonly format: 'number' | 'code' | 'link' | 'text';
  /** The words of a `code` column, by code (message keys `detail.codes.<kind>.<name>.<word>`). */
  readonly codes?: readonly string[];
}

/** What the detail card shows of a kind. */
export interface KindDetail {
  /** Live channels listed as current values, in order. */
  readonly channels: readonly ChannelId[];
  /** The channel the sparkline draws and the thresholds apply to; null: no sparkline. */
  readonly trend: ChannelId | null;
  /** Thresholds a rising level heads for, lowest first (names of the group's threshold columns). */
  readonly rising: readonly string[];
  /** Fixes the sparkline's floor (depths start at 0); omitted: fit the data. */
  readonly floor?: number;
  /** Facts from the catalogue's columns, in order. */
  readonly fields: readonly KindField[];
}

/** How a static point kind is drawn: one icon of the map's atlas, tinted by one colour or by a code column. */
export interface KindLook {
  /** An icon of src/map/icons/iconAtlas.ts. */
  readonly icon: string;
  /** Radius in design pixels at the 3840-wide layout, and the least it shrinks to. */
  readonly sizePx: number;
  readonly minPx: number;
  /** One colour, or one per code of `codeField`. */
  readonly colors: readonly KindRgb[];
  /** An attribute whose code picks the colour (and the legend's entries). */
  readonly codeField?: string;
}

/** How an area kind is drawn: its outline filled in its colour, see-through, and stroked in it. */
export interface AreaLook {
  readonly color: KindRgb;
  /** Opacity of the fill, 0–255 (the outline is opaque): the streets and points beneath stay readable. */
  readonly fillAlpha: number;
  /** Outline width in design pixels at the 3840-wide layout. */
  readonly lineWidthPx: number;
}

export interface KindSpec {
  /** Message key of the kind's name. */
  readonly label: string;
  /** A point, a line (a GeoJSON LineString) or an area (a Polygon of one ring; in the catalogue, the group's `paths`). */
  readonly geometry: 'point' | 'line' | 'area';
  /** The map switch that draws it (src/map/mapLayers.ts); null: not on the map. */
  readonly layer: string | null;
  /** The legend section that explains it (src/map/legendSections.ts); null: not on the map. */
  readonly legend: string | null;
  readonly detail: KindDetail;
  /** Threshold columns every asset of the kind carries unless the registry gives its own. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** Drawn only from this map zoom in (a kind too dense for the city view). */
  readonly minZoom?: number;
}

/** A kind with no live channel: drawn from the catalogue alone, only when zoomed in; a point kind with an icon, an area kind as its outline. */
export type StaticKindSpec = StaticSpecBase & ({ readonly geometry: 'point'; readonly look: KindLook } | { readonly geometry: 'area'; readonly look: AreaLook });

interface StaticSpecBase extends KindSpec {
  readonly layer: string;
  readonly legend: string;
  readonly minZoom: number;
}

/** Where the drainage clusters open (src/map/drainageClusters.ts): the map redraws at this zoom. */
const DETAIL_ZOOM = 11.5;
/** Street zoom (src/map/elevatorSelection.ts): the map redraws as it pans. */
const STREET_ZOOM = 13;

const noDetail = (channels: readonly ChannelId[] = []): KindDetail => ({ channels, trend: null, rising: [], fields: [] });

/** Health site categories (../shared/BRIEF.md): 246 community health centres, 117 fever clinics, 182 fever sentinel clinics. */
export const HEALTH_SITE_CATEGORIES = ['communityCentre', 'feverClinic', 'feverSentinel'] as const;

type KindSpecs = { readonly [K in AssetKind]: K extends StaticKind ? StaticKindSpec : KindSpec };

export const KIND_SPECS: KindSpecs = {
  rainGauge: {
    label: 'detail.kinds.rainGauge',
    geometry: 'point',
    layer: 'rainGauges',
    legend: 'rain',
    detail: { channels: ['rain'], trend: 'rain', rising: [], floor: 0, fields: [] },
    thresholds: {},
  },
  waterGauge: {
    label: 'detail.kinds.waterGauge',
    geometry: 'point',
    layer: 'waterGauges',
    legend: 'water',
    detail: { channels: ['water'], trend: 'water', rising: ['warning', 'danger'], fields: [] },
    // Each gauge has its own lines (the registry's); there is no city-wide default.
    thresholds: {},
  },
  weatherStation: {
    label: 'detail.kinds.weatherStation',
    geometry: 'point',
    // The header's weather reads the stations; the map draws none of them.
    layer: null,
    legend: null,
    detail: { channels: ['weather.temp', 'weather.wind'], trend: 'weather.temp', rising: [], fields: [] },
    thresholds: {},
  },
  underpass: {
    label: 'detail.kinds.underpass',
    geometry: 'point',
    layer: 'underpasses',
    legend: 'underpasses',
    detail: { channels: ['underpass.depth'], trend: 'underpass.depth', rising: ['warning', 'closed'], floor: 0, fields: [] },
    thresholds: UNDERPASS_THRESHOLDS_CM,
  },
  waterloggingPoint: {
    label: 'detail.kinds.waterloggingPoint',
    geometry: 'point',
    layer: 'waterlogging',
    legend: 'waterlogging',
    detail: { channels: ['waterlog.depth'], trend: 'waterlog.depth', rising: ['warning', 'major'], floor: 0, fields: [] },
    thresholds: WATERLOGGING_THRESHOLDS_CM,
  },
  pumpStation: {
    label: 'detail.kinds.pumpStation',
    geometry: 'point',
    layer: 'pumps',
    legend: 'pumps',
    // The pumps start at `start`; `stop` sits below it and is drawn, but a rising sump heads for `start`.
    detail: { channels: ['pump.state', 'pump.level', 'pump.flow'], trend: 'pump.level', rising: ['start'], floor: 0, fields: [] },
    thresholds: {},
  },
  roadSegment: {
    label: 'detail.kinds.roadSegment',
    geometry: 'line',
    layer: 'roads',
    legend: 'roads',
    detail: { channels: ['road.speed', 'road.index', 'road.closed'], trend: 'road.speed', rising: [], floor: 0, fields: [] },
    thresholds: {},
  },
  team: { label: 'detail.kinds.team', geometry: 'point', layer: 'teams', legend: 'teams', detail: noDetail(['team.state']), thresholds: {} },
  elevator: {
    label: 'detail.kinds.elevator',
    geometry: 'point',
    layer: 'elevators',
    legend: 'elevators',
    detail: noDetail(['elevator.state']),
    thresholds: {},
  },
  muckTruck: {
    label: 'detail.kinds.muckTruck',
    // Its registry geometry is its permitted route (site → disposal site); the truck moves on `truck.pos`.
    geometry: 'line',
    layer: 'muckTrucks',
    legend: 'muckTrucks',
    // Where the load comes from and where it may go: what traces a dump back to its site.
    detail: { channels: ['truck.state'], trend: null, rising: [], fields: [{ name: 'site', format: 'text' }, { name: 'disposal', format: 'text' }] },
    // Each truck's corridor and dump radius are the rules file's, or the registry's own (metres).
    thresholds: {},
  },
  healthSite: {
    label: 'detail.kinds.healthSite',
    geometry: 'point',
    layer: 'healthSites',
    legend: 'healthSites',
    detail: { ...noDetail(), fields: [{ name: 'category', format: 'code', codes: HEALTH_SITE_CATEGORIES }] },
    thresholds: {},
    minZoom: DETAIL_ZOOM,
    look: { icon: 'healthSite', sizePx: 13, minPx: 7, colors: [[72, 199, 142], [255, 107, 91], [255, 184, 77]], codeField: 'category' },
  },
  evacuationPoint: {
    label: 'detail.kinds.evacuationPoint',
    geometry: 'point',
    layer: 'evacuationPoints',
    legend: 'evacuationPoints',
    detail: { ...noDetail(), fields: [{ name: 'capacity', format: 'number' }] },
    thresholds: {},
    minZoom: DETAIL_ZOOM,
    look: { icon: 'evacuationPoint', sizePx: 13, minPx: 7, colors: [[94, 234, 212]] },
  },
  videoPoint: {
    label: 'detail.kinds.videoPoint',
    geometry: 'point',
    layer: 'videoPoints',
    legend: 'videoPoints',
    detail: { ...noDetail(), fields: [{ name: 'streamUrl', format: 'link' }] },
    thresholds: {},
    minZoom: DETAIL_ZOOM,
    look: { icon: 'videoPoint', sizePx: 11, minPx: 6, colors: [[147, 197, 253]] },
  },
  residentialCompound: {
    label: 'detail.kinds.residentialCompound',
    // A compound (小区) is a walled block of 1–10 ha, drawn as its outline.
    geometry: 'area',
    layer: 'compounds',
    legend: 'compounds',
    detail: { ...noDetail(), fields: [{ name: 'households', format: 'number' }] },
    thresholds: {},
    // About 14,000: a carpet below street zoom.
    minZoom: STREET_ZOOM,
    look: { color: [167, 139, 250], fillAlpha: 70, lineWidthPx: 2 },
  },
};

/** The kind's live channels, in channel order (declared with their units in ./channels.ts). */
export function channelsOf(kind: AssetKind): ChannelId[] {
  return CHANNEL_IDS.filter((id) => CHANNELS[id].kind === kind);
}
