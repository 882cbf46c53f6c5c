/** Health and client configuration. */
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
}

const MqttCountsSchema = z.object({
  received: z.number().int(),
  refused: z.record(z.string(), z.number().int()),
  entries: z.object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.number().int() }),
});

const HealthSchema = z.object({
  status: z.literal('ok'),
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
    app.get('/api/health', { schema: { response: { 200: HealthSchema } } }, async () => {
      const s = deps.feed.status();
      return {
        status: 'ok' as const,
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

    app.get('/api/config', { schema: { response: { 200: ClientConfigSchema } } }, async () => ({
      version: deps.version,
      mapStyleUrl: deps.mapStyleUrl ?? null,
      demo: deps.demo,
    }));
  };
