/**
 * Static asset catalogue: what exists, where, and its fixed thresholds. Sent once per connection;
 * live values refer to assets only by slot (their index in this catalogue's arrays).
 */
import type { AssetKind } from './assetKinds';
import type { BinaryChunk } from './binary';
import type { ChannelId } from './channels';
import type { IndicatorSpec } from './vitals';

// The kinds sit in a leaf module so the event, channel and vitals contracts can name them without
// importing the catalogue, which names the indicators (that import ran in a ring).
export { ASSET_KINDS, STATIC_KINDS, type AssetKind, type StaticKind } from './assetKinds';

export interface DistrictRef {
  code: string;
  name: string;
  nameEn: string;
}

/**
 * Ids and names that follow from the slot, for kinds too numerous to name one by one (240,000
 * elevators would be megabytes of strings): id = idPrefix + (slot + 1) padded to `digits`.
 */
export interface GeneratedNaming {
  idPrefix: string;
  digits: number;
  /** Name = label + the id's number. */
  label: string;
  labelEn: string;
}

/** One kind of asset, column-wise: entry i of every array describes the asset in slot i. */
export interface WireAssetGroup {
  kind: AssetKind;
  /** Empty when {@link naming} generates them. */
  ids: string[];
  names: string[];
  namesEn: string[];
  naming?: GeneratedNaming;
  /** Index into {@link WireCatalog.districts} per slot; large kinds send it as bytes (Uint8). */
  districts: number[] | BinaryChunk;
  /** Float32 lon, lat pairs per slot (a segment's midpoint; a team's home base). */
  positions: BinaryChunk;
  /** Float32 lon0, lat0, lon1, lat1 per slot, for kinds drawn as straight lines (road segments). */
  lines?: BinaryChunk;
  /**
   * Polylines per slot (a muck truck's permitted route), or an area kind's outlines (a residential
   * compound's, each an open ring: its first vertex not repeated): slot i's vertices are `starts[i]` to
   * `starts[i + 1]` (Uint32, count + 1 entries) of `coords` (Float32 lon, lat pairs).
   */
  paths?: { starts: BinaryChunk; coords: BinaryChunk };
  /** Per-slot threshold columns, e.g. water gauges' `warning` and `danger` levels in metres. */
  thresholds: Record<string, number[]>;
  /** Other per-slot columns, e.g. a road segment's class code or a team's type code. */
  attributes: Record<string, number[]>;
  /** Per-slot text columns ('' where a slot has none), e.g. a video point's stream URL. */
  texts?: Record<string, string[]>;
}

export interface WireCatalog {
  /** Changes whenever slots change meaning; a client holding another version must refetch. */
  version: string;
  districts: DistrictRef[];
  groups: WireAssetGroup[];
  /** The vital-sign indicators, in the order of every frame's `vitals.values`. */
  indicators: IndicatorSpec[];
  /**
   * Per channel, ms: how long a sensor's reading stands before it counts as no data — the city's own
   * rules' no-data intervals, as the server applies them, so a screen greys a reading when the server does.
   */
  staleAfterMs: Record<ChannelId, number>;
}

/** Pump station states, as carried in the `pump.state` channel. */
export const PUMP_STATES = ['standby', 'running', 'fault', 'offline'] as const;
export type PumpState = (typeof PUMP_STATES)[number];

/**
 * Elevator states, as carried in the `elevator.state` channel (Shanghai's elevator IoT platform
 * reports each car's run state, scheduled maintenance, faults and entrapments).
 */
export const ELEVATOR_STATES = ['idle', 'running', 'maintenance', 'fault', 'trapped', 'offline'] as const;
export type ElevatorState = (typeof ELEVATOR_STATES)[number];

/** Team states, as carried in the `team.state` channel. */
export const TEAM_STATES = ['available', 'enRoute', 'onSite'] as const;
export type TeamState = (typeof TEAM_STATES)[number];

/**
 * Muck truck (渣土车) states, as carried in the `truck.state` channel: loading at its construction site,
 * hauling the load, unloading (at its disposal site, or where it should not), returning empty; idle
 * between shifts; offline while its terminal is silent.
 */
export const MUCK_TRUCK_STATES = ['idle', 'loading', 'hauling', 'unloading', 'returning', 'offline'] as const;
export type MuckTruckState = (typeof MUCK_TRUCK_STATES)[number];

/** Team types, as carried in the team group's `type` attribute. */
export const TEAM_TYPES = ['floodTeam', 'pumpTruck', 'repairCrew'] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

/** Road classes, as carried in the road segment group's `class` attribute. */
export const ROAD_CLASS_CODES = ['expressway', 'arterial', 'local'] as const;
