/** Starts the real server on a free loopback port with a fixed seed and fast ticks. */
import { ConfigSchema, type Config } from '../../mock-server/config';
import type { AppDeps } from '../../mock-server/app';
import { startServer, type RunningServer } from '../../mock-server/server';

/** `deps`: the app's other parts (a fixed clock, a route watcher). */
export async function startTestServer(overrides: Partial<Config> = {}, deps: Omit<AppDeps, 'config'> = {}): Promise<RunningServer> {
  const config = {
    ...ConfigSchema.parse({}),
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    seed: 20260701,
    tickMs: 100,
    speed: 60,
    start: Date.parse('2026-07-15T14:00:00+08:00'),
    // Demo mode (socket tests connect without a token, as an anonymous operator) on a throwaway database.
    demo: true,
    dataDir: ':memory:',
    ...overrides,
  } as Config;
  return startServer({ ...deps, config });
}
