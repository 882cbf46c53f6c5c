/** Boot: read the configuration, start the server, stop cleanly on SIGINT/SIGTERM. */
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`cityops: ${(err as Error).message}`);
      process.exit(2);
    }
    throw err;
  }
  const server = await startServer({ config });
  server.http.log.info(
    { url: server.url, seed: config.seed, speed: config.speed, scenario: config.scenario },
    `CityOps is up at ${server.url}`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.http.log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error('cityops: failed to start:', err);
  process.exit(1);
});
