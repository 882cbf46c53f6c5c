/**
 * `GET /api/rules`: the alarm rules in force, as loaded, and where they came from (the rules file's
 * path, or the built-in default). The body less `source` is itself a valid rules file.
 */
import type { onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RuleBook } from '../rules/ruleBook';
import { securityFor } from './openApiSecurity';
import { RULES_FILE_VERSION, RuleSchema } from '../rules/rulesFileSchema';

export interface RulesRouteDeps {
  book: RuleBook;
  /** The role check ('view'): runs before the route. */
  authorize: onRequestHookHandler;
}

const RulesResponseSchema = z.object({
  source: z.string(),
  version: z.literal(RULES_FILE_VERSION),
  rules: z.array(RuleSchema),
});

export const rulesRoutes =
  (deps: RulesRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', deps.authorize);
    app.get('/api/rules', { schema: { tags: ['rules'], security: securityFor('view'), response: { 200: RulesResponseSchema } } }, async () => ({
      source: deps.book.source,
      version: RULES_FILE_VERSION,
      rules: deps.book.rules,
    }));
  };
