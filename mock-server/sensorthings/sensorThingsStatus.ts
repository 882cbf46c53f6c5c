/**
 * The health route's `sensorthings` section (null when no SensorThings server is configured): the
 * server polled, and per mapped Datastream where its polling stands. The schema is the type's source.
 */
import { z } from 'zod';

export const DatastreamStatusSchema = z.object({
  /** The Datastream's `@iot.id`, and its name as the server gives it (null until read). */
  id: z.union([z.number(), z.string()]),
  name: z.string().nullable(),
  /** The map line that maps it (`FILE:LINE`) and where it goes. */
  line: z.string(),
  kind: z.string(),
  assetId: z.string(),
  measure: z.string(),
  /**
   * `starting`: its unit not yet read from the server (retried each poll); `polling`; `refused`: its
   * unit cannot be told or converted, or the server has no such Datastream (`lastError` says which).
   */
  state: z.enum(['starting', 'polling', 'refused']),
  /** The unit its values come in (null until known), and the factor to the measure's own unit. */
  unit: z.string().nullable(),
  factor: z.number().nullable(),
  /** The phenomenonTime the next poll asks after (the newest read so far, as stored), ISO 8601. */
  lastPhenomenonTime: z.string(),
  /** The last poll that reached the server, and when the next one is due (later after failures). */
  lastPollAt: z.string().nullable(),
  nextPollAt: z.string().nullable(),
  /** Observations read since start, and what the ingest gate made of them. */
  observations: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** The gate's reason for the latest Observation it refused. */
  lastRejection: z.string().nullable(),
  /** Polls that failed since start, failures in a row now, and the latest failure. */
  failures: z.number().int(),
  failuresInARow: z.number().int(),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
});

export const SensorThingsStatusSchema = z.object({
  url: z.string(),
  everyS: z.number(),
  /** Poll rounds since start, and failed requests over all Datastreams. */
  rounds: z.number().int(),
  failures: z.number().int(),
  datastreams: z.array(DatastreamStatusSchema),
});

export type DatastreamStatus = z.infer<typeof DatastreamStatusSchema>;
export type SensorThingsStatus = z.infer<typeof SensorThingsStatusSchema>;
