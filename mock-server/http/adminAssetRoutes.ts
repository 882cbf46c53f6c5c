/**
 * The asset registry for admins: `POST /api/admin/assets` imports a GeoJSON FeatureCollection
 * (`?replace=true` to make the registry the file; `?datum=wgs84|gcj02`, else the file's `datum`
 * member, else WGS-84), all or nothing, and the running city takes it at once: it is rebuilt from
 * the registry under a new catalogue version, which every open screen is sent (runtime/cityHolder.ts);
 * the answer names the version in force and the one before. `GET /api/admin/assets/export` gives the
 * registry back as GeoJSON (`?datum=`, default WGS-84).
 */
import type { onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATUMS, type Datum } from '../assets/datum';
import { DomainError } from '../domainError';
import { exportRegistry, importRegistry } from '../assets/registryImport';
import type { CityGeo } from '../city/cityGeo';
import type { AssetStore } from '../storage/stores';
import { securityFor } from './openApiSecurity';

/** A city's registry can be tens of megabytes of GeoJSON (50,000 road segments are ~15 MB). */
export const MAX_REGISTRY_BYTES = 64 * 1024 * 1024;

export interface AdminAssetRouteDeps {
  store: AssetStore;
  geo: CityGeo;
  basemapDatum: Datum;
  now: () => number;
  /** The role check ('administer'): runs before both routes. */
  authorize: onRequestHookHandler;
  /** The catalogue version the running city publishes now. */
  catalogVersion(): string;
  /**
   * Makes the running city the registry's (runtime/cityHolder.ts) and answers the catalogue version in
   * force then. Throws when the city cannot be built from it (the rules file names an asset it no
   * longer has): the import is then undone.
   */
  apply(): Promise<string>;
}

const ImportQuerySchema = z.strictObject({
  replace: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  datum: z.enum(DATUMS).optional(),
});
const GeoJsonBody = z.string().meta({ description: 'A GeoJSON FeatureCollection of assets (RFC 7946; docs/ingest.md, "Asset registry"), up to 64 MiB; read as text so problems name their line' });
const ImportResultSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  revision: z.number().int(),
  digest: z.string(),
  datum: z.enum(DATUMS),
  catalogVersion: z.string(),
  previousCatalogVersion: z.string(),
});
const doc = { tags: ['admin'], security: securityFor('administer') };
const ExportQuerySchema = z.strictObject({ datum: z.enum(DATUMS).default('wgs84') });

export const adminAssetRoutes =
  (deps: AdminAssetRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', deps.authorize);
    // The body is checked as text (check-geojson reports lines), so JSON is not parsed before the route.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(['application/json', 'application/geo+json'], { parseAs: 'string', bodyLimit: MAX_REGISTRY_BYTES }, (_request, body, done) => done(null, body));
    // One import at a time: each reads the registry it lays the file onto.
    let last: Promise<unknown> = Promise.resolve();

    app.post('/api/admin/assets', { bodyLimit: MAX_REGISTRY_BYTES, schema: { ...doc, consumes: ['application/geo+json', 'application/json'], querystring: ImportQuerySchema, body: GeoJsonBody.optional(), response: { 200: ImportResultSchema } } }, async (request) => {
      const { replace, datum } = request.query;
      const run = async () => {
        const before = { records: await deps.store.list(), state: await deps.store.state(), catalogVersion: deps.catalogVersion() };
        const result = await importRegistry(deps.store, deps.geo, String(request.body ?? ''), { replace, datum, basemapDatum: deps.basemapDatum, now: deps.now });
        try {
          return { ...result, catalogVersion: await deps.apply(), previousCatalogVersion: before.catalogVersion };
        } catch (err) {
          // A registry the city cannot be built from would also stop the next start: put the old one back.
          if (!before.state) throw new DomainError('BAD_REQUEST', `the registry is changed, but the city cannot be built from it: ${(err as Error).message}`);
          await deps.store.replace(before.records, before.state);
          throw new DomainError('BAD_REQUEST', `the city cannot be built from this registry, so nothing was imported: ${(err as Error).message}`);
        }
      };
      const done = last.then(run, run);
      last = done.catch(() => undefined);
      return done;
    });

    app.get('/api/admin/assets/export', { schema: { ...doc, produces: ['application/geo+json'], querystring: ExportQuerySchema } }, async (request, reply) => {
      reply.type('application/geo+json');
      return JSON.stringify(await exportRegistry(deps.store, request.query.datum));
    });
  };
