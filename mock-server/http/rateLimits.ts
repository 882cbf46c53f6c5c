/**
 * Per-principal rate limits on the HTTP command routes (issue 17, finding 4), with
 * @fastify/rate-limit: each signed-in user and each integration key has a budget a minute per class
 * of route — commands (incidents, alarms, Open311 requests, the simulation's controls), ingest
 * (readings and CAP alerts: batches come often) and admin — wherever it calls from; a caller with no
 * principal is counted by its address. Reads and pages are not limited here, nor is the login route
 * (auth/rateLimit.ts throttles it). Past the budget: 429 with Retry-After, as a RATE_LIMITED
 * DomainError, so each scope answers in its own shape (`{error}`; Open311's `[{code, description}]`).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../../src/protocol/auth';
import { credentialsOf } from '../auth/httpAuth';
import { DomainError } from '../domainError';

/** The budgets a caller has, each its own count. */
export type RouteClass = 'command' | 'ingest' | 'admin';

/** Requests a minute per principal in each class (CITYOPS_RATE_LIMIT_*). */
export type RateBudgets = Record<RouteClass, number>;

const WINDOW_MS = 60_000;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CLASS_NAMES: Record<RouteClass, string> = { command: 'commands', ingest: 'ingest requests', admin: 'admin requests' };

/** The class a route draws from (its method and route pattern), or null when it is not limited here. */
export function routeClassOf(method: string, url: string | undefined): RouteClass | null {
  if (url === undefined || READS.has(method) || url === '/api/auth/login') return null;
  if (url.startsWith('/open311/')) return 'command';
  if (!url.startsWith('/api/')) return null;
  if (url.startsWith('/api/ingest/')) return 'ingest';
  if (url.startsWith('/api/admin/')) return 'admin';
  return 'command';
}

/** Whose budget a request spends: a user's or a key's by name, anyone else's by address. */
export function limitKeyOf(principal: Principal | null, address: string): string {
  if (principal?.kind === 'user') return `user:${principal.username}`;
  if (principal?.kind === 'integration') return `key:${principal.name}`;
  return `address:${address}`;
}

export interface RateLimitDeps {
  budgets: RateBudgets;
  /** Who a token or key belongs to (auth/authService.ts). */
  principalFor(token: string | undefined): Promise<Principal | null>;
}

/** Open311 sends its key as `api_key` in the body or the query string. */
function apiKeyOf(request: FastifyRequest): string | undefined {
  for (const fields of [request.body, request.query]) {
    const key = (fields as { api_key?: unknown } | null | undefined)?.api_key;
    if (typeof key === 'string' && key !== '') return key;
  }
  return undefined;
}

/** Registers the limiter on every route added after it (call before the routes). */
export async function registerRateLimits(app: FastifyInstance, deps: RateLimitDeps): Promise<void> {
  const classOf = (request: FastifyRequest) => routeClassOf(request.method, request.routeOptions.url);
  await app.register(rateLimit, {
    global: true,
    // After the routes' own guards, so the principal they found is at hand and a refused caller spends nothing.
    hook: 'preHandler',
    timeWindow: WINDOW_MS,
    allowList: (request) => classOf(request) === null,
    max: (request) => deps.budgets[classOf(request) ?? 'command'],
    keyGenerator: async (request) => {
      const routeClass = classOf(request);
      if (routeClass === null) return 'unlimited';
      const principal = request.principal ?? (await deps.principalFor(credentialsOf(request) ?? apiKeyOf(request)));
      return `${routeClass}|${limitKeyOf(principal, request.ip)}`;
    },
    errorResponseBuilder: (request, context) =>
      new DomainError('RATE_LIMITED', `too many ${CLASS_NAMES[classOf(request) ?? 'command']}: at most ${context.max} a minute per user or key; try again in ${context.after}`),
  });
}
