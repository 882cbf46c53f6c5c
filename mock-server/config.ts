/**
 * Server configuration from environment variables, overridden by command-line flags.
 * Every value is validated; a bad value stops the server with a message naming the setting.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { RAIN_SCENARIO_IDS } from './simulator/scenarios/rainScenarios';

export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  seed: z.coerce.number().int().default(20260701),
  speed: z.coerce.number().positive().max(3600).default(1),
  tickMs: z.coerce.number().int().min(50).max(60_000).default(1000),
  scenario: z.enum(RAIN_SCENARIO_IDS as [string, ...string[]]).default('showers'),
  /** Road grid spacing, km: 1 gives ~3,900 segments; 0.25 about 50,000 (a load-test city). */
  roadGridKm: z.coerce.number().min(0.2).max(5).default(1),
  /** Simulated start time; default: now, to the second. */
  start: z.iso
    .datetime({ offset: true })
    .transform((s) => Date.parse(s))
    .optional(),
  /** A MapLibre style URL to use instead of the embedded offline basemap. */
  mapStyleUrl: z.url().optional(),
  distDir: z.string().default('dist'),
  /** Lets an admin switch the weather at run time (PUT /api/sim/scenario); unset: switching is off. */
  adminToken: z.string().min(16, 'use at least 16 characters').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema> & { scenario: (typeof RAIN_SCENARIO_IDS)[number] };

/** Setting name → [environment variable, flag]. */
const SOURCES = {
  port: ['PORT', 'port'],
  host: ['HOST', 'host'],
  seed: ['CITYOPS_SEED', 'seed'],
  speed: ['CITYOPS_SPEED', 'speed'],
  tickMs: ['CITYOPS_TICK_MS', 'tick-ms'],
  scenario: ['CITYOPS_SCENARIO', 'scenario'],
  roadGridKm: ['CITYOPS_ROAD_GRID_KM', 'road-grid-km'],
  start: ['CITYOPS_START', 'start'],
  mapStyleUrl: ['CITYOPS_MAP_STYLE_URL', 'map-style-url'],
  distDir: ['CITYOPS_DIST_DIR', 'dist-dir'],
  adminToken: ['CITYOPS_ADMIN_TOKEN', 'admin-token'],
  logLevel: ['LOG_LEVEL', 'log-level'],
} as const satisfies Record<keyof z.input<typeof ConfigSchema>, readonly [string, string]>;

export class ConfigError extends Error {}

export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  const { values } = parseArgs({
    args: argv,
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
  return parsed.data as Config;
}
