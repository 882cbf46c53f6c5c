/**
 * The asset registry for admins: `POST /api/admin/assets` imports a GeoJSON FeatureCollection
 * (`?replace=true` to make the registry the file; `?datum=wgs84|gcj02`, else the file's `datum`
 * member, else WGS-84), all or nothing, answering what changed; `GET /api/admin/assets/export` gives
 * the registry back as GeoJSON (`?datum=`, default WGS-84). The running city keeps the catalogue it
 * started with: an import takes effect at the next start, whose catalogue carries a new version (the
 * answer names it), so open screens refetch it when they reconnect.
 */
import type { onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATUMS, type Datum } from '../assets/datum';
import { exportRegistry, importRegistry } from '../assets/registryImport';
import type { CityGeo } from '../city/cityGeo';
import type { AssetStore } from '../storage/stores';

/** A city's registry can be tens of megabytes of GeoJSON (50,000 road segments are ~15 MB). */
export const MAX_REGISTRY_BYTES = 64 * 1024 * 1024;

export interface AdminAssetRouteDeps {
  store: AssetStore;
  geo: CityGeo;
  basemapDatum: Datum;
  now: () => number;
  /** The role check ('administer'): runs before both routes. */
  authorize: onRequestHookHandler;
  /** The catalogue version the running city publishes, and the one the registry gives at the next start. */
  catalogVersions(): Promise<{ current: string; next: string }>;
}

const ImportQuerySchema = z.strictObject({
  replace: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  datum: z.enum(DATUMS).optional(),
});
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

    app.post('/api/admin/assets', { bodyLimit: MAX_REGISTRY_BYTES, schema: { querystring: ImportQuerySchema } }, async (request) => {
      const { replace, datum } = request.query;
      const run = () => importRegistry(deps.store, deps.geo, String(request.body ?? ''), { replace, datum, basemapDatum: deps.basemapDatum, now: deps.now });
      const done = last.then(run, run);
      last = done.catch(() => undefined);
      const result = await done;
      const versions = await deps.catalogVersions();
      return {
        ...result,
        catalogVersion: versions.next,
        runningCatalogVersion: versions.current,
        appliesAt: 'next start',
        message: 'the registry is changed; the running city keeps its catalogue until the server restarts',
      };
    });

    app.get('/api/admin/assets/export', { schema: { querystring: ExportQuerySchema } }, async (request, reply) => {
      reply.type('application/geo+json');
      return JSON.stringify(await exportRegistry(deps.store, request.query.datum));
    });
  };
