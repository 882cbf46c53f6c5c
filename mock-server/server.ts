/** Starts a built app: listens, starts the simulation timer, and knows how to stop cleanly. */
import type { AddressInfo } from 'node:net';
import { buildApp, type AppDeps, type CityApp } from './app';
import { startMqttBrokers } from './mqtt/mqttBrokers';
import { watchRegistry } from './runtime/registryPoll';
import { recordedTick } from './pipeline/recordedTick';
import { startSensorThings } from './sensorthings/startSensorThings';
import { startCapFeeds } from './cap/startCapFeeds';
import { SqliteSensorThingsCursorStore } from './storage/sqliteSensorThingsCursors';
import { startTicker } from './simulator/ticker';
import { DEFAULT_DELIVERY, startDeliveryWorker } from './webhooks/deliveryWorker';
import { lockDataDir } from './storage/dataDirLock';
import { syncClosureNotices } from './webhooks/syncClosureNotices';

export interface RunningServer extends CityApp {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(deps: AppDeps): Promise<RunningServer> {
  // Before the database opens: a second server on the same directory stops here, naming the first (issue 17).
  const lock = deps.config.dataDir === ':memory:' ? null : lockDataDir(deps.config.dataDir);
  let app: CityApp;
  try {
    app = await buildApp(deps);
    await app.http.listen({ port: deps.config.port, host: deps.config.host });
  } catch (err) {
    lock?.release();
    throw err;
  }
  if (lock?.takenOverFrom) {
    const { pid, startedAt } = lock.takenOverFrom;
    app.http.log.warn({ dataDir: deps.config.dataDir, stalePid: pid }, `took over the stale lock of pid ${pid} (started ${startedAt}), which no longer runs: it stopped without closing`);
  }
  const { port } = app.http.server.address() as AddressInfo;
  // After the HTTP server, so a port in use stops the start before any broker runs; closed before the database.
  app.mqtt = await startMqttBrokers({
    config: deps.config,
    readings: app.ingest,
    positions: app.positions,
    integrationOf: async (key) => {
      const principal = await app.auth.principalFor(key);
      return principal?.kind === 'integration' ? principal.name : null;
    },
    now: deps.now ?? Date.now,
    log: app.http.log,
  }).catch(async (err) => {
    await new Promise<void>((done) => app.io.close(() => done()));
    app.db.close();
    throw err;
  });
  // The SensorThings poller (null when none is configured) feeds the same gate; stopped before the database closes.
  app.sensorThings = await startSensorThings({
    config: deps.config,
    readings: app.ingest,
    cursors: new SqliteSensorThingsCursorStore(app.db),
    now: deps.now ?? Date.now,
    log: app.http.log,
  });
  // The CAP feeds (none unless CITYOPS_CAP_FEEDS names some) go through the same ingest as POST /api/ingest/cap; stopped before the database closes.
  app.capFeeds = startCapFeeds({ config: deps.config, ingest: app.capIngest, log: app.http.log, now: deps.now ?? Date.now, counted: (feed, result) => app.metrics.capFeedPolls.inc({ feed, result }) });
  app.ticker = startTicker(
    deps.config.tickMs,
    () => {
      // The tick goes ahead of queued commands, so a flood of them never starves the wall (issue 17);
      // one still waiting or running means this one is skipped: the next catches up in simulated time.
      if (app.workOrders.queue.pendingFirst > 0) return;
      void app.workOrders.queue
        .runFirst(async () => {
          const stopTimer = app.metrics.tickSeconds.startTimer();
          // What the outbox now says of the closure notices goes out in this tick's frame.
          syncClosureNotices(app.webhooks, app.city.stages);
          // The alarms' and the city's own incident changes are on disk before any client sees them.
          const delta = await recordedTick(app.city, app.workOrders, app.history, app.alarms);
          // The weather office's CAP alerts of this tick go through the CAP ingest; their warnings show in the next frame.
          await app.issueOfficeAlerts();
          stopTimer();
          app.tickWatch.ticked();
          // A turn of the event loop between the simulation and the fan-out, so neither adds to the
          // other's hold on the loop (requests keep being read; commands still queue behind this).
          await new Promise((resolve) => setImmediate(resolve));
          app.hub.publish(delta);
        })
        .catch((err) => app.http.log.error({ err }, 'simulation tick failed'));
    },
    (err) => app.http.log.error({ err }, 'simulation tick failed'),
  );
  app.tickWatch.started();
  // The outbox is sent from here on, including what a previous run left undelivered.
  const retry = deps.config.webhooks?.retry;
  app.webhookDelivery = startDeliveryWorker(app.webhooks, app.http.log, { ...DEFAULT_DELIVERY, ...(retry && { retryBaseMs: retry.baseMs, retryMaxMs: retry.maxMs }) });
  const stopRegistryWatch = watchRegistry(app.cities, app.http.log);
  const host = deps.config.host === '0.0.0.0' || deps.config.host === '::' ? 'localhost' : deps.config.host;
  // Onto the app itself, not a copy: its city, feed and services are getters onto the city in force.
  return Object.assign(app, {
    port,
    url: `http://${host}:${port}`,
    async close() {
      stopRegistryWatch();
      app.ticker?.stop();
      // Before the HTTP server: a render in progress would hold its request, and the close, open.
      await app.pdfExport.close();
      await app.webhookDelivery?.stop();
      await app.sensorThings?.stop();
      await app.capFeeds?.stop();
      await app.mqtt?.close();
      // io.close() also closes the HTTP server it is attached to; fastify's close then finishes hooks.
      await new Promise<void>((done) => app.io.close(() => done()));
      await app.http.close().catch(() => undefined);
      // Last: nothing can write after the HTTP server and sockets are closed.
      app.db.close();
      lock?.release();
    },
  });
}
