/**
 * Open311 GeoReport v2 under `/open311/v2/` (issue 16), for citizen apps and FixMyStreet-style
 * services: the services a citizen may report (open311/open311Services.ts), new requests that become
 * incidents through the same report as the 12345 route (located, routed to their unit and district),
 * and requests read back with their status following the work order (open311/open311Request.ts).
 * Every answer is JSON or the spec's XML by the path's extension; every refusal is the spec's
 * `[{code, description}]`. Lists are queried in storage, however far back a request lies. The spec's
 * lat/long are WGS-84: converted to the basemap's datum coming in, and back going out. Every route takes `api_key` (an integration key; X-Api-Key or a session
 * token also do): incidents are not public in this product. Documented in docs/api.md.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DistrictRef } from '../../src/protocol/assets';
import { can, type Permission, type Principal } from '../../src/protocol/auth';
import { INCIDENT_STATUSES, type Incident } from '../../src/protocol/cityEvents';
import { datumConverter, type Datum } from '../assets/datum';
import { credentialsOf } from '../auth/httpAuth';
import { DomainError } from '../domainError';
import type { OpenReportCap } from '../incidents/openReportCap';
import { open311AddressOf } from '../open311/open311Address';
import { attributeAnswersOf, checkAttributes } from '../open311/open311Attributes';
import { open311ErrorOf, Open311Refusal } from '../open311/open311Error';
import { isClosedStatus, open311RequestOf, serviceNoticeOf } from '../open311/open311Request';
import { FormatParams, KeyQuery, NewRequestBody, RequestListQuery, RequestParams, ServiceParams, TokenParams } from '../open311/open311Schemas';
import { isOpen311ServiceCode, open311ServiceDefinition, open311ServiceName, open311Services } from '../open311/open311Services';
import { open311Xml, open311XmlObject } from '../open311/open311Xml';
import type { SqliteIncidentStore } from '../storage/sqliteIncidents';
import type { WorkOrderService } from '../workorders/workOrderService';

export interface Open311RouteDeps {
  /** Read at each request (a getter in the server: the city's services change with the registry). */
  readonly service: WorkOrderService;
  /** Who a key or token belongs to (auth/authService.ts). */
  principalFor(token: string | undefined): Promise<Principal | null>;
  /** The service requests in storage, filtered there. */
  requests: Pick<SqliteIncidentStore, 'serviceRequests'>;
  /** The datum the city keeps positions in (CITYOPS_BASEMAP_DATUM). */
  basemapDatum: Datum;
  /** The city's districts, for a request's address (read at each request). */
  readonly districts: readonly DistrictRef[];
  /** The cap on open reports per key (incidents/openReportCap.ts). */
  reportCap: Pick<OpenReportCap, 'run'>;
}

/** The spec's default and most results of one list. */
const MAX_REQUESTS = 1000;

const SECURITY: Record<string, string[]>[] = [{ open311ApiKey: [] }, { integrationKey: [] }, { session: [] }];
const doc = (summary: string) => ({ tags: ['open311'], summary, security: SECURITY });

type Format = 'json' | 'xml';
const formatOf = (request: FastifyRequest): Format => (/\.xml(\?|$)/.test(request.url) ? 'xml' : 'json');

function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  if (format === 'xml') return reply.status(status).type('text/xml; charset=utf-8').send(xml());
  return reply.status(status).send(json);
}

/** Requests from outside are the service requests; the city's own incidents (sensors, city life) are not listed. */
const isServiceRequest = (i: Incident) => i.source === 'external';

