/**
 * Server configuration from environment variables, overridden by command-line flags.
 * Every value is validated; a bad value stops the server with a message naming the setting.
 */
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DATUMS } from './assets/datum';
import { demoExposure, demoRefusal } from './auth/demoExposure';
import { SCALE_NAMES } from './city/scaleProfiles';
import { defaultRuleBook, loadRuleBook, RulesFileError, type RuleBook } from './rules/ruleBook';
import { RAIN_SCENARIO_IDS } from './simulator/scenarios/rainScenarios';
import { loadSensorThingsMap, SensorThingsMapError, type SensorThingsMap } from './sensorthings/sensorThingsMap';
import { loadWebhooksFile, WebhooksFileError } from './webhooks/webhooksFile';
import type { WebhooksFile } from './webhooks/webhookSchemas';

export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  seed: z.coerce.number().int().default(20260701),
  speed: z.coerce.number().positive().max(3600).default(1),
  tickMs: z.coerce.number().int().min(50).max(60_000).default(1000),
  scenario: z.enum(RAIN_SCENARIO_IDS as [string, ...string[]]).default('showers'),
  /** `shanghai` (the brief's counts) or `stress` (~50,000 road segments and 240,000 live elevators on top). */
  scale: z.enum(SCALE_NAMES).default('shanghai'),
  /** Road grid spacing, km, overriding the scale profile's: 1 gives ~3,900 segments, 0.26 about 50,000. */
  roadGridKm: z.coerce.number().min(0.2).max(5).optional(),
  /** Simulated start time; default: now, to the second. */
  start: z.iso
    .datetime({ offset: true })
    .transform((s) => Date.parse(s))
    .optional(),
  /** A MapLibre style URL to use instead of the embedded offline basemap. */
  mapStyleUrl: z.url().optional(),
  /**
   * The datum the map is drawn in, and so the one the server keeps positions in (assets/datum.ts):
   * `gcj02` for the embedded Shanghai shapes and Chinese web maps (the default), `wgs84` for a
   * WGS-84 style such as OpenStreetMap's.
   */
  basemapDatum: z.enum(DATUMS).default('gcj02'),
  distDir: z.string().default('dist'),
  /** Where the SQLite database lives (`:memory:` for a throwaway one, in tests). */
  dataDir: z.string().min(1).default('./data'),
  /**
   * Demo mode: demo accounts with published passwords, and the wall screen open without a login.
   * Outside demo mode every page needs a login or a kiosk link, and default passwords are refused.
   */
  demo: z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes').default(false),
  /** Demo mode on a non-loopback host: refused unless this says yes (auth/demoExposure.ts). */
  demoOnNetwork: z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes').default(false),
  /** The first admin's password, outside demo mode, when there are no users yet. */
  adminPassword: z.string().min(12, 'use at least 12 characters').optional(),
  /**
   * Behind a reverse proxy: which proxies to believe about the client's address (X-Forwarded-For), as
   * fastify's `trustProxy` takes it: `true` (any), a hop count, or addresses/CIDRs (and `loopback`,
   * `linklocal`, `uniquelocal`), comma-separated. Off by default: the header is anyone's to forge.
   */
  trustProxy: z.string().default('false').transform(readTrustProxy),
  /** Browser origins allowed to open the socket and call the API, besides the server's own (comma-separated). */
  allowedOrigins: z
    .string()
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url()))
    .default([]),
  /** Keys of other city systems that may report incidents, as `name:key,name:key` (keys of 24+ characters). */
  integrationKeys: z
    .string()
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean).map((p) => ({ name: p.slice(0, p.indexOf(':')), key: p.slice(p.indexOf(':') + 1) })))
    .pipe(z.array(z.object({ name: z.string().min(1, 'each key needs a name: name:key'), key: z.string().min(24, 'use keys of at least 24 characters') })))
    .default([]),
  /**
   * Requests a minute each signed-in user or integration key (else each address) may make to the
   * HTTP command routes (http/rateLimits.ts): incident and alarm commands, Open311 requests and the
   * simulation's controls; past it, 429 with Retry-After.
   */
  rateLimitCommands: z.coerce.number().int().min(1).default(120),
  /** The same for readings and CAP alerts in (POST /api/ingest/*): systems send batches often. */
  rateLimitIngest: z.coerce.number().int().min(1).default(1200),
  /** The same for the admin routes (users, kiosk links, webhooks, the asset registry). */
  rateLimitAdmin: z.coerce.number().int().min(1).default(60),
  /** Incidents one integration key (or Open311 caller) may have open at once; past it, new reports are refused until some close. */
  openReportsPerKey: z.coerce.number().int().min(1).default(200),
  /**
   * The simulated duty desk dispatches and closes what no officer has touched within a few minutes,
   * so an unattended demo city keeps moving. Default: on in demo mode, off otherwise.
   */
  autopilot: z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes').optional(),
  /**
   * The simulator plays the city (on, the default). Off, the city is only what comes in (HTTP, MQTT,
   * replays): the same assets, silent until their readings arrive, on the wall clock (speed is ignored).
   */
  simulator: z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'on' || v === 'true' || v === '1' || v === 'yes').default(true),
  /**
   * The embedded MQTT broker's port (docs/ingest.md, "MQTT"), or `off`. Unset: off, except in demo
   * mode, where it listens on MQTT's own port (DEMO_MQTT_PORT) if that is free.
   */
  mqttPort: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      if (s === 'off') return null;
      const port = Number(s);
      if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
      ctx.addIssue({ code: 'custom', message: `a port (0–65535) or "off", not ${JSON.stringify(s)}` });
      return z.NEVER;
    }),
  /** A city's own MQTT broker to read `cityops/v1/#` from (mqtt://, mqtts://, ws://, wss://; credentials in the URL). */
  mqttUrl: z.url({ protocol: /^(mqtts?|wss?)$/, error: 'an MQTT broker URL such as mqtt://user:password@host:1883' }).optional(),
  /** A city's OGC SensorThings server (FROST) to poll, its service root (docs/ingest.md, "SensorThings"). */
  sensorThingsUrl: z.url({ protocol: /^https?$/, error: 'a SensorThings service root such as http://frost:8080/FROST-Server/v1.1' }).optional(),
  /** Which Datastream feeds which asset's measure: a CSV map's path, read and checked here. */
  sensorThingsMap: z.string().min(1).optional().transform(readSensorThingsMap),
  /** Seconds between polls of the SensorThings server. */
  sensorThingsEvery: z.coerce.number().min(1).max(86_400).default(60),
  /**
   * Where polling starts for a Datastream never polled before: an ISO 8601 time with its zone, or a
   * look-back from the start (`30m`, `1h`, `7d`). Later starts continue from the stored cursor.
   */
  sensorThingsSince: z.string().default('1h').transform(readSince),
  /** CAP feeds to poll for weather warnings (docs/ingest.md, "CAP feeds"): Atom or RSS URLs, comma-separated, http or https. */
  capFeeds: z
    .string()
    .transform((s) => s.split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each CAP feed is an http or https URL' })))
    .default([]),
  /** Seconds between polls of the CAP feeds. */
  capFeedsEvery: z.coerce.number().min(1).max(86_400).default(60),
  /** The bearer token Prometheus sends to read /metrics; unset, /metrics answers only on loopback (ops/metricsAccess.ts). */
  metricsToken: z.string().min(24, 'use a token of at least 24 characters').optional(),
  /** Sockets open at once from one client address (a wall and its consoles behind one NAT share it). */
  socketMaxPerAddress: z.coerce.number().int().min(1).default(50),
  /** Sockets open at once for one user account or integration key. */
  socketMaxPerAccount: z.coerce.number().int().min(1).default(20),
  /** Sockets open at once for one kiosk link (a wall of several screens), or for demo mode's anonymous viewers together. */
  socketMaxPerKiosk: z.coerce.number().int().min(1).default(50),
  /** Seconds a socket may go without taking a frame (it stopped reading) before it is dropped. */
  socketStallSeconds: z.coerce.number().min(1).max(3600).default(30),
  /** Megabytes a socket may have waiting to be written before it is dropped as a slow reader. */
  socketMaxQueuedMb: z.coerce.number().min(1).max(4096).default(64),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The alarm rules: a rules file's path (YAML or JSON, docs/ingest.md), read and checked here; default the built-in rules. */
  rules: z.string().min(1).optional().transform(readRules),
  /** The outbound webhooks file (YAML or JSON, docs/api.md "Webhooks"), read and checked here; unset, only the admin API adds webhooks. */
  webhooks: z.string().min(1).optional().transform(readWebhooks),
});

