/**
 * Health and client configuration. `/api/health` reports the server's state and says `degraded`, with
 * the reasons, whenever readiness fails; `/api/health/live` answers while the process serves (a
 * liveness probe restarts a server that stops answering, nothing less); `/api/health/ready` is 503
 * with the reasons while the server should take no traffic (ops/readiness.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Hub } from '../realtime/hub';
import type { LiveFeed } from '../feed/liveFeed';
import type { Ticker } from '../simulator/ticker';
import { assetCountOf } from '../../src/protocol/catalogView';
import type { IngestCounts } from '../ingest/ingestGate';
import type { MqttStatus } from '../mqtt/mqttBrokers';
import { SensorThingsStatusSchema, type SensorThingsStatus } from '../sensorthings/sensorThingsStatus';

export interface SystemRouteDeps {
  version: string;
  startedAt: number;
  feed: LiveFeed;
  hub: Hub;
  ticker: () => Ticker | undefined;
  /** Readings from outside so far, per integration. */
  ingest: () => Record<string, IngestCounts>;
  /** The embedded broker and the external broker's client, each null when off. */
  mqtt: () => MqttStatus;
  /** The SensorThings poller's state; null when no SensorThings server is configured. */
  sensorThings: () => SensorThingsStatus | null;
  mapStyleUrl?: string;
  /** Demo mode: the client opens the wall without a login. */
  demo: boolean;
  /** Why the server is not ready now (ops/readiness.ts); empty when it is. */
  readiness: () => string[];
  /** What works badly without making the server unready (a CAP feed failing for a while): /api/health only. */
  degraded?: () => string[];
}

const MqttCountsSchema = z.object({
  received: z.number().int(),
  refused: z.record(z.string(), z.number().int()),
  entries: z.object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.number().int() }),
});

const HealthSchema = z.object({
  /** `degraded` while readiness fails (`reasons` says why): the server answers, but storage, the tick or the broker does not work. */
  status: z.enum(['ok', 'degraded']),
  reasons: z.array(z.string()),
  version: z.string(),
  uptimeS: z.number(),
  clients: z.number().int(),
  simulator: z.object({
    running: z.boolean(),
    seq: z.number().int(),
    simTime: z.string(),
    speed: z.number(),
    tickMs: z.number(),
    /** Null when the simulator is off (`--simulator off`). */
    scenario: z.string().nullable(),
    seed: z.number(),
    rainCells: z.number().int(),
    activeAlarms: z.number().int(),
    openIncidents: z.number().int(),
    activeClosures: z.number().int(),
    roadSegments: z.number().int(),
    cityTrafficIndex: z.number().nullable(),
    assets: z.record(z.string(), z.number().int()),
  }),
  /** Readings from outside since start, per integration (key name). */
  ingest: z.record(
    z.string(),
    z.object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.number().int(), lastAt: z.string().nullable() }),
  ),
  /** MQTT messages since start (docs/ingest.md, "MQTT"): received, refused as a whole by reason, and what the gate made of their entries. */
  mqtt: z.object({
    embedded: MqttCountsSchema.extend({ port: z.number().int(), clients: z.number().int() }).nullable(),
    external: MqttCountsSchema.extend({ url: z.string(), connected: z.boolean(), subscribed: z.boolean() }).nullable(),
  }),
  /** The SensorThings server polled and each mapped Datastream's state (docs/ingest.md, "SensorThings"); null when none is configured. */
  sensorthings: SensorThingsStatusSchema.nullable(),
});

const LiveSchema = z.object({ status: z.literal('live') });
const ReadySchema = z.object({ status: z.enum(['ready', 'notReady']), reasons: z.array(z.string()) });
const system = { tags: ['system'] };

const ClientConfigSchema = z.object({
  version: z.string(),
  /** Null: use the embedded offline basemap. */
  mapStyleUrl: z.string().nullable(),
  /** Demo mode: the wall screen opens read-only without a login. */
  demo: z.boolean(),
});

export const systemRoutes =
  (deps: SystemRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/health', { schema: { ...system, summary: 'The server\'s state; degraded with the reasons while it is not ready', response: { 200: HealthSchema } } }, async () => {
      const s = deps.feed.status();
      const reasons = [...deps.readiness(), ...(deps.degraded?.() ?? [])];
      return {
        status: reasons.length === 0 ? ('ok' as const) : ('degraded' as const),
        reasons,
        version: deps.version,
        uptimeS: Math.round((Date.now() - deps.startedAt) / 1000),
        clients: deps.hub.clientCount(),
        simulator: {
          ...s,
          running: deps.ticker()?.running ?? false,
          simTime: new Date(s.simTime).toISOString(),
          cityTrafficIndex: Number.isFinite(s.cityTrafficIndex) ? s.cityTrafficIndex : null,
          assets: Object.fromEntries(deps.feed.catalog.groups.map((g) => [g.kind, assetCountOf(g)])),
        },
        ingest: Object.fromEntries(
          Object.entries(deps.ingest()).map(([source, c]) => [source, { ...c, lastAt: c.lastAt === null ? null : new Date(c.lastAt).toISOString() }]),
        ),
        mqtt: deps.mqtt(),
        sensorthings: deps.sensorThings(),
      };
    });

    app.get('/api/health/live', { schema: { ...system, summary: 'Liveness: 200 while the process serves', response: { 200: LiveSchema } } }, async () => ({ status: 'live' as const }));

    app.get(
      '/api/health/ready',
      { schema: { ...system, summary: 'Readiness: 503 with the reasons while storage cannot write, the tick has stalled or the configured MQTT broker is unreachable', response: { 200: ReadySchema, 503: ReadySchema } } },
      async (_request, reply) => {
        const reasons = deps.readiness();
        if (reasons.length > 0) return reply.status(503).send({ status: 'notReady' as const, reasons });
        return { status: 'ready' as const, reasons };
      },
    );

    app.get('/api/config', { schema: { ...system, summary: 'The browser app\'s runtime configuration', response: { 200: ClientConfigSchema } } }, async () => ({
      version: deps.version,
      mapStyleUrl: deps.mapStyleUrl ?? null,
      demo: deps.demo,
    }));
  };
