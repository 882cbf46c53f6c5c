/**
 * Builds the whole server from its parts: HTTP routes, the static app, the socket.io hub and the
 * city pipeline over the simulated city, with its feed. It neither listens nor starts timers (see
 * server.ts), so tests can build it with any seed and clock.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Server } from 'socket.io';
import { Decoder, Encoder } from 'socket.io-parser';
import type { Config } from './config';
import { loadCityGeo, type CityGeo } from './city/cityGeo';
import { AssetHistory } from './feed/assetHistory';
import type { LiveFeed } from './feed/liveFeed';
import { assetRoutes } from './http/assetRoutes';
import { installErrorHandler } from './http/errors';
import { simRoutes } from './http/simRoutes';
import { rulesRoutes } from './http/rulesRoutes';
import { registerStaticApp } from './http/staticApp';
import { systemRoutes } from './http/systemRoutes';
import { vitalsRoutes } from './http/vitalsRoutes';
import { attachHub, type CityServer, type Hub } from './realtime/hub';
import { createCityStages } from './pipeline/cityStages';
import { LiveCity } from './pipeline/liveCity';
import type { Ticker } from './simulator/ticker';
import { createAuthService, type AuthService } from './auth/authService';
import { bootstrapAccounts } from './auth/bootstrapAccounts';
import { credentialsOf, requirePermission } from './auth/httpAuth';
import { summaryRoutes } from './http/summaryRoutes';
import { renderSummaryPdf } from './summary/pdfReport';
import { allowRequestFor, installSocketAuth } from './auth/socketAuth';
import { authRoutes } from './http/authRoutes';
import { openDatabase, type Database } from './storage/database';
import { SqliteAccountStore } from './storage/sqliteAccounts';
import { SqliteIncidentStore } from './storage/sqliteIncidents';
import { SqliteHistoryStore } from './storage/sqliteHistory';
import { HistoryRecorder } from './history/historyRecorder';
import { incidentRoutes } from './http/incidentRoutes';
import { assetLookupOf } from './ingest/assetLookup';
import { IngestGate } from './ingest/ingestGate';
import { PositionGate } from './ingest/positionGate';
import { measureOfChannel } from './ingest/ingestChannels';
import { datumConverter } from './assets/datum';
import { ingestRoutes } from './http/ingestRoutes';
import { assetCount } from './pipeline/readings';
import { SqliteReadingStore } from './storage/sqliteReadings';
import { SqliteAssetStore } from './storage/sqliteAssets';
import { cityAssetsFromRegistry, simulatedCityFromRegistry } from './assets/cityRegistry';
import { adminAssetRoutes } from './http/adminAssetRoutes';
import { catalogVersionOf } from './feed/catalogToWire';
import { MQTT_OFF, type MqttBrokers } from './mqtt/mqttBrokers';
import type { SensorThingsPoller } from './sensorthings/sensorThingsPoller';
import { WorkOrderService } from './workorders/workOrderService';
import { AlarmService } from './alarms/alarmService';
import { attachAlarmCommands } from './alarms/alarmCommands';
import { alarmRoutes } from './http/alarmRoutes';
import { SqliteAlarmStore } from './storage/sqliteAlarms';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** Inbound socket payloads are small commands; anything bigger is refused by socket.io. */
const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;
const MAX_HTTP_BODY_BYTES = 256 * 1024;

/**
 * Clients send small JSON commands only, never binary: refusing binary attachments outright closes
 * the attachment-count and placeholder tricks in ../shared/data/socketio-protocol/bad-frames.json.
 */
class CommandDecoder extends Decoder {
  constructor() {
    super({ maxAttachments: 0 });
  }
}

export interface AppDeps {
  config: Config;
  geo?: CityGeo;
  /** Wall clock; tests may fix it. */
  now?: () => number;
}

