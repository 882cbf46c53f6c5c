/**
 * What a registry feature's properties hold, per asset kind (docs/ingest.md, "Asset registry"): the
 * common `kind`, `id`, `name`, `nameEn`, `district`; the kind's own thresholds and attributes as flat
 * properties; and, for an asset the simulator placed, its parameters under `simulator`. Strict: an
 * unknown property is refused, so a misspelt threshold cannot go unnoticed.
 */
import { z } from 'zod';
import { ASSET_KINDS, TEAM_TYPES, type AssetKind } from '../../src/protocol/assets';
import { BUILDING_USES } from '../city/placeElevators';
import { ROAD_CLASSES, type RoadClass } from '../city/roadNetwork';
import { staticKindProperties } from './staticKindProperties';

/** Which properties of a kind are thresholds (the rules' per-asset lines) and which are attributes. */
export interface KindColumns {
  thresholds: readonly string[];
  attributes: readonly string[];
}

const WATER_REGIMES = ['tidal', 'creek', 'inland'] as const;
/** A pump station's forebay levels when a registry leaves them out, m (the middle of the simulator's). */
export const DEFAULT_PUMP_LEVELS = { start: 2.1, stop: 0.8 } as const;

const text = (max: number) => z.string().trim().max(max);
/** The properties every kind has. */
export const COMMON_PROPERTIES = {
  id: z.union([text(64).min(1), z.int().nonnegative().transform(String)]),
  name: text(100).min(1),
  nameEn: text(100).optional(),
  /** A district's code (`310115`) or name (`浦东新区`, `Pudong`); left out, it is found from the position. */
  district: text(40).min(1).optional(),
};
const metres = z.number().min(-10).max(50);

/** Per kind: its geometry, the properties' schema and the columns. */
export const KIND_PROPERTIES = {
  rainGauge: { geometry: 'Point', columns: { thresholds: [], attributes: [] }, schema: z.strictObject({ kind: z.literal('rainGauge'), ...COMMON_PROPERTIES }) },
  waterGauge: {
    geometry: 'Point',
    columns: { thresholds: ['warning', 'danger'], attributes: [] },
    schema: z
      .strictObject({
        kind: z.literal('waterGauge'),
        ...COMMON_PROPERTIES,
        warning: metres,
        danger: metres,
        simulator: z.strictObject({ regime: z.enum(WATER_REGIMES), meanLevel: metres, tideAmplitude: z.number().min(0).max(5), tideLagHours: z.number().min(0).max(24) }).optional(),
      })
      .refine((p) => p.danger > p.warning, { path: ['danger'], message: 'must be above warning' }),
  },
  weatherStation: {
    geometry: 'Point',
    columns: { thresholds: [], attributes: [] },
    schema: z.strictObject({ kind: z.literal('weatherStation'), ...COMMON_PROPERTIES, simulator: z.strictObject({ tempOffsetC: z.number().min(-10).max(10) }).optional() }),
  },
  underpass: { geometry: 'Point', columns: { thresholds: [], attributes: ['road', 'pump'] }, schema: pondingSchema('underpass') },
  waterloggingPoint: { geometry: 'Point', columns: { thresholds: [], attributes: ['road', 'pump'] }, schema: pondingSchema('waterloggingPoint') },
  pumpStation: {
    geometry: 'Point',
    columns: { thresholds: ['start', 'stop'], attributes: ['capacityM3s'] },
    schema: z
      .strictObject({
        kind: z.literal('pumpStation'),
        ...COMMON_PROPERTIES,
        capacityM3s: z.number().positive().max(1000),
        start: metres.default(DEFAULT_PUMP_LEVELS.start),
        stop: metres.default(DEFAULT_PUMP_LEVELS.stop),
      })
      .refine((p) => p.stop < p.start, { path: ['stop'], message: 'must be below start' }),
  },
  roadSegment: {
    geometry: 'LineString',
    columns: { thresholds: [], attributes: ['roadClass', 'lengthKm'] },
    schema: z.strictObject({
      kind: z.literal('roadSegment'),
      ...COMMON_PROPERTIES,
      // Most segments of a city's grid have no name of their own.
      name: text(100).default(''),
      roadClass: z.enum(ROAD_CLASSES as [RoadClass, ...RoadClass[]]),
      lengthKm: z.number().positive().max(100).optional(),
      simulator: z.strictObject({ from: z.int().nonnegative(), to: z.int().nonnegative() }).optional(),
    }),
  },
  team: {
    geometry: 'Point',
    columns: { thresholds: [], attributes: ['teamType'] },
    schema: z.strictObject({ kind: z.literal('team'), ...COMMON_PROPERTIES, teamType: z.enum(TEAM_TYPES), simulator: z.strictObject({ baseNode: z.int().nonnegative() }).optional() }),
  },
  elevator: {
    geometry: 'Point',
    columns: { thresholds: [], attributes: ['use'] },
    schema: z.strictObject({ kind: z.literal('elevator'), ...COMMON_PROPERTIES, name: text(100).min(1).optional(), use: z.enum(BUILDING_USES).default('residential') }),
  },
  muckTruck: {
    // The geometry is the truck's permitted route, from the construction site to the disposal site.
    geometry: 'LineString',
    columns: { thresholds: ['corridor', 'dumpRadius'], attributes: ['site', 'disposal'] },
    schema: z.strictObject({
      kind: z.literal('muckTruck'),
      ...COMMON_PROPERTIES,
      /** The construction site it loads at: an illegal dump is traced back to it. */
      site: text(200).min(1),
      /** The disposal site (消纳场) it may unload at, at the route's end. */
      disposal: text(200).min(1),
      /** Its own corridor either side of the route and radius around the disposal site, metres (else the rules file's). */
      corridor: z.number().positive().max(5000).optional(),
      dumpRadius: z.number().positive().max(5000).optional(),
    }),
  },
  ...staticKindProperties(COMMON_PROPERTIES),
} satisfies Record<AssetKind, { geometry: 'Point' | 'LineString' | 'Polygon'; columns: KindColumns; schema: z.ZodType }>;

function pondingSchema<K extends 'underpass' | 'waterloggingPoint'>(kind: K) {
  return z.strictObject({
    kind: z.literal(kind),
    ...COMMON_PROPERTIES,
    /** The road segment it stands on, by id; left out, the nearest segment. */
    road: text(64).min(1).optional(),
    /** The pump station that drains it, by id; left out, the nearest station. */
    pump: text(64).min(1).optional(),
    simulator: z.strictObject({ susceptibility: z.number().min(0.1).max(5) }).optional(),
  });
}

/** The kind named by a feature's properties: first checked alone, so a missing kind is one clear problem. */
export const KindSchema = z.enum(ASSET_KINDS, { error: `must be one of ${ASSET_KINDS.join(', ')}` });

export type KindProperties<K extends AssetKind> = z.output<(typeof KIND_PROPERTIES)[K]['schema']>;
