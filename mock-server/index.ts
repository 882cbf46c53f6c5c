/** Boot: read the configuration, start the server, stop cleanly on SIGINT/SIGTERM. */
import { StartupError } from './auth/bootstrapAccounts';
import { demoExposure, demoWarning } from './auth/demoExposure';
import { ConfigError, loadConfig } from './config';
import { RulesFileError } from './rules/ruleBook';
import { DataDirInUseError } from './storage/dataDirLock';
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
  let server;
  try {
    server = await startServer({ config });
  } catch (err) {
    // A refused start (accounts, passwords, a rule naming an asset the city lacks, a data directory in use) is the operator's to fix: a plain message, no stack.
    if (err instanceof StartupError || err instanceof RulesFileError || err instanceof DataDirInUseError) {
      console.error(`cityops: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // Asked for explicitly (config.ts refuses it otherwise): said loudly, before the line that the server is up.
  if (demoExposure(config) === 'warned') server.http.log.warn({ host: config.host }, demoWarning(config.host));
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
