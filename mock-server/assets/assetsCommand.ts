/**
 * `npm run assets -- import FILE.geojson [--replace] [--datum wgs84|gcj02]` and
 * `npm run assets -- export [FILE.geojson] [--datum wgs84|gcj02]`, on the registry of `--data-dir`
 * (default CITYOPS_DATA_DIR, else ./data). A server running on the same data directory notices an
 * import within REGISTRY_POLL_MS (server.ts) and takes it as one by the admin route.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadCityGeo } from '../city/cityGeo';
import { REGISTRY_POLL_MS } from '../runtime/registryPoll';
import { openDatabase } from '../storage/database';
import { SqliteAssetStore } from '../storage/sqliteAssets';
import { DATUMS } from './datum';
import { exportRegistry, importRegistry } from './registryImport';
import { RegistryImportError } from './registryImportError';

export const ASSETS_USAGE =
  'usage: npm run assets -- import FILE.geojson [--replace] [--datum wgs84|gcj02] [--data-dir DIR]\n' +
  '       npm run assets -- export [FILE.geojson] [--datum wgs84|gcj02] [--data-dir DIR]';

const Args = z.object({
  'data-dir': z.string().min(1),
  datum: z.enum(DATUMS).optional(),
  'basemap-datum': z.enum(DATUMS),
  replace: z.boolean(),
});

export interface CommandOutcome {
  /** 0 done, 1 refused (the file's problems), 2 bad usage. */
  code: number;
  /** What to print: the result, or why not. */
  lines: string[];
}

export async function assetsCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { replace: { type: 'boolean', default: false }, datum: { type: 'string' }, 'data-dir': { type: 'string' }, 'basemap-datum': { type: 'string' } },
    }));
  } catch (err) {
    return { code: 2, lines: [`assets: ${(err as Error).message}`, ASSETS_USAGE] };
  }
  const parsed = Args.safeParse({
    ...values,
    'data-dir': values['data-dir'] ?? (env.CITYOPS_DATA_DIR || './data'),
    'basemap-datum': values['basemap-datum'] ?? (env.CITYOPS_BASEMAP_DATUM || 'gcj02'),
  });
  const [command, file] = positionals;
  const fits = (command === 'import' && file !== undefined && positionals.length === 2) || (command === 'export' && positionals.length <= 2 && !values.replace);
  if (!parsed.success || !fits) {
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => `assets: --${String(i.path[0])}: ${i.message}`);
    return { code: 2, lines: [...problems, ASSETS_USAGE] };
  }
  const args = parsed.data;
  const db = openDatabase(args['data-dir']);
  try {
    const store = new SqliteAssetStore(db);
    if (command === 'export') {
      const text = JSON.stringify(await exportRegistry(store, args.datum));
      if (file) writeFileSync(file, text);
      return { code: 0, lines: file ? [`assets: exported the registry of ${args['data-dir']} to ${file} (${args.datum ?? 'wgs84'})`] : [text] };
    }
    const result = await importRegistry(store, loadCityGeo(), readFileSync(file, 'utf8'), { replace: args.replace, datum: args.datum, basemapDatum: args['basemap-datum'], now: Date.now });
    const counts = Object.entries(result.counts).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${n}`);
    return {
      code: 0,
      lines: [
        `assets: imported ${file} (${result.datum}): ${result.added} added, ${result.updated} updated, ${result.removed} removed; registry revision ${result.revision}`,
        `assets: the registry holds ${counts.join(', ') || 'nothing'}; a running server on this data directory takes it within ${REGISTRY_POLL_MS / 1000} s`,
      ],
    };
  } catch (err) {
    if (err instanceof RegistryImportError) return { code: 1, lines: [`assets: ${file}: ${err.message}`] };
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { code: 1, lines: [`assets: ${(err as Error).message}`] };
    throw err;
  } finally {
    db.close();
  }
}
