/**
 * POST /api/auth/kiosk: a wall opened from a kiosk link exchanges the link's token for a session
 * (issue 17, finding 9), so the token is sent once, in a header, and never again in a URL. Attempts
 * are limited per client address like logins, so link tokens cannot be guessed fast.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { credentialsOf } from '../auth/httpAuth';
import type { KioskSessions } from '../auth/kioskSessions';
import { KeyedBuckets } from '../auth/rateLimit';
import { DomainError } from '../domainError';

export interface KioskRouteDeps {
  sessions: KioskSessions;
  /** Exchanges allowed per address per window (a wall needs one per session, i.e. per reload or expiry). */
  attempts?: { capacity: number; windowMs: number };
}

const KioskHeadersSchema = z.object({
  authorization: z.string().max(600).optional().meta({ description: 'Bearer <the kiosk link\'s token>' }),
});
const KioskSessionSchema = z.object({
  token: z.string().meta({ description: 'The session token: send it as `Authorization: Bearer <token>` and as the socket\'s auth token.' }),
  label: z.string(),
  expiresAt: z.number().meta({ description: 'Epoch ms when the session stops working; the wall exchanges its link again then.' }),
});

export const kioskRoutes =
  (deps: KioskRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const attempts = new KeyedBuckets(deps.attempts ?? { capacity: 10, windowMs: 60_000 });

    app.post(
      '/api/auth/kiosk',
      {
        schema: {
          tags: ['auth'],
          summary: 'Exchange a kiosk link\'s token for a watching session',
          security: [{ kioskLink: [] }],
          headers: KioskHeadersSchema,
          response: { 200: KioskSessionSchema },
        },
      },
      async (request, reply) => {
        // Counted before the check, so a burst sent at once cannot outrun the limit.
        const bucket = attempts.get(request.ip);
        if (!bucket.take()) {
          const seconds = Math.ceil(bucket.retryAfterMs() / 1000);
          reply.header('retry-after', String(seconds));
          throw new DomainError('RATE_LIMITED', `too many kiosk link attempts from this address: try again in ${seconds} s`);
        }
        const token = credentialsOf(request);
        const session = token ? await deps.sessions.exchange(token) : null;
        if (!session) throw new DomainError('UNAUTHORIZED', 'not a kiosk link, or it was revoked: ask an administrator for a new one');
        request.log.info({ label: session.label }, 'kiosk session');
        return session;
      },
    );
  };
