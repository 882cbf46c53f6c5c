/**
 * `GET /metrics`: the server's metrics in Prometheus' text format (ops/cityMetrics.ts), for the
 * loopback or a bearer of CITYOPS_METRICS_TOKEN (ops/metricsAccess.ts). Documented in docs/api.md ("Operations").
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CityMetrics } from '../ops/cityMetrics';
import { metricsAccess } from '../ops/metricsAccess';

export interface MetricsRouteDeps {
  metrics: CityMetrics;
  /** CITYOPS_METRICS_TOKEN; unset: loopback only. */
  token: string | undefined;
}

export const metricsRoutes =
  (deps: MetricsRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/metrics',
      {
        onRequest: metricsAccess(deps.token),
        schema: {
          tags: ['system'],
          summary: 'Prometheus metrics (text format 0.0.4)',
          security: [{ metricsToken: [] }],
          produces: ['text/plain'],
          response: { 200: z.string().meta({ description: 'Prometheus text exposition format' }) },
        },
      },
      async (_request, reply) => reply.type(deps.metrics.contentType).send(await deps.metrics.text()),
    );
  };
