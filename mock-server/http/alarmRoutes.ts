/**
 * The alarm history and acknowledgement (issue 15): `GET /api/alarms` (filtered by time, state, kind,
 * asset and rule, newest first, paged with an opaque cursor), `GET /api/alarms/:id` (the alarm with
 * its change log) for anyone who may watch, and `POST /api/alarms/:id/ack` (an optional note) for
 * those who may acknowledge. Refusals are the service's DomainErrors (errors.ts answers them).
 * Documented in docs/api.md.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AlarmAckRequestSchema, AlarmIdSchema, AlarmListQuerySchema } from '../../src/protocol/alarmRecords';
import type { Permission, Principal } from '../../src/protocol/auth';
import type { AlarmService } from '../alarms/alarmService';
import type { AuthHook } from '../auth/httpAuth';
import { securityFor } from './openApiSecurity';

export interface AlarmRouteDeps {
  /** Read at each request (a getter in the server: the city's services change with the registry). */
  readonly service: AlarmService;
  /** The hook that admits only callers with a permission (401 / 403 otherwise). */
  guard: (permission: Permission) => AuthHook;
  /** Who the guard admitted. */
  principalOf: (request: FastifyRequest) => Principal;
}

const IdParams = z.object({ id: AlarmIdSchema });

export const alarmRoutes =
  (deps: AlarmRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The service is read per request: a registry change swaps the city and its services (runtime/cityHolder.ts).
    const { guard, principalOf } = deps;
    const read = { onRequest: guard('view') };
    const doc = { tags: ['alarms'], security: securityFor('view') };

    app.get('/api/alarms', { ...read, schema: { ...doc, querystring: AlarmListQuerySchema } }, async (request) => deps.service.list(request.query));

    app.get('/api/alarms/:id', { ...read, schema: { ...doc, params: IdParams } }, async (request) => deps.service.detail(request.params.id));

    // The body is optional: a bare POST acknowledges without a note.
    app.post(
      '/api/alarms/:id/ack',
      { onRequest: guard('acknowledgeAlarms'), schema: { tags: ['alarms'], security: securityFor('acknowledgeAlarms'), params: IdParams, body: AlarmAckRequestSchema.nullish() } },
      async (request) => deps.service.acknowledge(request.params.id, principalOf(request), request.body?.note),
    );
  };
