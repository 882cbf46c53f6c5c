/**
 * Builds the whole server from its parts: HTTP routes, the static app, the socket.io hub and the
 * city pipeline over the simulated city, with its feed. It neither listens nor starts timers (see
 * server.ts), so tests can build it with any seed and clock.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance, type onRouteHookHandler } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Server } from 'socket.io';
import { Decoder, Encoder } from 'socket.io-parser';
import type { Config } from './config';
import { loadCityGeo, type CityGeo } from './city/cityGeo';
import type { LiveFeed } from './feed/liveFeed';
import type { LiveCity } from './pipeline/liveCity';
import { CityHolder } from './runtime/cityHolder';
import type { ParsedPosition, ParsedReading, PositionSink, ReadingSink } from './ingest/incomingReading';
import { assetRoutes } from './http/assetRoutes';
import { installErrorHandler } from './http/errors';
import { simRoutes } from './http/simRoutes';
import { rulesRoutes } from './http/rulesRoutes';
import { registerStaticApp } from './http/staticApp';
import { serializeRequest } from './http/redactUrl';
import { registerSecurityHeaders } from './http/securityHeaders';
import { systemRoutes } from './http/systemRoutes';
import { vitalsRoutes } from './http/vitalsRoutes';
import { trackRoutes } from './http/trackRoutes';
import { attachHub, type CityServer, type Hub } from './realtime/hub';
import type { Ticker } from './simulator/ticker';
import { createAuthService, type AuthService } from './auth/authService';
import { bootstrapAccounts } from './auth/bootstrapAccounts';
import { credentialsOf, requirePermission } from './auth/httpAuth';
import { summaryRoutes } from './http/summaryRoutes';
import { PdfExport, type PdfExportOptions } from './summary/pdfExport';
import { pdfExportMetrics } from './summary/pdfMetrics';
import { allowRequestFor, installSocketAuth } from './auth/socketAuth';
import { clientAddressOf } from './realtime/clientAddress';
import { authRoutes } from './http/authRoutes';
import { kioskRoutes } from './http/kioskRoutes';
import { KioskSessions, withKioskSessions } from './auth/kioskSessions';
import { openDatabase, type Database } from './storage/database';
import { SqliteAccountStore } from './storage/sqliteAccounts';
import { SqliteIncidentStore } from './storage/sqliteIncidents';
import { SqliteHistoryStore } from './storage/sqliteHistory';
import type { HistoryRecorder } from './history/historyRecorder';
import { incidentRoutes } from './http/incidentRoutes';
import { registerRateLimits } from './http/rateLimits';
import { OpenReportCap } from './incidents/openReportCap';
import { openReportsOf } from './storage/sqliteOpenReports';
import { open311Routes } from './http/open311Routes';
import { IngestGate } from './ingest/ingestGate';
import { PositionGate } from './ingest/positionGate';
import { measureOfChannel } from './ingest/ingestChannels';
import { datumConverter } from './assets/datum';
import { ingestRoutes } from './http/ingestRoutes';
import { capRoutes } from './http/capRoutes';
import { announcingWarningStore } from './cap/announcingWarningStore';
import { WarningBook } from './cap/warningBook';
import { CapIngest } from './cap/capIngest';
import type { CapFeedPoller } from './cap/capFeedPoller';
import { issueOfficeAlerts } from './cap/issueOfficeAlerts';
import { SqliteWarningStore } from './storage/sqliteWarnings';
import { SqliteReadingStore } from './storage/sqliteReadings';
import { SqliteAssetStore } from './storage/sqliteAssets';
import { adminAssetRoutes } from './http/adminAssetRoutes';
import { MQTT_OFF, type MqttBrokers } from './mqtt/mqttBrokers';
import type { SensorThingsPoller } from './sensorthings/sensorThingsPoller';
import type { WorkOrderService } from './workorders/workOrderService';
import { SerialQueue } from './workorders/serialQueue';
import type { AlarmService } from './alarms/alarmService';
import { attachAlarmCommands } from './alarms/alarmCommands';
import { alarmRoutes } from './http/alarmRoutes';
import { SqliteAlarmStore } from './storage/sqliteAlarms';
import { CLIENT_EVENT_SCHEMAS } from '../src/protocol/events';
import { registerOpenApi } from './http/openApiRoutes';
import { metricsRoutes } from './http/metricsRoutes';
import { webhookRoutes } from './http/webhookRoutes';
import { SqliteWebhookStore } from './storage/sqliteWebhooks';
import type { DeliveryWorker } from './webhooks/deliveryWorker';
import { CityMetrics } from './ops/cityMetrics';
import { watchSocketTraffic } from './ops/socketTraffic';
import { timeHttpCommands } from './ops/timeHttpCommands';
import { readinessProblems } from './ops/readiness';
import { TickWatch } from './ops/tickWatch';
import { timeTransactions } from './storage/timedTransactions';
import { storageWriteProblem } from './storage/writeProbe';
import { incidentCountsOf } from './storage/sqliteIncidentCounts';

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
  /** Watches the route table as routes are added (a test checks that the OpenAPI document lists every one). */
  onRoute?: onRouteHookHandler;
  /** Where the log goes instead of stdout (a test reads what was logged). */
  logStream?: { write(line: string): void };
  /** PDF export's limits and test hook (summary/pdfExport.ts); the defaults otherwise. */
  pdf?: Partial<PdfExportOptions>;
}

