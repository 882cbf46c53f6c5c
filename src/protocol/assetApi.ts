/**
 * The asset detail HTTP contract (issue 3), shared by mock-server/http/assetRoutes.ts, which answers
 * with these schemas, and the detail card, which parses what it fetches with them. No Vue, no IO.
 */
import { z } from 'zod';
import { ASSET_KINDS, type AssetKind } from './assets';

/** The most history a request may ask for, simulated minutes (what the server keeps). */
export const MAX_HISTORY_MINUTES = 60;

/** A channel's samples, oldest first; null where the sensor reported nothing. */
export const SeriesSchema = z.object({
  /** Simulated time of each sample, epoch ms. */
  t: z.array(z.number()),
  v: z.array(z.number().nullable()),
});
export type AssetSeries = z.infer<typeof SeriesSchema>;

export const AssetHistoryResponseSchema = z.object({
  kind: z.enum(ASSET_KINDS),
  id: z.string(),
  minutes: z.number().int(),
  /** Unit of each channel, e.g. `{water: 'm'}`; '' for states and indices. */
  units: z.record(z.string(), z.string()),
  series: z.record(z.string(), SeriesSchema),
});
export type AssetHistoryResponse = z.infer<typeof AssetHistoryResponseSchema>;

/** A reading: one number (null when silent), or `stride` numbers for a strided channel (team positions). */
const ValueSchema = z.union([z.number().nullable(), z.array(z.number().nullable())]);

export const AssetFactsResponseSchema = z.object({
  kind: z.enum(ASSET_KINDS),
  id: z.string(),
  /** Index in the catalogue group, as the live channels address it. */
  slot: z.number().int(),
  name: z.string(),
  nameEn: z.string(),
  district: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
  lon: z.number(),
  lat: z.number(),
  thresholds: z.record(z.string(), z.number().nullable()),
  attributes: z.record(z.string(), z.number().nullable()),
  /** Simulated time of `values`, epoch ms. */
  simTime: z.number(),
  values: z.record(z.string(), ValueSchema),
  units: z.record(z.string(), z.string()),
});
export type AssetFactsResponse = z.infer<typeof AssetFactsResponseSchema>;

export const assetUrl = (kind: AssetKind, id: string): string => `/api/assets/${kind}/${encodeURIComponent(id)}`;

export const assetHistoryUrl = (kind: AssetKind, id: string, minutes = MAX_HISTORY_MINUTES): string =>
  `${assetUrl(kind, id)}/history?minutes=${minutes}`;