export const open311Routes =
  (deps: Open311RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const toBasemap = datumConverter('wgs84', deps.basemapDatum);
    const toWgs84 = datumConverter(deps.basemapDatum, 'wgs84');
    const requestOf = (incident: Incident) => {
      const [long, lat] = toWgs84(incident.lon, incident.lat);
      return open311RequestOf(incident, { ...open311AddressOf(incident, deps.districts), lat, long });
    };

    // Form bodies are the spec's own; JSON is read here too so that bad JSON is refused in Open311's words.
    // Only the spec's two bodies: anything else (text/plain included) is a 415.
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (err) {
        done(new Open311Refusal(400, [`the body is not valid JSON (${(err as Error).message}); send a JSON object or a form (application/x-www-form-urlencoded)`]));
      }
    });
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const seen = fields[key];
        fields[key] = seen === undefined ? value : [seen, value].flat();
      }
      done(null, fields);
    });

    app.setErrorHandler((err, request, reply) => {
      const { status, errors } = open311ErrorOf(err);
      if (status === 500) request.log.error({ err }, 'open311 request failed');
      return send(reply, formatOf(request), status, errors, () => open311Xml('errors', 'error', errors));
    });
    app.setNotFoundHandler((request, reply) => {
      const errors = [{ code: 404, description: `no Open311 route ${request.method} ${request.url.split('?')[0]}` }];
      return send(reply, formatOf(request), 404, errors, () => open311Xml('errors', 'error', errors));
    });

    /** The caller behind `api_key` (or X-Api-Key, or a bearer token): an integration, or a person allowed `permission`. */
    async function callerOf(request: FastifyRequest, apiKey: string | undefined, permission: Permission): Promise<Principal> {
      const key = apiKey ?? credentialsOf(request);
      if (key === undefined) throw new Open311Refusal(401, ['api_key is required: an integration key from the city (CITYOPS_INTEGRATION_KEYS)']);
      const principal = await deps.principalFor(key);
      if (!principal || principal.kind === 'anonymous') throw new Open311Refusal(403, ['Invalid api_key received']);
      if (principal.kind !== 'integration' && !can(principal.role, permission)) throw new Open311Refusal(403, [`this api_key may not ${permission === 'reportIncidents' ? 'create requests' : 'read requests'}`]);
      return principal;
    }

    async function serviceRequest(id: string): Promise<Incident> {
      const incident = /^INC-\d{6,}$/.test(id) ? await deps.service.get(id) : null;
      if (!incident || !isServiceRequest(incident)) throw new Open311Refusal(404, [`no service request ${id}`]);
      return incident;
    }

    app.get('/services.:format', { schema: { ...doc('The services a citizen may request'), params: FormatParams, querystring: KeyQuery } }, async (request, reply) => {
      await callerOf(request, request.query.api_key, 'readIncidents');
      const services = open311Services();
      return send(reply, request.params.format, 200, services, () => open311Xml('services', 'service', services));
    });

    app.get('/services/:code.:format', { schema: { ...doc('A service\'s definition: its attributes'), params: ServiceParams, querystring: KeyQuery } }, async (request, reply) => {
      await callerOf(request, request.query.api_key, 'readIncidents');
      const definition = open311ServiceDefinition(request.params.code);
      if (!definition) throw new Open311Refusal(404, [`no service ${request.params.code}`]);
      return send(reply, request.params.format, 200, definition, () => open311XmlObject('service_definition', definition));
    });

    app.post('/requests.:format', { schema: { ...doc('A new service request: becomes an incident'), params: FormatParams, body: NewRequestBody, consumes: ['application/x-www-form-urlencoded', 'application/json'] } }, async (request, reply) => {
      const body = request.body;
      const principal = await callerOf(request, body.api_key, 'reportIncidents');
      const code = body.service_code;
      if (!isOpen311ServiceCode(code)) throw new Open311Refusal(404, [`no service ${code}: GET services.json lists them`]);
      if (body.lat === undefined || body.long === undefined) throw new Open311Refusal(400, ['lat and long are required: requests are located by their coordinates (WGS-84); address_string and address_id alone are not geocoded']);
      const { problems, lines } = checkAttributes(code, attributeAnswersOf(body));
      if (problems.length) throw new Open311Refusal(400, problems);
      const text = [body.description?.trim() || open311ServiceName(code), ...lines, ...(body.address_string?.trim() ? [`地址 Address: ${body.address_string.trim()}`] : []), ...(body.media_url?.trim() ? [`Media: ${body.media_url.trim()}`] : [])].join('\n');
      let result;
      try {
        const location = toBasemap(body.long, body.lat);
        result = await deps.reportCap.run(principal, () => deps.service.report({ category: code, location, description: text.slice(0, 2000) }, principal));
      } catch (err) {
        // The desk's refusal (a point off land) is the caller's mistake, said in Open311's shape.
        if (err instanceof DomainError && err.code === 'BAD_REQUEST') throw new Open311Refusal(400, [`lat ${body.lat}, long ${body.long}: ${err.message}`]);
        throw err;
      }
      const created = [{ service_request_id: result.body.id, service_notice: serviceNoticeOf(result.body), account_id: null }];
      return send(reply, request.params.format, 200, created, () => open311Xml('service_requests', 'request', created));
    });

    app.get('/requests.:format', { schema: { ...doc('Service requests, newest first, with their status'), params: FormatParams, querystring: RequestListQuery } }, async (request, reply) => {
      const q = request.query;
      await callerOf(request, q.api_key, 'readIncidents');
      let incidents: Incident[];
      if (q.service_request_id) {
        // The spec: with ids, the other filters are ignored.
        incidents = [];
        for (const id of q.service_request_id) {
          const found = /^INC-\d{6,}$/.test(id) ? await deps.service.get(id) : null;
          if (found && isServiceRequest(found)) incidents.push(found);
        }
      } else {
        const from = q.start_date ? Date.parse(q.start_date) : -Infinity;
        const to = q.end_date ? Date.parse(q.end_date) : Infinity;
        if (from > to) throw new Open311Refusal(400, ['start_date is after end_date']);
        const wanted = q.status ? new Set(q.status) : null;
        incidents = await deps.requests.serviceRequests({
          // Any code, as before: a request reported through the 12345 route may have a category no citizen service offers.
          categories: q.service_code,
          statuses: wanted ? INCIDENT_STATUSES.filter((s) => wanted.has(isClosedStatus(s) ? 'closed' : 'open')) : undefined,
          from: Number.isFinite(from) ? from : undefined,
          to: Number.isFinite(to) ? to : undefined,
          limit: MAX_REQUESTS,
        });
      }
      const requests = incidents.map(requestOf);
      return send(reply, request.params.format, 200, requests, () => open311Xml('service_requests', 'request', requests));
    });

    app.get('/requests/:id.:format', { schema: { ...doc('One service request, with its status'), params: RequestParams, querystring: KeyQuery } }, async (request, reply) => {
      await callerOf(request, request.query.api_key, 'readIncidents');
      const requests = [requestOf(await serviceRequest(request.params.id))];
      return send(reply, request.params.format, 200, requests, () => open311Xml('service_requests', 'request', requests));
    });

    // Requests become incidents at once, so no token is ever pending: a request's token is its id.
    app.get('/tokens/:token.:format', { schema: { ...doc('The request a token stands for'), params: TokenParams, querystring: KeyQuery } }, async (request, reply) => {
      await callerOf(request, request.query.api_key, 'readIncidents');
      const incident = await serviceRequest(request.params.token);
      const found = [{ service_request_id: incident.id, token: request.params.token }];
      return send(reply, request.params.format, 200, found, () => open311Xml('service_requests', 'request', found));
    });
  };
