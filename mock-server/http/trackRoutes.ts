/**
 * `GET /api/tracks/muckTruck`: the muck trucks' recent tracks as the server keeps them (the last 64
 * positions 150 m apart per truck, src/domain/trackRing.ts), so a wall screen that opens draws them at
 * once instead of growing them from the frames. Binary columns as base64: slot i's points are
 * `starts[i]` to `starts[i + 1]` (Uint32, count + 1) of `coords` (Float32 lon, lat pairs, basemap
 * datum), oldest first — about 250 KB for 360 full tracks, against twice that as JSON numbers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LiveFeed } from '../feed/liveFeed';
import { securityFor } from './openApiSecurity';

export interface TrackRouteDeps {
  feed: Pick<LiveFeed, 'truckTracks' | 'catalog'>;
}

const base64 = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');

const TracksSchema = z.object({
  kind: z.literal('muckTruck'),
  /** The catalogue the slots belong to. */
  catalogVersion: z.string(),
  points: z.number().int(),
  spacingM: z.number(),
  starts: z.string(),
  coords: z.string(),
});
export type TracksResponse = z.infer<typeof TracksSchema>;

export function trackRoutes(deps: TrackRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/tracks/muckTruck', { schema: { tags: ['city'], security: securityFor('view'), response: { 200: TracksSchema } } }, async () => {
      const ring = deps.feed.truckTracks;
      const { starts, coords } = ring.paths();
      return { kind: 'muckTruck' as const, catalogVersion: deps.feed.catalog.version, points: ring.capacity, spacingM: ring.spacingM, starts: base64(starts), coords: base64(coords) };
    });
  };
}
