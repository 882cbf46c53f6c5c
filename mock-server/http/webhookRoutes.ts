/**
 * The outbound webhooks for admins (issue 16, "Notices out"; docs/api.md, "Webhooks"):
 * `GET /api/admin/webhooks` lists them (never their secrets) with their pending deliveries,
 * `POST /api/admin/webhooks` adds one, `DELETE /api/admin/webhooks/:id` removes one with its pending
 * deliveries. Webhooks from the file (CITYOPS_WEBHOOKS_FILE) are changed in the file, not here.
 */
import type { onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../domainError';
import type { SqliteWebhookStore, Webhook } from '../storage/sqliteWebhooks';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/webhookEvents';
import { WebhookEventsSchema, WebhookIdSchema, WebhookSecretSchema, WebhookUrlSchema } from '../webhooks/webhookSchemas';
import { securityFor } from './openApiSecurity';

export interface WebhookRouteDeps {
  store: SqliteWebhookStore;
  now: () => number;
  /** The role check ('administer'): runs before every route. */
  authorize: onRequestHookHandler;
}

const WebhookViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  origin: z.enum(['file', 'api']),
  createdAt: z.number().int(),
  pending: z.number().int().meta({ description: 'deliveries not yet acknowledged' }),
  lastError: z.string().nullable().meta({ description: 'why the last failed attempt of a pending delivery failed' }),
});
const NewWebhookSchema = z.strictObject({
  id: WebhookIdSchema.optional().meta({ description: 'default: a random id' }),
  url: WebhookUrlSchema,
  secret: WebhookSecretSchema.meta({ description: 'the HMAC-SHA256 key the receiver verifies the signature with' }),
  events: WebhookEventsSchema,
});
const IdParamsSchema = z.strictObject({ id: WebhookIdSchema });
const NoContent = { 204: z.undefined().meta({ description: 'removed; no body' }) };
const doc = { tags: ['admin'], security: securityFor('administer') };

export const webhookRoutes =
  (deps: WebhookRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', deps.authorize);
    const view = (h: Webhook, pending = deps.store.pending()) => {
      const p = pending.get(h.id);
      return { id: h.id, url: h.url, events: h.events, origin: h.origin, createdAt: h.createdAt, pending: p?.pending ?? 0, lastError: p?.lastError ?? null };
    };

    app.get('/api/admin/webhooks', { schema: { ...doc, summary: 'The outbound webhooks', response: { 200: z.object({ webhooks: z.array(WebhookViewSchema) }) } } }, async () => {
      const pending = deps.store.pending();
      return { webhooks: deps.store.list().map((h) => view(h, pending)) };
    });

    app.post('/api/admin/webhooks', { schema: { ...doc, summary: 'Add an outbound webhook', body: NewWebhookSchema, response: { 201: WebhookViewSchema } } }, async (request, reply) => {
      const id = request.body.id ?? `wh-${crypto.randomUUID()}`;
      if (deps.store.get(id)) throw new DomainError('CONFLICT', `webhook ${id} already exists`);
      const hook: Webhook = { ...request.body, id, origin: 'api', createdAt: deps.now() };
      deps.store.add(hook);
      return reply.status(201).send(view(hook));
    });

    app.delete('/api/admin/webhooks/:id', { schema: { ...doc, summary: 'Remove an outbound webhook and its pending deliveries', params: IdParamsSchema, response: NoContent } }, async (request, reply) => {
      const hook = deps.store.get(request.params.id);
      if (!hook) throw new DomainError('NOT_FOUND', `no webhook ${request.params.id}`);
      if (hook.origin === 'file') throw new DomainError('CONFLICT', `webhook ${hook.id} comes from the webhooks file: remove it there`);
      deps.store.remove(hook.id);
      return reply.status(204).send();
    });
  };
