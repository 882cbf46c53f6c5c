/**
 * CAP weather warnings (issue 16). `POST /api/ingest/cap`: another system (the weather bureau) sends
 * one CAP 1.2 (or 1.1) `<alert>` with its integration key, as `application/cap+xml` or
 * `application/xml`; the answer says what it became (cap/warningBook.ts), a refusal is 400 naming
 * every problem by element, a body over the limit 413. `GET /api/warnings`: the warning history,
 * newest first, paged; `?active=true` only those in force. Documented in docs/ingest.md, docs/api.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../src/protocol/auth';
import type { AuthHook } from '../auth/httpAuth';
import type { CapIngest } from '../cap/capIngest';
import { MAX_XML_BYTES } from '../cap/readXmlDocument';
import { stateAt } from '../cap/warningBook';
import { DomainError } from '../domainError';
import { securityFor } from './openApiSecurity';

/** One alert with its areas; big polygons make a few hundred KB at most. */
export const CAP_BODY_LIMIT_BYTES = Math.min(512 * 1024, MAX_XML_BYTES);
const CAP_TYPES = ['application/cap+xml', 'application/xml'];

export interface CapRouteDeps {
  /** The one ingest path (cap/capIngest.ts), its book the history. */
  ingest: CapIngest;
  authorizeIngest: AuthHook;
  authorizeView: AuthHook;
}

const ReceiptSchema = z.object({
  identifier: z.string(),
  key: z.string().meta({ description: 'sender,identifier,sent: how later alerts reference this one' }),
  became: z.enum(['active', 'expired', 'cancellation', 'notice', 'duplicate']),
  ended: z.array(z.string()).meta({ description: 'keys of the earlier alerts this Update replaced or this Cancel ended' }),
  unknownReferences: z.array(z.string()),
});

const AreaSchema = z.object({
  areaDesc: z.string(),
  polygons: z.array(z.array(z.tuple([z.number(), z.number()]))).meta({ description: 'closed rings of [lon, lat]' }),
  circles: z.array(z.object({ center: z.tuple([z.number(), z.number()]), radiusKm: z.number() })),
});
const nullableText = z.string().nullable();
const InfoSchema = z.object({
  language: z.string(), categories: z.array(z.string()), event: z.string(), urgency: z.string(), severity: z.string(), certainty: z.string(),
  headline: nullableText, description: nullableText, instruction: nullableText, senderName: nullableText, effective: nullableText, onset: nullableText, expires: nullableText,
  areas: z.array(AreaSchema),
});
const WarningSchema = z.object({
  key: z.string(), identifier: z.string(), sender: z.string(), sent: z.string(), status: z.string(), msgType: z.string(), version: z.string(),
  state: z.enum(['active', 'expired', 'replaced', 'cancelled', 'cancellation', 'notice']),
  expiresAt: z.string().nullable(), endedBy: z.string().nullable(), endedAt: z.string().nullable(), receivedAt: z.string(), source: z.string(),
  info: z.array(InfoSchema),
});

const ListQuery = z.object({
  active: z.enum(['true', 'false']).optional().meta({ description: 'true: only the warnings in force now (not replaced, cancelled or expired)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d+$/, 'the cursor is the nextCursor of the previous page').optional(),
});

const sourceOf = (p: Principal | undefined) => (p?.kind === 'integration' ? p.name : p?.kind === 'user' ? `user:${p.username}` : 'unknown');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const capRoutes =
  (deps: CapRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Bytes, not text: the prolog decides the encoding (readXmlDocument.ts). Carried as a latin1 string, one char per byte, so the body schema can say "string".
    app.addContentTypeParser(CAP_TYPES, { parseAs: 'buffer', bodyLimit: CAP_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, (body as Buffer).toString('latin1')));

    app.post('/api/ingest/cap', {
      onRequest: deps.authorizeIngest,
      bodyLimit: CAP_BODY_LIMIT_BYTES,
      schema: {
        tags: ['ingest'],
        summary: 'One CAP 1.2 alert (weather warning): what it became, or every problem by element',
        security: securityFor('reportReadings'),
        consumes: CAP_TYPES,
        body: z.string().meta({ description: 'a CAP <alert> document (UTF-8 or ISO-8859-1 as its prolog declares; no DOCTYPE)' }),
        response: { 200: ReceiptSchema },
      },
      // fastify's own text/plain and JSON parsers would hand over a body too; only CAP's types are read, and before the body schema speaks.
      preValidation: async (request) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (!CAP_TYPES.includes(type)) throw new DomainError('BAD_REQUEST', `send the alert as ${CAP_TYPES.join(' or ')}, not ${type || 'no content type'}`, 415);
      },
    }, async (request) => {
      const result = await deps.ingest.receiveDocument(Buffer.from(request.body, 'latin1'), sourceOf(request.principal));
      if (!result.ok) throw new DomainError('BAD_REQUEST', `CAP alert refused: ${result.problems.join('; ')}`);
      return result.receipt;
    });

    app.get('/api/warnings', {
      onRequest: deps.authorizeView,
      schema: { tags: ['warnings'], summary: 'CAP warnings, newest first: all (the history) or ?active=true', security: securityFor('view'), querystring: ListQuery, response: { 200: z.object({ warnings: z.array(WarningSchema), nextCursor: z.string().nullable() }) } },
    }, async (request) => {
      const { active, limit, cursor } = request.query;
      const { book } = deps.ingest;
      const page = await book.list({ active: active === 'true', limit, cursor: cursor === undefined ? null : Number(cursor) });
      // The book's clock: the city's, as the wall's (times in the answer are on it too).
      const now = book.cityNow();
      return {
        warnings: page.warnings.map((w) => ({
          key: w.key, identifier: w.alert.identifier, sender: w.alert.sender, sent: w.alert.sent, status: w.alert.status, msgType: w.alert.msgType, version: w.alert.version,
          state: stateAt(w, now), expiresAt: iso(w.expiresAt), endedBy: w.endedBy, endedAt: iso(w.endedAt), receivedAt: iso(w.receivedAt)!, source: w.source,
          info: w.alert.info,
        })),
        nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
      };
    });
  };
