/**
 * Times every HTTP command (POST, PUT, DELETE, PATCH on a known route) from its arrival to its answer,
 * into the command latency of the metrics (ops/cityMetrics.ts), labelled by method and route pattern
 * (never the raw URL, so labels stay few) and by whether it succeeded.
 */
import type { FastifyInstance } from 'fastify';
import type { CityMetrics } from './cityMetrics';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

export function timeHttpCommands(app: FastifyInstance, metrics: Pick<CityMetrics, 'commandSeconds'>): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route || !COMMAND_METHODS.has(request.method)) return;
    const outcome = reply.statusCode < 400 ? 'ok' : 'error';
    metrics.commandSeconds.observe({ transport: 'http', command: `${request.method} ${route}`, outcome }, reply.elapsedTime / 1000);
  });
}
