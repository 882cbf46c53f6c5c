/**
 * Logging in and out, who am I, and the admin's users and kiosk links. A login answers a bearer
 * token; attempts are throttled per client address and per account (10 a minute each, successful ones
 * given back) so passwords cannot be guessed fast, not even by a burst sent at once.
 * Kiosk links are tokens for an unattended wall: read-only, revocable, shown once when created.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginRequestSchema, ROLES } from '../../src/protocol/auth';
import { principalName, type AuthService } from '../auth/authService';
import { DEMO_PASSWORDS } from '../auth/bootstrapAccounts';
import { credentialsOf, requirePermission } from '../auth/httpAuth';
import { DEFAULT_LOGIN_LIMITS, LoginThrottle, type LoginLimits } from '../auth/loginThrottle';
import { DomainError } from '../domainError';
import { securityFor } from './openApiSecurity';

export interface AuthRouteDeps {
  auth: AuthService;
  /** Login attempts allowed per client address and per account (auth/loginThrottle.ts). */
  loginLimits?: LoginLimits;
}

const NewUserSchema = z
  .object({
    username: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'use 2–32 lowercase letters, digits, dots, dashes or underscores'),
    role: z.enum(ROLES),
    password: z.string().min(10, 'use at least 10 characters').max(256),
  })
  .strict();

const PrincipalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), username: z.string(), role: z.enum(ROLES) }),
  z.object({ kind: z.literal('kiosk'), label: z.string(), role: z.literal('operator') }),
  z.object({ kind: z.literal('integration'), name: z.string(), role: z.literal('integration') }),
  z.object({ kind: z.literal('anonymous'), role: z.literal('operator') }),
]);
const MeSchema = z.object({ principal: PrincipalSchema, demo: z.boolean() });
const UsersSchema = z.object({ users: z.array(z.object({ username: z.string(), role: z.enum(ROLES), createdAt: z.number(), disabled: z.boolean() })) });
const KioskLinksSchema = z.object({
  links: z.array(z.object({ id: z.string(), label: z.string(), createdBy: z.string(), createdAt: z.number(), revokedAt: z.number().nullable() })),
});
const NoContent = { 204: z.undefined().meta({ description: 'done; no body' }) };
const authTag = { tags: ['auth'] };
const admin = { tags: ['admin'], security: securityFor('administer') };

const NewKioskLinkSchema = z.object({ label: z.string().trim().min(1).max(80) }).strict();
const KioskIdSchema = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a kiosk link id is 16 hex characters') });

export const authRoutes =
  (deps: AuthRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { auth } = deps;
    const throttle = new LoginThrottle(deps.loginLimits ?? DEFAULT_LOGIN_LIMITS);
    const administer = requirePermission(auth, 'administer');

    app.post('/api/auth/login', { schema: { ...authTag, summary: 'Sign in: a bearer token for later requests', security: [], body: LoginRequestSchema } }, async (request, reply) => {
      // Counted before the password is checked, synchronously: parallel attempts cannot all pass the check together.
      const admission = throttle.admit(request.ip, request.body.username);
      if (!admission.ok) {
        const seconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000));
        reply.header('retry-after', String(seconds));
        // One message whatever ran out, so a refusal does not tell whether the account exists.
        throw new DomainError('RATE_LIMITED', `too many login attempts: try again in ${seconds} s`);
      }
      try {
        const session = await auth.login(request.body.username, request.body.password);
        admission.settle(true);
        request.log.info({ username: session.username, role: session.role }, 'login');
        return session;
      } catch (err) {
        admission.settle(false);
        if (err instanceof DomainError && err.code === 'UNAUTHORIZED') request.log.warn({ username: request.body.username.slice(0, 64) }, 'failed login');
        throw err;
      }
    });

    app.post('/api/auth/logout', { schema: { ...authTag, summary: 'End the session of the token sent', security: securityFor('view'), response: NoContent } }, async (request, reply) => {
      const token = credentialsOf(request);
      if (token) await auth.logout(token);
      return reply.status(204).send();
    });

    app.get('/api/auth/me', { schema: { ...authTag, summary: 'Who the token belongs to', security: securityFor('view'), response: { 200: MeSchema } } }, async (request) => {
      const token = credentialsOf(request);
      // Anonymous demo visitors are "someone" too, but /me answers only for real credentials.
      const principal = token ? await auth.principalFor(token) : null;
      if (!principal) throw new DomainError('UNAUTHORIZED', token ? 'the token is invalid, expired or revoked' : 'not signed in');
      return { principal, demo: auth.demo };
    });

    app.get('/api/admin/users', { onRequest: administer, schema: { ...admin, response: { 200: UsersSchema } } }, async () => ({ users: await auth.listUsers() }));

    app.post('/api/admin/users', { onRequest: administer, schema: { ...admin, body: NewUserSchema } }, async (request, reply) => {
      if (!auth.demo && DEMO_PASSWORDS.includes(request.body.password)) {
        throw new DomainError('BAD_REQUEST', 'that is a published demo password: choose another');
      }
      const user = await auth.createUser(request.body);
      request.log.info({ username: user.username, role: user.role, by: principalName(request.principal!) }, 'user created');
      return reply.status(201).send(user);
    });

    app.get('/api/admin/kiosk-links', { onRequest: administer, schema: { ...admin, response: { 200: KioskLinksSchema } } }, async () => ({ links: await auth.listKioskLinks() }));

    app.post('/api/admin/kiosk-links', { onRequest: administer, schema: { ...admin, body: NewKioskLinkSchema } }, async (request, reply) => {
      const { id, token } = await auth.createKioskLink(request.body.label, principalName(request.principal!));
      request.log.info({ id, label: request.body.label }, 'kiosk link created');
      // The token is shown this once; only its digest is stored.
      return reply.status(201).send({ id, label: request.body.label, token, url: `/?kiosk=1&access=${encodeURIComponent(token)}` });
    });

    app.delete('/api/admin/kiosk-links/:id', { onRequest: administer, schema: { ...admin, params: KioskIdSchema, response: NoContent } }, async (request, reply) => {
      if (!(await auth.revokeKioskLink(request.params.id))) {
        throw new DomainError('NOT_FOUND', `no active kiosk link with id ${request.params.id}`);
      }
      return reply.status(204).send();
    });
  };
