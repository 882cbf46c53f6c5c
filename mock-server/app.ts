/**
 * Builds the whole server from its parts: HTTP routes, the static app, the socket.io hub and the
 * live feed over the simulated city. It neither listens nor starts timers (see server.ts), so tests
 * can build it with any seed and clock.
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Server } from 'socket.io';
import { Decoder, Encoder } from 'socket.io-parser';
import type { Config } from './config';
import { loadCityGeo, type CityGeo } from './city/cityGeo';
import { AssetHistory } from './feed/assetHistory';
import { LiveFeed } from './feed/liveFeed';
import { assetRoutes } from './http/assetRoutes';
import { installErrorHandler } from './http/errors';
import { simRoutes } from './http/simRoutes';
import { registerStaticApp } from './http/staticApp';
import { systemRoutes } from './http/systemRoutes';
import { vitalsRoutes } from './http/vitalsRoutes';
import { attachHub, type CityServer, type Hub } from './realtime/hub';
import { createCitySimulation } from './simulator/citySimulation';
import type { Ticker } from './simulator/ticker';

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
  feed: LiveFeed;
  hub: Hub;
  /** Set by the boot code when it starts the one timer. */
  ticker?: Ticker;
}

export async function buildApp({ config, geo = loadCityGeo(), now = Date.now }: AppDeps): Promise<CityApp> {
  const http = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: MAX_HTTP_BODY_BYTES,
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  installErrorHandler(http);

  const startTime = config.start ?? Math.floor(now() / 1000) * 1000;
  const sim = createCitySimulation(geo, { seed: config.seed, startTime, scenario: config.scenario, roadGridKm: config.roadGridKm });
  const history = AssetHistory.forAssets(sim.assets);
  const feed = new LiveFeed(sim, { tickMs: config.tickMs, speed: config.speed, now, history });

  const io: CityServer = new Server(http.server, {
    serveClient: false,
    // Compression costs more CPU than it saves on binary frames (../shared/PERFORMANCE.md).
    perMessageDeflate: false,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    parser: { Encoder, Decoder: CommandDecoder },
    // A socket that opens the transport but never joins a namespace is dropped after this.
    connectTimeout: 10_000,
  });
  const hub = attachHub(io, feed, http.log);
  const app: CityApp = { http, io, feed, hub };

  await http.register(
    systemRoutes({ version: VERSION, startedAt: now(), feed, hub, ticker: () => app.ticker, mapStyleUrl: config.mapStyleUrl }),
  );
  await http.register(assetRoutes({ feed, history }));
  await http.register(simRoutes({ feed, adminToken: config.adminToken }));
  await http.register(vitalsRoutes({ feed }));
  await registerStaticApp(http, config.distDir);
  return app;
}
