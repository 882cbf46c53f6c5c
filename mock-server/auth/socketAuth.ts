/**
 * The socket's guards. A browser opens a WebSocket to any site it likes, and socket.io's `cors`
 * option does not cover the upgrade, so `allowRequest` checks the Origin against an allowlist
 * (cross-site WebSocket hijacking). The handshake's `auth.token` decides who the socket is; every
 * command then passes a per-socket rate limit, a fresh look at the token (a logged-out or expired
 * session stops at its next command) and the event's permission.
 */
import type { IncomingMessage } from 'node:http';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { type Permission, type Principal } from '../../src/protocol/auth';
import type { ClientToServerEvents, ErrorCode, ServerToClientEvents } from '../../src/protocol/events';
import { reply, splitArgs, type CitySocket } from '../realtime/validatedHandler';
import { permits, type AuthService } from './authService';
import { TokenBucket } from './rateLimit';

/**
 * The permission each client command needs. Commands not listed need `view`, which every socket
 * already has; add incident commands here (e.g. `'incident:dispatch': 'actOnIncidents'`).
 */
export const SOCKET_EVENT_PERMISSIONS: Record<string, Permission> = {
  'readings:resync': 'view',
  'incident:dispatch': 'actOnIncidents',
  'incident:transition': 'actOnIncidents',
  'incident:note': 'actOnIncidents',
  'alarm:ack': 'acknowledgeAlarms',
};

export const COMMAND_RATE = { capacity: 20, windowMs: 10_000 } as const;
/** How often an idle socket's token is looked at again, so a revoked or expired one stops receiving the feed. */
export const SESSION_RECHECK_MS = 60_000;

interface SocketAuthData {
  principal: Principal;
  token?: string;
}

const HandshakeAuthSchema = z.object({
  token: z.string().max(512).optional(),
  /** The catalogue version the client already holds (a reconnect): the hub then does not resend it. */
  catalog: z.string().max(256).optional(),
});

export interface OriginPolicy {
  allowedOrigins: readonly string[];
  /** The server's own origins, e.g. from the request's Host header. */
  serverOrigins: readonly string[];
}

/** Origins compare as scheme://host:port; anything that does not parse (including "null") is refused. */
export function originAllowed(origin: string, policy: OriginPolicy): boolean {
  let wanted: string;
  try {
    wanted = new URL(origin).origin;
  } catch {
    return false;
  }
  if (wanted === 'null') return false;
  return [...policy.serverOrigins, ...policy.allowedOrigins].some((o) => {
    try {
      return new URL(o).origin === wanted;
    } catch {
      return false;
    }
  });
}

/** The server's own origin as this request reaches it: its Host, over http or https (behind a TLS proxy). */
export function serverOriginsOf(req: IncomingMessage): string[] {
  const host = req.headers.host;
  return host ? [`http://${host}`, `https://${host}`] : [];
}

type AllowRequest = (req: IncomingMessage, fn: (err: string | null | undefined, success: boolean) => void) => void;

/**
 * For socket.io's Server options. Requests without an Origin header come from non-browser clients
 * (which no web page can forge) and pass; they still need a token like everyone else.
 */
export function allowRequestFor(allowedOrigins: readonly string[]): AllowRequest {
  return (req, fn) => {
    const origin = req.headers.origin;
    if (origin === undefined) return fn(null, true);
    const ok = originAllowed(origin, { allowedOrigins, serverOrigins: serverOriginsOf(req) });
    fn(ok ? null : 'origin not allowed', ok);
  };
}

export function principalOf(socket: Socket): Principal | undefined {
  return (socket.data as Partial<SocketAuthData> | undefined)?.principal;
}

const fail = (socket: CitySocket, event: string, args: unknown[], code: ErrorCode, message: string) =>
  reply(socket, event, splitArgs(args).ack, { ok: false, error: { code, message } });

/** Installs the handshake check and the per-command guards on every connection. */
export function installSocketAuth(
  // Typed here rather than with the hub's CityServer alias: the hub imports this module.
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  auth: AuthService,
  log: { warn: (obj: object, msg: string) => void },
  recheckMs: number = SESSION_RECHECK_MS,
): void {
  io.use((socket, next) => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(new Error('unauthorized: auth.token and auth.catalog must be strings'));
    const token = parsed.data.token || undefined;
    auth.principalFor(token).then(
      (principal) => {
        if (!principal) return next(new Error(token ? 'unauthorized: the token is invalid, expired or revoked' : 'unauthorized: sign in first (send auth.token)'));
        if (!permits(principal, 'view')) return next(new Error(`forbidden: the ${principal.role} role may not watch the live feed`));
        const data: SocketAuthData = { principal, token };
        socket.data = data;
        next();
      },
      () => next(new Error('unauthorized: could not check the token')),
    );
  });

  io.on('connection', (socket: CitySocket) => {
    const bucket = new TokenBucket(COMMAND_RATE);
    const { token: connectedWith } = socket.data as SocketAuthData;
    if (connectedWith) {
      const timer = setInterval(() => {
        auth.principalFor(connectedWith).then(
          (p) => p || socket.disconnect(true),
          () => undefined,
        );
      }, recheckMs);
      timer.unref();
      socket.on('disconnect', () => clearInterval(timer));
    }
    socket.use(([event, ...args], next) => {
      const name = String(event);
      if (!bucket.take()) {
        log.warn({ socket: socket.id, event: name.slice(0, 64) }, 'socket rate limited');
        return fail(socket, name, args, 'RATE_LIMITED', `too many commands: at most ${COMMAND_RATE.capacity} per ${COMMAND_RATE.windowMs / 1000} s; retry in ${bucket.retryAfterMs()} ms`);
      }
      const { token } = socket.data as SocketAuthData;
      auth.principalFor(token).then(
        (principal) => {
          if (!principal) {
            fail(socket, name, args, 'UNAUTHORIZED', 'unauthorized: the session has ended; sign in again');
            socket.disconnect(true);
            return;
          }
          (socket.data as SocketAuthData).principal = principal;
          const permission = SOCKET_EVENT_PERMISSIONS[name] ?? 'view';
          if (!permits(principal, permission)) {
            return fail(socket, name, args, 'FORBIDDEN', `${name}: needs the "${permission}" permission, which the ${principal.role} role does not have`);
          }
          next();
        },
        () => fail(socket, name, args, 'INTERNAL', `${name}: could not check the token`),
      );
    });
  });
}
