/**
 * Run-time control of the simulator: anyone who may watch can read the weather scenario; only an
 * admin may switch it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthService } from '../auth/authService';
import { requirePermission } from '../auth/httpAuth';
import { DomainError } from '../domainError';
import { securityFor } from './openApiSecurity';
import { RAIN_SCENARIO_IDS, type RainScenarioId } from '../simulator/scenarios/rainScenarios';

/** The simulator's weather scenario, read and switched (simulator/simulatedCity.ts). */
export interface ScenarioSwitch {
  readonly scenario: RainScenarioId;
  setScenario(scenario: RainScenarioId): void;
}

export interface SimRouteDeps {
  /** Null when the simulator is off: there is no weather to read or switch. */
  simulation: ScenarioSwitch | null;
  auth: AuthService;
}

const ScenarioState = z.object({ scenario: z.enum(RAIN_SCENARIO_IDS as [RainScenarioId, ...RainScenarioId[]]).nullable(), available: z.array(z.string()) });
const ScenarioBody = z.object({ scenario: z.enum(RAIN_SCENARIO_IDS as [RainScenarioId, ...RainScenarioId[]]) }).strict();

export const simRoutes =
  (deps: SimRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/sim/scenario', { onRequest: requirePermission(deps.auth, 'view'), schema: { tags: ['simulator'], security: securityFor('view'), response: { 200: ScenarioState } } }, async () => ({
      scenario: deps.simulation?.scenario ?? null,
      available: deps.simulation ? RAIN_SCENARIO_IDS : [],
    }));

    app.put('/api/sim/scenario', { onRequest: requirePermission(deps.auth, 'administer'), schema: { tags: ['simulator'], security: securityFor('administer'), body: ScenarioBody } }, async (request) => {
      if (!deps.simulation) throw new DomainError('CONFLICT', 'the simulator is off (--simulator off): the weather is what the sensors report');
      deps.simulation.setScenario(request.body.scenario);
      request.log.info({ scenario: request.body.scenario, by: request.principal }, 'scenario switched');
      return { scenario: deps.simulation.scenario };
    });
  };
