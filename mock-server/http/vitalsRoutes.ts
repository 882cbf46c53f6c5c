/**
 * The city's vital signs for other city systems: `GET /api/vitals` answers the indicator catalogue
 * joined with the values of the last published frame, each indicator's status and each dimension's
 * (its worst indicator's), with the simulated time they hold for. `?dimension=traffic` narrows it to
 * one dimension. The values are exactly the ones the wall screen's last frame carried.
 * `GET /api/vitals/history?minutes=60` answers the last hour, one point per 30 simulated seconds.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ASSET_KINDS } from '../../src/protocol/assets';
import { CHANNEL_IDS } from '../../src/protocol/channels';
import { INCIDENT_CATEGORIES } from '../../src/protocol/cityEvents';
import { DIMENSIONS, INDICATOR_STATUSES, dimensionStatus, indicatorStatus } from '../../src/protocol/vitals';
import type { LiveFeed } from '../feed/liveFeed';
import { securityFor } from './openApiSecurity';

export interface VitalsRouteDeps {
  feed: LiveFeed;
}

const DrillSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('channel'), kind: z.enum(ASSET_KINDS), channel: z.enum(CHANNEL_IDS), op: z.enum(['gte', 'lte', 'eq', 'nan']), value: z.number() }),
  z.object({ type: z.literal('incidents'), categories: z.array(z.enum(INCIDENT_CATEGORIES)) }),
  z.object({ type: z.literal('alarms'), ruleId: z.string().optional(), trigger: z.literal('frozen').optional() }),
  z.object({ type: z.literal('all'), kind: z.enum(ASSET_KINDS) }),
]);

const Status = z.enum(INDICATOR_STATUSES).nullable();

const IndicatorSchema = z.object({
  id: z.string(),
  dimension: z.enum(DIMENSIONS),
  name: z.string(),
  nameEn: z.string(),
  shortEn: z.string().optional(),
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  warning: z.number(),
  alarm: z.number(),
  definition: z.string(),
  definitionEn: z.string(),
  digits: z.number().int(),
  drill: DrillSchema.optional(),
  /** Null: no value now (e.g. no sensor reporting). */
  value: z.number().nullable(),
  status: Status,
});

export const VitalsResponseSchema = z.object({
  /** Simulated time of the values, epoch ms and ISO 8601. */
  simTime: z.number(),
  simTimeIso: z.string(),
  /** Seq of the live frame the values come from. */
  seq: z.number().int(),
  dimensions: z.array(z.object({ dimension: z.enum(DIMENSIONS), status: Status, warning: z.number().int(), alarm: z.number().int() })),
  indicators: z.array(IndicatorSchema),
});
export type VitalsResponse = z.infer<typeof VitalsResponseSchema>;

export const VitalsHistoryResponseSchema = z.object({
  /** Indicator ids, in the order of each point's values. */
  indicators: z.array(z.string()),
  /** Oldest first, one per 30 s of simulated time; null where an indicator had no value. */
  points: z.array(z.object({ t: z.number(), values: z.array(z.number().nullable()) })),
});

const VitalsHistoryQuerySchema = z.object({
  minutes: z.coerce.number({ error: () => 'minutes must be a number' }).int('minutes must be whole').min(1).max(60).default(60),
});

const VitalsQuerySchema = z.object({
  dimension: z.enum(DIMENSIONS, { error: () => `must be one of ${DIMENSIONS.join(', ')}` }).optional(),
});

export const vitalsRoutes =
  (deps: VitalsRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/vitals', { schema: { tags: ['city'], security: securityFor('view'), querystring: VitalsQuerySchema, response: { 200: VitalsResponseSchema } } }, async (request) => {
      const { feed } = deps;
      const specs = feed.indicators;
      const frame = feed.currentVitals();
      const wanted = request.query.dimension;
      const indicators = specs.map((spec, i) => {
        const value = frame.values[i] ?? null;
        return { ...spec, value, status: indicatorStatus(spec, value) };
      });
      const dimensions = DIMENSIONS.filter((d) => !wanted || d === wanted).map((dimension) => {
        const own = indicators.filter((i) => i.dimension === dimension);
        return {
          dimension,
          status: dimensionStatus(specs, frame.values, dimension),
          warning: own.filter((i) => i.status === 'warning').length,
          alarm: own.filter((i) => i.status === 'alarm').length,
        };
      });
      const body: VitalsResponse = {
        simTime: frame.t,
        simTimeIso: new Date(frame.t).toISOString(),
        seq: feed.lastSeq,
        dimensions,
        indicators: indicators.filter((i) => !wanted || i.dimension === wanted),
      };
      return body;
    });

    /** The last hour (at most) of every indicator, which a wall screen draws its sparklines from when it loads. */
    app.get('/api/vitals/history', { schema: { tags: ['city'], security: securityFor('view'), querystring: VitalsHistoryQuerySchema, response: { 200: VitalsHistoryResponseSchema } } }, async (request) => {
      const { feed } = deps;
      const since = feed.currentVitals().t - request.query.minutes * 60_000;
      return { indicators: feed.indicators.map((s) => s.id), points: feed.vitalsTrail.points(since) };
    });
  };
