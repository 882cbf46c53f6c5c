/**
 * Run-time control of the simulator for an admin: switch the weather scenario. Until accounts exist
 * (a later issue), an admin is whoever presents the token configured in CITYOPS_ADMIN_TOKEN; with no
 * token configured, run-time control is off.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LiveFeed } from '../feed/liveFeed';
import { RAIN_SCENARIO_IDS, type RainScenarioId } from '../simulator/scenarios/rainScenarios';
import { errorBody } from './errors';

export interface SimRouteDeps {
  feed: LiveFeed;
  adminToken?: string;
}

const ScenarioBody = z.object({ scenario: z.enum(RAIN_SCENARIO_IDS as [RainScenarioId, ...RainScenarioId[]]) }).strict();

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export const simRoutes =
  (deps: SimRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/sim/scenario', async () => ({ scenario: deps.feed.sim.scenario, available: RAIN_SCENARIO_IDS }));

    app.put('/api/sim/scenario', { schema: { body: ScenarioBody } }, async (request, reply) => {
      if (!deps.adminToken) {
        return reply.status(403).send(errorBody('FORBIDDEN', 'run-time simulator control is off: start the server with CITYOPS_ADMIN_TOKEN set'));
      }
      if (!request.headers.authorization) {
        return reply.status(401).send(errorBody('UNAUTHORIZED', 'send the admin token as "Authorization: Bearer <token>"'));
      }
      if (!tokenMatches(request.headers.authorization, deps.adminToken)) {
        return reply.status(403).send(errorBody('FORBIDDEN', 'the admin token is not valid'));
      }
      deps.feed.setScenario(request.body.scenario);
      request.log.info({ scenario: request.body.scenario }, 'scenario switched');
      return { scenario: deps.feed.sim.scenario };
    });
  };