export interface CityApp {
  http: FastifyInstance;
  io: CityServer;
  /** The running city: its pipeline stages and the tick (server.ts drives it). */
  city: LiveCity;
  /** What the city publishes: frames, snapshots, vitals, status. */
  feed: LiveFeed;
  hub: Hub;
  /** Set by the boot code when it starts the one timer. */
  ticker?: Ticker;
  /** The one SQLite database; server.ts closes it last. */
  db: Database;
  auth: AuthService;
  /** Every incident change goes through it; the ticker runs in its queue too. */
  workOrders: WorkOrderService;
  /** Alarms as records: each change kept, acknowledgements (in the work-order queue), the history. */
  alarms: AlarmService;
  /** Rolls each simulated minute into storage. */
  history: HistoryRecorder;
  /** Where readings from outside come in (HTTP, MQTT, replays): checked, kept, queued for the next tick. */
  ingest: IngestGate;
  /** Where positions from outside come in (teams' terminals over MQTT, with the simulator off). */
  positions: PositionGate;
  /** Set by the boot code when it starts the MQTT brokers (server.ts). */
  mqtt?: MqttBrokers;
  /** Set by the boot code when a SensorThings server is configured (server.ts). */
  sensorThings?: SensorThingsPoller | null;
}

export async function buildApp({ config, geo = loadCityGeo(), now = Date.now }: AppDeps): Promise<CityApp> {
  // Storage first: a refused start (no admin password, demo passwords in production) fails before anything else is built.
  const db = openDatabase(config.dataDir);
  const storage = { accounts: new SqliteAccountStore(db), incidents: new SqliteIncidentStore(db), history: new SqliteHistoryStore(db) };
  await bootstrapAccounts({ accounts: storage.accounts, demo: config.demo, adminPassword: config.adminPassword, now }).catch((err) => {
    db.close();
    throw err;
  });
  const auth = createAuthService({ accounts: storage.accounts, demo: config.demo, integrationKeys: config.integrationKeys, now });

  const http = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: MAX_HTTP_BODY_BYTES,
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  installErrorHandler(http);

  // The simulated clock resumes where it stopped, so restored incidents never lie in the city's future.
  const resumeAt = await WorkOrderService.storedSimTime(storage.incidents);
  const startTime = Math.max(config.start ?? Math.floor(now() / 1000) * 1000, resumeAt ?? -Infinity);
  const autopilot = config.autopilot ?? config.demo;
  // The city as the asset registry holds it; the simulator fills a fresh one with its Shanghai.
  const registry = new SqliteAssetStore(db);
  const placement = { seed: config.seed, scale: config.scale, roadGridKm: config.roadGridKm };
  const assets = config.simulator
    ? await simulatedCityFromRegistry(registry, geo, { placement, datum: config.basemapDatum, now })
    : ((await cityAssetsFromRegistry(registry, geo, config.basemapDatum)) ?? undefined);
  const stages = createCityStages(geo, { seed: config.seed, startTime, scenario: config.scenario, scale: config.scale, roadGridKm: config.roadGridKm, autopilot, rules: config.rules, simulator: config.simulator, assets });
  const workOrders = new WorkOrderService({ city: stages, store: storage.incidents, now });
  // Restored before the first frame is measured, so it shows the restored teams and closures.
  await workOrders.restore();
  // The stored active alarms go back into the engine, so their episodes continue under the same ids.
  const alarms = new AlarmService({ city: stages, store: new SqliteAlarmStore(db), queue: workOrders.queue, now });
  await alarms.restore();
  const history = AssetHistory.forAssets(stages.assets);
  const city = new LiveCity(stages, { tickMs: config.tickMs, speed: config.speed, now, history });
  const { feed } = city;
  const recorder = new HistoryRecorder(storage.history, stages.assets, feed.indicators);
  await recorder.resume(startTime);
  const lookup = assetLookupOf(feed.catalog, (kind) => assetCount(stages.assets, kind));
  const readings = new SqliteReadingStore(db);
  const ingest = new IngestGate({
    lookup,
    store: readings,
    cityNow: () => stages.source.timeMs,
    wallNow: now,
    deliver: (kept) => {
      for (const reading of kept) stages.incoming.push(reading);
    },
  });
  const positions = new PositionGate({
    lookup,
    takes: (kind) => (stages.simulation === null ? true : `${kind} positions come from the simulator while it runs (--simulator off takes them from outside)`),
    now: () => Math.max(stages.source.timeMs, now()),
    toBasemap: datumConverter('wgs84', config.basemapDatum),
    deliver: (reported) => {
      for (const p of reported) stages.incomingPositions.push(p);
    },
  });

  const io: CityServer = new Server(http.server, {
    serveClient: false,
    // Compression costs more CPU than it saves on binary frames (../shared/PERFORMANCE.md).
    perMessageDeflate: false,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    parser: { Encoder, Decoder: CommandDecoder },
    // A socket that opens the transport but never joins a namespace is dropped after this.
    connectTimeout: 10_000,
    // Browsers may open the socket only from an allowed origin: `cors` does not cover WebSocket upgrades.
    allowRequest: allowRequestFor(config.allowedOrigins),
    // No connectionStateRecovery: a recovered socket would skip the auth middleware unless skipMiddlewares: false.
  });
  installSocketAuth(io, auth, http.log);
  const hub = attachHub(io, feed, http.log, workOrders);
  attachAlarmCommands(io, alarms, http.log);
  const app: CityApp = { http, io, city, feed, hub, db, auth, workOrders, alarms, history: recorder, ingest, positions };
  const canView = requirePermission(auth, 'view');

  await http.register(
    systemRoutes({ version: VERSION, startedAt: now(), feed, hub, ticker: () => app.ticker, ingest: () => ingest.status(), mqtt: () => app.mqtt?.status() ?? MQTT_OFF, sensorThings: () => app.sensorThings?.status() ?? null, mapStyleUrl: config.mapStyleUrl, demo: config.demo }),
  );
  await http.register(
    assetRoutes({
      feed,
      history,
      authorize: canView,
      measured: async (kind, id, channel, from, to) => {
        const measure = measureOfChannel(kind, channel);
        return measure ? readings.series(kind, id, measure, from, to) : [];
      },
    }),
  );
  await http.register(simRoutes({ simulation: stages.simulation, auth }));
  await http.register(rulesRoutes({ book: config.rules, authorize: canView }));
  // The hook sits in a wrapper scope so it guards the vitals routes and nothing registered after them.
  await http.register(async (scope) => {
    scope.addHook('onRequest', canView);
    await scope.register(vitalsRoutes({ feed }));
  });
  await http.register(authRoutes({ auth }));
  await http.register(
    summaryRoutes({
      source: { history: storage.history, assets: stages.assets, indicators: feed.indicators },
      guard: (p) => requirePermission(auth, p),
      tokenOf: credentialsOf,
      renderPdf: renderSummaryPdf,
      simNow: () => feed.currentVitals().t,
    }),
  );
  await http.register(ingestRoutes({ authorize: requirePermission(auth, 'reportReadings'), accept: (batch, source) => ingest.accept(batch, source), now }));
  await http.register(alarmRoutes({ service: alarms, guard: (p) => requirePermission(auth, p), principalOf: (r) => r.principal! }));
  await http.register(incidentRoutes({ service: workOrders, guard: (p) => requirePermission(auth, p), principalOf: (r) => r.principal! }));
  await http.register(
    adminAssetRoutes({
      store: registry,
      geo,
      basemapDatum: config.basemapDatum,
      now,
      authorize: requirePermission(auth, 'administer'),
      catalogVersions: async () => ({ current: feed.catalog.version, next: catalogVersionOf(config.seed, (await cityAssetsFromRegistry(registry, geo, config.basemapDatum))!) }),
    }),
  );
  await registerStaticApp(http, config.distDir);
  return app;
}
