/**
 * `POST /api/ingest/readings`: another city system sends sensor readings with its integration key.
 * The body is a SenML pack (RFC 8428: a JSON array, `application/senml+json` or `application/json`)
 * or `{"readings": [{"kind", "id", "measure"?, "t", "v"}]}`. The answer says per reading what
 * became of it — `{accepted, duplicates, rejected: [{index, reason}]}` — so one bad reading does not
 * sink the batch; a body that is not JSON, or neither shape, is a 400; above the body limit, a 413.
 * Readings are durable when the answer is sent (ingest/ingestGate.ts). Documented in docs/ingest.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../src/protocol/auth';
import type { AuthHook } from '../auth/httpAuth';
import { DomainError } from '../domainError';
import type { IngestVerdict, ParsedReading } from '../ingest/incomingReading';
import { parseReadingBatch } from '../ingest/readingPayload';
import { parseSenmlPack } from '../ingest/senmlPack';
import { securityFor } from './openApiSecurity';

/** A batch is at most this big on the wire (the app's default limit is for small commands). */
export const INGEST_BODY_LIMIT_BYTES = 1024 * 1024;

export interface IngestRouteDeps {
  authorize: AuthHook;
  accept(batch: readonly ParsedReading[], source: string): Promise<IngestVerdict>;
  /** Epoch ms that a SenML pack's relative times count from. */
  now: () => number;
}

/**
 * The body's envelope only: each entry is checked on its own by the parsers, so that one bad reading
 * is refused at its index and the rest are taken (a schema of the entries would refuse the batch).
 */
const ReadingsBody = z.union(
  [
    z.array(z.unknown().meta({ description: 'A SenML record (RFC 8428): bn, bt, bu, bv, n, u, v, vs, vb, t, …; names resolve to <kind>/<id>/<measure>' })).meta({ title: 'SenML pack' }),
    z.looseObject({
      readings: z.array(z.unknown().meta({ description: '{kind, id, measure?, t (ISO 8601 or epoch ms), v}' })),
    }).meta({ title: 'Reading batch' }),
  ],
  { error: () => 'send a SenML pack (a JSON array of records) or {"readings": [{"kind", "id", "t", "v"}]}' },
);

const VerdictSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});

/** The name readings are counted under: the integration's, or the person trying the route. */
const sourceOf = (p: Principal | undefined) => (p?.kind === 'integration' ? p.name : p?.kind === 'user' ? `user:${p.username}` : 'unknown');

export const ingestRoutes =
  (deps: IngestRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // SenML's own media type is JSON too; read it as such in this scope only.
    app.addContentTypeParser(['application/senml+json'], { parseAs: 'string', bodyLimit: INGEST_BODY_LIMIT_BYTES }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new DomainError('BAD_REQUEST', 'the body is not valid JSON'));
      }
    });

    app.post('/api/ingest/readings', {
        onRequest: deps.authorize,
        bodyLimit: INGEST_BODY_LIMIT_BYTES,
        schema: {
          tags: ['ingest'],
          summary: 'Sensor readings from another city system: a verdict per reading',
          security: securityFor('reportReadings'),
          consumes: ['application/json', 'application/senml+json'],
          body: ReadingsBody,
          response: { 200: VerdictSchema },
        },
      }, async (request) => {
      const body: unknown = request.body;
      let batch: ParsedReading[];
      if (Array.isArray(body)) batch = parseSenmlPack(body, deps.now());
      else if (typeof body === 'object' && body !== null && 'readings' in body) batch = parseReadingBatch(body);
      else throw new DomainError('BAD_REQUEST', 'send a SenML pack (a JSON array of records) or {"readings": [{"kind", "id", "t", "v"}]}');
      return deps.accept(batch, sourceOf(request.principal));
    });
  };
