/**
 * GET /api/openapi.json (issue 16): a valid OpenAPI document, generated from the routes' own zod
 * schemas, that lists every route the server registers, with its security.
 */
import { validate } from '@readme/openapi-parser';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  parameters?: { in: string; name: string }[];
  tags?: string[];
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }> };
}

let server: RunningServer;
const routes: { method: string; url: string }[] = [];
let doc: OpenApiDocument;

beforeAll(async () => {
  server = await startTestServer({ demo: false, adminPassword: 'openapi-admin-password-1' }, {
    onRoute: (route: RouteOptions) => {
      // Hidden routes are the built app's static files (@fastify/static hides them); HEAD twins are fastify's own.
      if ((route.schema as { hide?: boolean } | undefined)?.hide) return;
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
    },
  });
  const res = await fetch(`${server.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApiDocument;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const openApiPath = (url: string) => url.replace(/:([A-Za-z_]\w*)/g, '{$1}');

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator bites: a response that is not a response object is refused.
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, { responses: unknown }>> };
    broken.paths['/api/vitals'].get.responses = { 200: 'fine' };
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it('lists every route the server registers, with its method', () => {
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter(({ method, url }) => !doc.paths[openApiPath(url)]?.[method.toLowerCase()]);
    expect(missing).toEqual([]);
    for (const url of ['/api/ingest/readings', '/api/alarms/{id}/ack', '/api/admin/assets', '/api/tracks/muckTruck', '/api/rules', '/api/incidents/{id}/dispatch',
      '/api/auth/login', '/api/summary/{date}', '/api/vitals', '/api/health', '/api/health/live', '/api/health/ready', '/metrics', '/api/openapi.json']) {
      expect(doc.paths[url], url).toBeDefined();
    }
    // Nothing in the document that the server does not serve.
    const served = new Set(routes.map(({ method, url }) => `${method.toLowerCase()} ${openApiPath(url)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(documented.filter((op) => !served.has(op))).toEqual([]);
  });

  it('carries the routes\' zod schemas: bodies, path and query parameters, headers', () => {
    const dispatch = doc.paths['/api/incidents/{id}/dispatch'].post;
    expect(dispatch.requestBody?.content['application/json'].schema).toMatchObject({ type: 'object', required: ['expectedVersion'], additionalProperties: false });
    expect(dispatch.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'path', name: 'id' }), expect.objectContaining({ in: 'header', name: 'idempotency-key' })]));
    expect(doc.paths['/api/alarms'].get.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'state', 'kind', 'limit', 'cursor']));
    const ingest = doc.paths['/api/ingest/readings'].post.requestBody!.content;
    expect(Object.keys(ingest)).toEqual(expect.arrayContaining(['application/json', 'application/senml+json']));
    expect(ingest['application/json'].schema).toMatchObject({ anyOf: [{ type: 'array' }, { type: 'object', required: ['readings'] }] });
  });

  it('names the security schemes and which routes take them', () => {
    const { securitySchemes } = doc.components;
    expect(securitySchemes.session).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(securitySchemes.integrationKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    expect(securitySchemes.metricsToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/ingest/readings'].post.security).toEqual([{ session: [] }, { integrationKey: [] }]);
    expect(doc.paths['/api/incidents'].post.security).toEqual([{ session: [] }, { integrationKey: [] }]);
    expect(doc.paths['/api/incidents/{id}/dispatch'].post.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/admin/assets'].post.security).toEqual([{ session: [] }]);
    expect(doc.paths['/metrics'].get.security).toEqual([{ metricsToken: [] }]);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    // Every route under /api that is not public says how to sign in.
    const PUBLIC = ['/api/health', '/api/health/live', '/api/health/ready', '/api/config', '/api/openapi.json', '/api/auth/login'];
    const unsaid = Object.entries(doc.paths).flatMap(([path, ops]) => (PUBLIC.includes(path) ? [] : Object.entries(ops).filter(([, op]) => !op.security?.length).map(([m]) => `${m} ${path}`)));
    expect(unsaid).toEqual([]);
  });
});
