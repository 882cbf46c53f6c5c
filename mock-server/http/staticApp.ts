/**
 * Serves the built single-page app; unknown non-API paths get index.html so /dispatch and /summary
 * deep links work. Unknown /api paths get a JSON 404.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domainError';

export async function registerStaticApp(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) await app.register(fastifyStatic, { root, wildcard: false, maxAge: '1h', immutable: false });
  else app.log.warn({ root }, 'no built app found: run `npm run build` (npm start does it for you)');

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (request.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/socket.io')) {
      throw new DomainError('NOT_FOUND', `${request.method} ${path} does not exist`);
    }
    if (!built) {
      return reply.status(503).type('text/plain; charset=utf-8').send('CityOps: the app is not built yet. Run `npm run build`, or start with `npm start`.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  });
}
