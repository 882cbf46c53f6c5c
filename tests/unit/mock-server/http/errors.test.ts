import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES } from '@/protocol/events';
import { DomainError } from '../../../../mock-server/domainError';
import { httpErrorOf, installErrorHandler } from '../../../../mock-server/http/errors';

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** A bare fastify app with the error handler and routes that throw what they are told to. */
async function appThrowing() {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  apps.push(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.get('/domain/:code', async (request) => {
    throw new DomainError((request.params as { code: (typeof ERROR_CODES)[number] }).code, 'refused: because');
  });
  app.get('/unavailable', async () => {
    throw new DomainError('INTERNAL', 'PDF export needs Chromium', 503);
  });
  app.get('/fault', async () => {
    throw new Error('secret detail of a bug');
  });
  app.get('/guarded', { onRequest: async (_request, reply) => void reply.header('retry-after', '7') }, async () => {
    throw new DomainError('RATE_LIMITED', 'too many: try again in 7 s');
  });
  app.post('/validated', { schema: { body: z.object({ n: z.number() }).strict() } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('the HTTP error mapping', () => {
  it('answers each DomainError code with its status and {error: {code, message}}', async () => {
    const app = await appThrowing();
    const expected = { BAD_REQUEST: 400, UNKNOWN_EVENT: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, INTERNAL: 500 };
    for (const code of ERROR_CODES) {
      const res = await app.inject({ method: 'GET', url: `/domain/${code}` });
      expect([res.statusCode, res.json()], code).toEqual([expected[code], { error: { code, message: 'refused: because' } }]);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });

  it('keeps a status the domain names (503), the headers a route set, and fastify’s own 4xx', async () => {
    const app = await appThrowing();
    const down = await app.inject({ method: 'GET', url: '/unavailable' });
    expect([down.statusCode, down.json()]).toEqual([503, { error: { code: 'INTERNAL', message: 'PDF export needs Chromium' } }]);
    const limited = await app.inject({ method: 'GET', url: '/guarded' });
    expect([limited.statusCode, limited.headers['retry-after'], limited.json().error.code]).toEqual([429, '7', 'RATE_LIMITED']);
    const badJson = await app.inject({ method: 'POST', url: '/validated', headers: { 'content-type': 'application/json' }, payload: '{"n":' });
    expect([badJson.statusCode, badJson.json().error.code]).toEqual([400, 'BAD_REQUEST']);
    const badBody = await app.inject({ method: 'POST', url: '/validated', payload: { n: 'one' } });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^body\.n: /) });
  });

  it('answers anything else as 500 INTERNAL without its message', async () => {
    const app = await appThrowing();
    const res = await app.inject({ method: 'GET', url: '/fault' });
    expect([res.statusCode, res.body]).toEqual([500, JSON.stringify({ error: { code: 'INTERNAL', message: 'internal error' } })]);
    expect(httpErrorOf(new TypeError('x'))).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } });
    expect(httpErrorOf(Object.assign(new Error('gone'), { statusCode: 404 }))).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'gone' } } });
  });
});