export interface CityApp {
  http: FastifyInstance;
  io: CityServer;
  /** The city part in force and its swap on a registry change (runtime/cityHolder.ts); the five below read through it. */
  cities: CityHolder;
  /** The running city: its pipeline stages and the tick (server.ts drives it). */
  readonly city: LiveCity;
  /** What the city publishes: frames, snapshots, vitals, status. */
  readonly feed: LiveFeed;
  /** Every incident change goes through it; the ticker runs in its queue too (one queue for the server's life). */
  readonly workOrders: WorkOrderService;
  /** Alarms as records: each change kept, acknowledgements (in the work-order queue), the history. */
  readonly alarms: AlarmService;
  /** Rolls each simulated minute into storage. */
  readonly history: HistoryRecorder;
  hub: Hub;
  /** Set by the boot code when it starts the one timer. */
  ticker?: Ticker;
  /** The one SQLite database; server.ts closes it last. */
  db: Database;
  auth: AuthService;
  /** Where readings from outside come in (HTTP, MQTT, replays): checked, kept, queued for the next tick. */
  ingest: ReadingSink & Pick<IngestGate, 'status'>;
  /** Where positions from outside come in (teams' terminals over MQTT, with the simulator off). */
  positions: PositionSink;
  /** Set by the boot code when it starts the MQTT brokers (server.ts). */
  mqtt?: MqttBrokers;
  /** Set by the boot code when a SensorThings server is configured (server.ts). */
  sensorThings?: SensorThingsPoller | null;
  /** What GET /metrics reports; the boot code times the ticks into it. */
  metrics: CityMetrics;
  /** The boot code reports each finished tick here; readiness reads how long ago the last one was. */
  tickWatch: TickWatch;
  /** The outbound webhooks and their outbox (issue 16). */
  webhooks: SqliteWebhookStore;
  /** Set by the boot code when it starts sending the outbox (server.ts). */
  webhookDelivery?: DeliveryWorker;
  /** The one way CAP alerts come in (the route, the polled feeds, the simulated weather office). */
  capIngest: CapIngest;
  /** Set by the boot code when CAP feeds are configured (server.ts). */
  capFeeds?: CapFeedPoller | null;
  /** The daily report's PDF export: one shared browser, bounded; server.ts closes it first on shutdown. */
  pdfExport: PdfExport;
  /** Takes the simulated weather office's CAP alerts of the last tick through the CAP ingest (server.ts runs it after each tick). */
  issueOfficeAlerts(): Promise<void>;
}