/** A bad rules file is a bad setting: one issue per problem, each naming the file's line and field. */
function readRules(path: string | undefined, ctx: z.RefinementCtx): RuleBook {
  try {
    return path === undefined ? defaultRuleBook() : loadRuleBook(path);
  } catch (err) {
    if (!(err instanceof RulesFileError)) throw err;
    for (const problem of err.problems) ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
}

/** A bad webhooks file is a bad setting: one issue per problem, each naming the file's line and field. */
function readWebhooks(path: string | undefined, ctx: z.RefinementCtx): WebhooksFile | undefined {
  if (path === undefined) return undefined;
  try {
    return loadWebhooksFile(path);
  } catch (err) {
    if (!(err instanceof WebhooksFileError)) throw err;
    for (const problem of err.problems) ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
}

/** A SensorThings map file with problems is a bad setting: one issue per problem, each naming the line. */
function readSensorThingsMap(path: string | undefined, ctx: z.RefinementCtx): SensorThingsMap | undefined {
  if (path === undefined) return undefined;
  try {
    return loadSensorThingsMap(path);
  } catch (err) {
    if (!(err instanceof SensorThingsMapError)) throw err;
    for (const problem of err.problems) ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `trustProxy`: false, true, a hop count, or a list of proxy addresses, CIDRs and proxy-addr's names. */
function readTrustProxy(text: string, ctx: z.RefinementCtx): boolean | string[] | ((address: string, hop: number) => boolean) {
  const t = text.trim().toLowerCase();
  if (['false', 'no', 'off', '0'].includes(t)) return false;
  if (['true', 'yes', 'on'].includes(t)) return true;
  // A hop count as the function fastify makes of one (its types leave numbers out): trust the nearest n.
  if (/^\d+$/.test(t)) {
    const hops = Number(t);
    return (_address: string, hop: number) => hop < hops;
  }
  const entries = t.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !PROXY_NAMES.has(e) && !isAddressOrCidr(e));
  if (entries.length > 0 && bad.length === 0) return entries;
  ctx.addIssue({ code: 'custom', message: `true, false, a hop count, or proxy addresses/CIDRs (comma-separated), not ${JSON.stringify(text)}` });
  return z.NEVER;
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const LOOK_BACK = /^(\d+(?:\.\d+)?)(m|h|d)$/;
const LOOK_BACK_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `sensorThingsSince`: a fixed time, or a look-back taken from the clock when polling starts. */
function readSince(text: string, ctx: z.RefinementCtx): { at: number } | { agoMs: number } {
  const back = LOOK_BACK.exec(text);
  if (back) return { agoMs: Number(back[1]) * LOOK_BACK_MS[back[2] as keyof typeof LOOK_BACK_MS] };
  if (z.iso.datetime({ offset: true }).safeParse(text).success) return { at: Date.parse(text) };
  ctx.addIssue({ code: 'custom', message: `an ISO 8601 time with its zone (2026-07-01T00:00:00+08:00) or a look-back such as 30m, 1h or 7d, not ${JSON.stringify(text)}` });
  return z.NEVER;
}

export type Config = z.infer<typeof ConfigSchema> & {
  scenario: (typeof RAIN_SCENARIO_IDS)[number];
  /** The broker's port is demo mode's default, not asked for: if it is taken, the server runs without the broker. */
  mqttPortFromDemo?: boolean;
};

/** MQTT's own port, where demo mode starts the embedded broker unless CITYOPS_MQTT_PORT says otherwise. */
export const DEMO_MQTT_PORT = 1883;

/** Setting name → [environment variable, flag]. */
const SOURCES = {
  port: ['PORT', 'port'],
  host: ['HOST', 'host'],
  seed: ['CITYOPS_SEED', 'seed'],
  speed: ['CITYOPS_SPEED', 'speed'],
  tickMs: ['CITYOPS_TICK_MS', 'tick-ms'],
  scenario: ['CITYOPS_SCENARIO', 'scenario'],
  scale: ['CITYOPS_SCALE', 'scale'],
  roadGridKm: ['CITYOPS_ROAD_GRID_KM', 'road-grid-km'],
  start: ['CITYOPS_START', 'start'],
  mapStyleUrl: ['CITYOPS_MAP_STYLE_URL', 'map-style-url'],
  basemapDatum: ['CITYOPS_BASEMAP_DATUM', 'basemap-datum'],
  distDir: ['CITYOPS_DIST_DIR', 'dist-dir'],
  dataDir: ['CITYOPS_DATA_DIR', 'data-dir'],
  demo: ['CITYOPS_DEMO', 'demo'],
  demoOnNetwork: ['CITYOPS_DEMO_ON_NETWORK', 'demo-on-network'],
  adminPassword: ['CITYOPS_ADMIN_PASSWORD', 'admin-password'],
  trustProxy: ['CITYOPS_TRUST_PROXY', 'trust-proxy'],
  allowedOrigins: ['CITYOPS_ALLOWED_ORIGINS', 'allowed-origins'],
  integrationKeys: ['CITYOPS_INTEGRATION_KEYS', 'integration-keys'],
  rateLimitCommands: ['CITYOPS_RATE_LIMIT_COMMANDS', 'rate-limit-commands'],
  rateLimitIngest: ['CITYOPS_RATE_LIMIT_INGEST', 'rate-limit-ingest'],
  rateLimitAdmin: ['CITYOPS_RATE_LIMIT_ADMIN', 'rate-limit-admin'],
  openReportsPerKey: ['CITYOPS_OPEN_REPORTS_PER_KEY', 'open-reports-per-key'],
  autopilot: ['CITYOPS_AUTOPILOT', 'autopilot'],
  simulator: ['CITYOPS_SIMULATOR', 'simulator'],
  mqttPort: ['CITYOPS_MQTT_PORT', 'mqtt-port'],
  mqttUrl: ['CITYOPS_MQTT_URL', 'mqtt-url'],
  sensorThingsUrl: ['CITYOPS_SENSORTHINGS_URL', 'sensorthings-url'],
  sensorThingsMap: ['CITYOPS_SENSORTHINGS_MAP', 'sensorthings-map'],
  sensorThingsEvery: ['CITYOPS_SENSORTHINGS_EVERY', 'sensorthings-every'],
  sensorThingsSince: ['CITYOPS_SENSORTHINGS_SINCE', 'sensorthings-since'],
  capFeeds: ['CITYOPS_CAP_FEEDS', 'cap-feeds'],
  capFeedsEvery: ['CITYOPS_CAP_FEEDS_EVERY', 'cap-feeds-every'],
  metricsToken: ['CITYOPS_METRICS_TOKEN', 'metrics-token'],
  socketMaxPerAddress: ['CITYOPS_SOCKET_MAX_PER_ADDRESS', 'socket-max-per-address'],
  socketMaxPerAccount: ['CITYOPS_SOCKET_MAX_PER_ACCOUNT', 'socket-max-per-account'],
  socketMaxPerKiosk: ['CITYOPS_SOCKET_MAX_PER_KIOSK', 'socket-max-per-kiosk'],
  socketStallSeconds: ['CITYOPS_SOCKET_STALL_SECONDS', 'socket-stall-seconds'],
  socketMaxQueuedMb: ['CITYOPS_SOCKET_MAX_QUEUED_MB', 'socket-max-queued-mb'],
  logLevel: ['LOG_LEVEL', 'log-level'],
  rules: ['CITYOPS_RULES_FILE', 'rules-file'],
  webhooks: ['CITYOPS_WEBHOOKS_FILE', 'webhooks-file'],
} as const satisfies Record<keyof z.input<typeof ConfigSchema>, readonly [string, string]>;

export class ConfigError extends Error {}

/** `--demo-on-network` alone (no value after it, as the refusal suggests) means yes. */
function bareDemoOnNetwork(arg: string, i: number, argv: string[]): string {
  const next = argv[i + 1];
  return arg === '--demo-on-network' && (next === undefined || next.startsWith('--')) ? '--demo-on-network=yes' : arg;
}

export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  const { values } = parseArgs({
    args: argv.map(bareDemoOnNetwork),
    options: Object.fromEntries(Object.values(SOURCES).map(([, flag]) => [flag, { type: 'string' as const }])),
    strict: true,
  });
  const raw: Record<string, string | undefined> = {};
  for (const [key, [envName, flag]] of Object.entries(SOURCES)) {
    const value = (values[flag] as string | undefined) ?? env[envName];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const key = i.path[0] as keyof typeof SOURCES;
      const [envName, flag] = SOURCES[key] ?? ['?', '?'];
      return `${envName} / --${flag}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = parsed.data as Config;
  if ((config.sensorThingsUrl === undefined) !== (config.sensorThingsMap === undefined)) {
    throw new ConfigError(
      `invalid configuration:\n  CITYOPS_SENSORTHINGS_URL / --sensorthings-url and CITYOPS_SENSORTHINGS_MAP / --sensorthings-map go together: the server to poll and which of its Datastreams feed which assets`,
    );
  }
  if (demoExposure(config) === 'refused') throw new ConfigError(`invalid configuration:\n  ${demoRefusal(config.host)}`);
  if (config.mqttPort === undefined && config.demo) return { ...config, mqttPort: DEMO_MQTT_PORT, mqttPortFromDemo: true };
  return config;
}
