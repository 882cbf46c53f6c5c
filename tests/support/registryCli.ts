/** The assets CLI as an operator runs it, for integration tests that start from a city's own registry. */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/** Imports a city's GeoJSON into `dataDir`'s registry (`npm run assets -- import FILE --replace`). */
export function importRegistryWithCli(geojsonFile: string, dataDir: string): void {
  const imported = spawnSync(process.execPath, ['--import', 'tsx', 'mock-server/assets/assetsCli.ts', 'import', geojsonFile, '--replace', '--data-dir', dataDir], { encoding: 'utf8' });
  expect(imported.status, imported.stderr + imported.stdout).toBe(0);
}