export async function buildApp({ config, geo = loadCityGeo(), now = Date.now, onRoute, logStream, pdf }: AppDeps): Promise<CityApp> {
  // Storage first: a refused start (no admin password, demo passwords in production) fails before anything else is built.
  const db = openDatabase(config.dataDir);
  // Read at each scrape, so the values below may be set after it: nothing scrapes before the app is built.
  const metrics = new CityMetrics({
    clients: () => hub.clientCount(),
    ingest: () => gate.status(),
    activeAlarms: () => current().feed.eventState().alarms,
    incidentsByStatus: incidentCountsOf(db),
  });
  // Before any repository prepares its transactions: every commit is timed.
  const commits = timeTransactions(db, (seconds, outcome) => metrics.commitSeconds.observe({ outcome }, seconds));
  const storage = { accounts: new SqliteAccountStore(db), incidents: new SqliteIncidentStore(db), history: new SqliteHistoryStore(db) };
  await bootstrapAccounts({ accounts: storage.accounts, demo: config.demo, adminPassword: config.adminPassword, now }).catch((err) => {
    db.close();
    throw err;
  });
  // A wall exchanges its kiosk link's token once for a session (auth/kioskSessions.ts); every check sees those sessions.
  const kioskSessions = new KioskSessions(storage.accounts, { now });
  const auth = withKioskSessions(createAuthService({ accounts: storage.accounts, demo: config.demo, integrationKeys: config.integrationKeys, now }), kioskSessions);

  const http = Fastify({
    // Requests are logged with secrets in their query strings blanked (a kiosk link's token, api_key, …).
    logger: { level: config.logLevel, stream: logStream, serializers: { req: serializeRequest } },
    bodyLimit: MAX_HTTP_BODY_BYTES,
    // request.ip is the client's, from X-Forwarded-For, only behind proxies the operator names (CITYOPS_TRUST_PROXY).
    trustProxy: config.trustProxy,
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  installErrorHandler(http);
  await registerSecurityHeaders(http, { mapStyleUrl: config.mapStyleUrl });
  if (onRoute) http.addHook('onRoute', onRoute);
  // Before the routes: the document is collected from them as they are added.
  await registerOpenApi(http, VERSION);
  timeHttpCommands(http, metrics);
  // Before the routes: every command route added after it draws from its caller's budget.
  await registerRateLimits(http, {
    budgets: { command: config.rateLimitCommands, ingest: config.rateLimitIngest, admin: config.rateLimitAdmin },
    principalFor: (token) => auth.principalFor(token),
  });

  const registry = new SqliteAssetStore(db);
  const warningStore = new SqliteWarningStore(db);
  // The city part (stages, services, feed, history, lookup) sits behind one holder: a registry change rebuilds and swaps it.
  const cities = await CityHolder.start({
    config,
    geo,
    now,
    registry,
    incidents: storage.incidents,
    alarms: new SqliteAlarmStore(db),
    history: storage.history,
    warnings: warningStore,
    queue: new SerialQueue(),
  });
  const current = () => cities.current;
  // CAP times are kept on the city's clock (cap/warningBook.ts): simulated time, or the wall clock with the simulator off.
  const cityNow = () => (current().stages.simulation === null ? now() : current().stages.simTime());
  const capStore = announcingWarningStore(warningStore, { shared: (fn) => cities.hold.shared(fn), recorded: (w, ended) => current().stages.capWarnings.recorded(w, ended) });
  const capIngest = new CapIngest(new WarningBook(capStore, cityNow, now), (source, outcome) => metrics.capAlerts.inc({ source, outcome }));
  const readings = new SqliteReadingStore(db);
  const gate = new IngestGate({
    lookup: (kind, id) => current().lookup(kind, id),
    store: readings,
    cityNow: () => current().stages.source.timeMs,
    wallNow: now,
    deliver: (kept) => {
      const { incoming } = current().stages;
      for (const reading of kept) incoming.push(reading);
    },
  });
  const positionGate = new PositionGate({
    lookup: (kind, id) => current().lookup(kind, id),
    takes: (kind) => (current().stages.simulation === null ? true : `${kind} positions come from the simulator while it runs (--simulator off takes them from outside)`),
    now: () => Math.max(current().stages.source.timeMs, now()),
    toBasemap: datumConverter('wgs84', config.basemapDatum),
    deliver: (reported) => {
      const { incomingPositions } = current().stages;
      for (const p of reported) incomingPositions.push(p);
    },
  });
  // A batch is checked against one city and handed to the same one: a swap waits for it, and it for a swap.
  const ingest = { accept: (batch: readonly ParsedReading[], source: string) => cities.hold.shared(() => gate.accept(batch, source)), status: () => gate.status() };
  const positions = { accept: (batch: readonly ParsedPosition[]) => cities.hold.shared(() => positionGate.accept(batch)) };

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
  installSocketAuth(io, auth, http.log, {
    caps: { perAddress: config.socketMaxPerAddress, perAccount: config.socketMaxPerAccount, perKiosk: config.socketMaxPerKiosk },
    meter: metrics,
    addressOf: clientAddressOf(config.trustProxy),
  });
  // Getters, not values: everything below reads the city part in force when it acts.
  const hub = attachHub(io, { get feed() { return current().feed; }, get workOrders() { return current().workOrders; } }, http.log, (kind, n) => metrics.framesSent.inc({ kind }, n), {
    maxStalledFrames: Math.ceil((config.socketStallSeconds * 1000) / config.tickMs),
    maxQueuedBytes: config.socketMaxQueuedMb * 1024 * 1024,
    dropped: () => metrics.socketDrops.inc({ reason: 'slowReader' }),
  });
  watchSocketTraffic(io, metrics, Object.keys(CLIENT_EVENT_SCHEMAS));
  cities.onChange(() => hub.catalogChanged());
  attachAlarmCommands(io, () => current().alarms, http.log);
  const tickWatch = new TickWatch(config.tickMs);
  const webhooks = new SqliteWebhookStore(db);
  // The file's webhooks replace the file's of the last start (none when the setting is gone); the admin API's stay.
  webhooks.syncFile(config.webhooks?.webhooks ?? [], now());
  const pdfExport = new PdfExport(pdf);
  // An app closed without server.ts (tests that build it) still closes its browser.
  http.addHook('onClose', () => pdfExport.close());
  metrics.adopt(pdfExportMetrics(() => pdfExport.stats()));
  const app: CityApp = {
    http, io, cities, hub, db, auth, ingest, positions, metrics, tickWatch, webhooks, capIngest, pdfExport,
    get city() { return current().city; },
    get feed() { return current().feed; },
    get workOrders() { return current().workOrders; },
    get alarms() { return current().alarms; },
    get history() { return current().recorder; },
    issueOfficeAlerts: () => issueOfficeAlerts(current().stages, capIngest, http.log),
  };
  const canView = requirePermission(auth, 'view');
  const readiness = () =>
    readinessProblems({ storageWrite: () => storageWriteProblem(db), lastCommitFault: commits.lastFault, tick: () => tickWatch.problem(), mqtt: () => app.mqtt?.status() ?? MQTT_OFF });

  await http.register(
    systemRoutes({ version: VERSION, startedAt: now(), get feed() { return current().feed; }, hub, ticker: () => app.ticker, ingest: () => ingest.status(), mqtt: () => app.mqtt?.status() ?? MQTT_OFF, sensorThings: () => app.sensorThings?.status() ?? null, mapStyleUrl: config.mapStyleUrl, demo: config.demo, readiness, degraded: () => app.capFeeds?.problems() ?? [] }),
  );
  await http.register(metricsRoutes({ metrics, token: config.metricsToken }));
  await http.register(
    assetRoutes({
      get feed() { return current().feed; },
      get history() { return current().assetHistory; },
      authorize: canView,
      measured: async (kind, id, channel, from, to) => {
        const measure = measureOfChannel(kind, channel);
        return measure ? readings.series(kind, id, measure, from, to) : [];
      },
    }),
  );
  await http.register(simRoutes({ get simulation() { return current().stages.simulation; }, auth }));
  await http.register(rulesRoutes({ book: config.rules, authorize: canView }));
  // The hook sits in a wrapper scope so it guards the vitals and track routes and nothing registered after them.
  await http.register(async (scope) => {
    scope.addHook('onRequest', canView);
    await scope.register(vitalsRoutes({ get feed() { return current().feed; } }));
    await scope.register(trackRoutes({ get feed() { return current().feed; } }));
  });
  await http.register(authRoutes({ auth }));
  await http.register(kioskRoutes({ sessions: kioskSessions }));
  await http.register(
    summaryRoutes({
      source: { history: storage.history, get assets() { return current().stages.assets; }, get indicators() { return current().feed.indicators; } },
      guard: (p) => requirePermission(auth, p),
      tokenOf: credentialsOf,
      renderPdf: (req, signal) => pdfExport.render(req, signal),
      simNow: () => current().feed.currentVitals().t,
    }),
  );
  await http.register(ingestRoutes({ authorize: requirePermission(auth, 'reportReadings'), accept: (batch, source) => ingest.accept(batch, source), now }));
  // What the book records goes on the wall too, through the city in force (cap/capWarnings.ts).
  await http.register(capRoutes({ ingest: capIngest, authorizeIngest: requirePermission(auth, 'reportReadings'), authorizeView: canView }));
  await http.register(alarmRoutes({ get service() { return current().alarms; }, guard: (p) => requirePermission(auth, p), principalOf: (r) => r.principal! }));
  const reportCap = new OpenReportCap(config.openReportsPerKey, openReportsOf(db));
  await http.register(incidentRoutes({ get service() { return current().workOrders; }, guard: (p) => requirePermission(auth, p), principalOf: (r) => r.principal!, reportCap }));
  await http.register(
    open311Routes({
      get service() { return current().workOrders; },
      principalFor: (token) => auth.principalFor(token),
      requests: storage.incidents,
      basemapDatum: config.basemapDatum,
      get districts() { return current().stages.assets.districts; },
      reportCap,
    }),
    { prefix: '/open311/v2' },
  );
  await http.register(
    adminAssetRoutes({
      store: registry,
      geo,
      basemapDatum: config.basemapDatum,
      now,
      authorize: requirePermission(auth, 'administer'),
      catalogVersion: () => current().feed.catalog.version,
      apply: async () => (await cities.syncRegistry()).catalogVersion,
    }),
  );
  await http.register(webhookRoutes({ store: webhooks, now, authorize: requirePermission(auth, 'administer') }));
  await registerStaticApp(http, config.distDir);
  return app;
}
