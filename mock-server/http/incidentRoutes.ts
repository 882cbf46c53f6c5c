/**
 * The incident API for the console and for other city systems (the 12345 hotline): list, read,
 * report, dispatch, transition, note, the audit trail and team suggestions. Every route checks the
 * caller's permission; commands take an `Idempotency-Key` header (a retry gets the first answer
 * back, marked `Idempotent-Replayed: true`) and an `expectedVersion` (a stale one gets 409).
 * Refusals are the service's DomainErrors, answered by the app's error handler (errors.ts).
 * Documented in docs/api.md.
 */
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission, Principal } from '../../src/protocol/auth';
import type { Incident } from '../../src/protocol/cityEvents';
import {
  CreateIncidentRequestSchema,
  DispatchRequestSchema,
  IDEMPOTENCY_HEADER,
  IncidentListQuerySchema,
  NoteRequestSchema,
  TransitionRequestSchema,
  type IncidentView,
} from '../../src/protocol/workOrders';
import { DomainError } from '../domainError';
import { securityFor } from './openApiSecurity';
import type { OpenReportCap } from '../incidents/openReportCap';
import type { CommandResult, WorkOrderService } from '../workorders/workOrderService';

export interface IncidentRouteDeps {
  /** Read at each request (a getter in the server: the city's services change with the registry). */
  readonly service: WorkOrderService;
  /** The preHandler that admits only callers with a permission (401 / 403 otherwise). */
  guard: (permission: Permission) => preHandlerHookHandler;
  /** Who the guard admitted. */
  principalOf: (request: FastifyRequest) => Principal;
  /** The cap on open reports per key (incidents/openReportCap.ts), for reports by integration keys. */
  reportCap: Pick<OpenReportCap, 'run'>;
}

const IdParams = z.object({ id: z.string().regex(/^INC-\d{6,}$/, 'id must look like INC-000123') });
const IdempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER]: z
    .string()
    .regex(/^[\x21-\x7e]{8,128}$/, 'Idempotency-Key must be 8–128 printable ASCII characters')
    .optional(),
});

export function incidentView(i: Incident): IncidentView {
  return { ...i, location: [i.lon, i.lat], createdAtIso: new Date(i.createdAt).toISOString(), updatedAtIso: new Date(i.updatedAt).toISOString() };
}

async function answer(reply: FastifyReply, run: () => Promise<CommandResult<Incident>>) {
  const result = await run();
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(result.status).send(incidentView(result.body));
}

export const incidentRoutes =
  (deps: IncidentRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The service is read per request: a registry change swaps the city and its services (runtime/cityHolder.ts).
    const { guard, principalOf } = deps;
    const read = { preHandler: guard('readIncidents') };
    const act = { preHandler: guard('actOnIncidents') };
    const readDoc = { tags: ['incidents'], security: securityFor('readIncidents') };
    const actDoc = { tags: ['incidents'], security: securityFor('actOnIncidents') };

    app.get('/api/incidents', { ...read, schema: { ...readDoc, querystring: IncidentListQuerySchema } }, async (request) => {
      const incidents = await deps.service.list(request.query.status, request.query.limit);
      return { incidents: incidents.map(incidentView) };
    });

    app.get('/api/incidents/:id', { ...read, schema: { ...readDoc, params: IdParams } }, async (request) => {
      const incident = await deps.service.get(request.params.id);
      if (!incident) throw new DomainError('NOT_FOUND', `no incident ${request.params.id}`);
      return incidentView(incident);
    });

    app.get('/api/incidents/:id/audit', { ...read, schema: { ...readDoc, params: IdParams } }, async (request) => ({ entries: await deps.service.audit(request.params.id) }));

    app.get('/api/incidents/:id/teams', { ...read, schema: { ...readDoc, params: IdParams } }, async (request) => ({ teams: await deps.service.suggestions(request.params.id) }));

    app.post('/api/incidents', { preHandler: guard('reportIncidents'), schema: { tags: ['incidents'], security: securityFor('reportIncidents'), body: CreateIncidentRequestSchema, headers: IdempotencyHeaders } }, async (request, reply) => {
      const principal = principalOf(request);
      const report = () => deps.service.report(request.body, principal, request.headers[IDEMPOTENCY_HEADER]);
      // Another system's reports are capped per key; a dispatcher's own are not.
      return answer(reply, () => (principal.kind === 'integration' ? deps.reportCap.run(principal, report) : report()));
    });

    app.post('/api/incidents/:id/dispatch', { ...act, schema: { ...actDoc, params: IdParams, body: DispatchRequestSchema, headers: IdempotencyHeaders } }, async (request, reply) =>
      answer(reply, () => deps.service.dispatch(request.params.id, request.body, principalOf(request), request.headers[IDEMPOTENCY_HEADER])),
    );

    app.post('/api/incidents/:id/transition', { ...act, schema: { ...actDoc, params: IdParams, body: TransitionRequestSchema, headers: IdempotencyHeaders } }, async (request, reply) =>
      answer(reply, () => deps.service.transition(request.params.id, request.body, principalOf(request), request.headers[IDEMPOTENCY_HEADER])),
    );

    app.post('/api/incidents/:id/notes', { ...act, schema: { ...actDoc, params: IdParams, body: NoteRequestSchema, headers: IdempotencyHeaders } }, async (request, reply) =>
      answer(reply, () => deps.service.note(request.params.id, request.body, principalOf(request), request.headers[IDEMPOTENCY_HEADER])),
    );
  };
