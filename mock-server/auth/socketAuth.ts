/**
 * The socket's guards. A browser opens a WebSocket to any site it likes, and socket.io's `cors`
 * option does not cover the upgrade, so `allowRequest` checks the Origin against an allowlist
 * (cross-site WebSocket hijacking). The handshake's `auth.token` decides who the socket is, and the
 * socket takes a place under the caps per address and per principal (realtime/socketCaps.ts). Every
 * event then passes, in this order: the socket's budget (realtime/socketFloodGuard.ts; a flood is
 * refused before any logging or parsing, and a socket that keeps flooding is disconnected), the
 * permission table (an event without an entry is refused: deny by default), a fresh look at the
 * token (a logged-out or expired session stops at its next command) and the event's permission.
 */
import type { IncomingMessage } from 'node:http';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { type Permission, type Principal } from '../../src/protocol/auth';
import type { ClientToServerEvents, ErrorCode, ServerToClientEvents } from '../../src/protocol/events';
import type { CityMetrics } from '../ops/cityMetrics';
import { clientAddressOf } from '../realtime/clientAddress';
import { SocketCaps, type SocketCapLimits } from '../realtime/socketCaps';
import { SocketFloodGuard } from '../realtime/socketFloodGuard';
import { splitArgs, type CitySocket } from '../realtime/validatedHandler';
import { permits, type AuthService } from './authService';

/**
 * The one table of client events and the permission each needs. An event not in it is refused
 * (UNKNOWN_EVENT) whatever handler may listen for it; typed by the protocol's events, so a new
 * event without an entry fails the typecheck.
 */
export const SOCKET_EVENT_PERMISSIONS: Readonly<Record<keyof ClientToServerEvents, Permission>> = {
  'readings:resync': 'view',
  'view:subscribe': 'view',
  'incident:dispatch': 'actOnIncidents',
  'incident:transition': 'actOnIncidents',
  'incident:note': 'actOnIncidents',
  'alarm:ack': 'acknowledgeAlarms',
};

const KNOWN_EVENTS = Object.keys(SOCKET_EVENT_PERMISSIONS).join(', ');

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

export interface SocketAuthOptions {
  caps: SocketCapLimits;
  meter: Pick<CityMetrics, 'socketConnectionsRefused' | 'socketEventsRefused' | 'socketDrops'>;
  /** The client's address for the per-address cap (realtime/clientAddress.ts); default the peer's. */
  addressOf?: (req: IncomingMessage) => string;
  recheckMs?: number;
}

/** Installs the handshake check and the per-event guards on every connection. */
export function installSocketAuth(
  // Typed here rather than with the hub's CityServer alias: the hub imports this module.
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  auth: AuthService,
  log: { warn: (obj: object, msg: string) => void },
  { caps: limits, meter, addressOf = clientAddressOf(false), recheckMs = SESSION_RECHECK_MS }: SocketAuthOptions,
): void {
  const caps = new SocketCaps(limits);
  io.use((socket, next) => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(new Error('unauthorized: auth.token and auth.catalog must be strings'));
    const token = parsed.data.token || undefined;
    auth.principalFor(token).then(
      (principal) => {
        if (!principal) return next(new Error(token ? 'unauthorized: the token is invalid, expired or revoked' : 'unauthorized: sign in first (send auth.token)'));
        if (!permits(principal, 'view')) return next(new Error(`forbidden: the ${principal.role} role may not watch the live feed`));
        const place = caps.reserve(addressOf(socket.request), principal);
        if (!place.ok) {
          meter.socketConnectionsRefused.inc({ reason: place.reason });
          return next(new Error(place.message));
        }
        // Given back when the socket leaves or its connection closes, whichever comes first.
        socket.conn.once('close', place.release);
        socket.once('disconnect', () => {
          socket.conn.off('close', place.release);
          place.release();
        });
        if (socket.conn.readyState !== 'open') place.release();
        const data: SocketAuthData = { principal, token };
        socket.data = data;
        next();
      },
      () => next(new Error('unauthorized: could not check the token')),
    );
  });

  io.on('connection', (socket: CitySocket) => {
    const guard = new SocketFloodGuard();
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
    /** Answers on the ack when there is one; without one, one `server:error` per kind and window. */
    const refuse = (event: string, args: unknown[], code: ErrorCode, message: string) => {
      const { ack } = splitArgs(args);
      if (ack) ack({ ok: false, error: { code, message } });
      else if (guard.firstInWindow(`error:${code}`)) socket.emit('server:error', { event, code, message });
    };
    socket.use(([event, ...args], next) => {
      const full = String(event);
      const name = full.slice(0, 64);
      const admission = guard.admit();
      if (admission !== 'ok') {
        meter.socketEventsRefused.inc({ reason: 'rateLimited' });
        const { capacity, windowMs, disconnectAfter } = guard.policy;
        if (admission === 'disconnect') {
          if (!socket.connected) return;
          meter.socketDrops.inc({ reason: 'rateLimited' });
          log.warn({ socket: socket.id, event: name }, 'socket disconnected for flooding');
          socket.emit('server:error', { event: name, code: 'RATE_LIMITED', message: `disconnected: more than ${disconnectAfter} commands refused within ${windowMs / 1000} s` });
          socket.disconnect(true);
          return;
        }
        if (guard.firstInWindow('log:rateLimited')) log.warn({ socket: socket.id, event: name }, 'socket rate limited');
        return refuse(name, args, 'RATE_LIMITED', `too many commands: at most ${capacity} per ${windowMs / 1000} s; retry in ${guard.retryAfterMs()} ms`);
      }
      if (!Object.hasOwn(SOCKET_EVENT_PERMISSIONS, full)) {
        meter.socketEventsRefused.inc({ reason: 'unknown' });
        if (guard.firstInWindow('log:unknown')) log.warn({ socket: socket.id, event: name }, 'unknown event');
        return refuse(name, args, 'UNKNOWN_EVENT', `unknown event "${name}"; known: ${KNOWN_EVENTS}`);
      }
      const { token } = socket.data as SocketAuthData;
      auth.principalFor(token).then(
        (principal) => {
          if (!principal) {
            refuse(name, args, 'UNAUTHORIZED', 'unauthorized: the session has ended; sign in again');
            socket.disconnect(true);
            return;
          }
          (socket.data as SocketAuthData).principal = principal;
          const permission = SOCKET_EVENT_PERMISSIONS[full as keyof ClientToServerEvents];
          if (!permits(principal, permission)) {
            return refuse(name, args, 'FORBIDDEN', `${name}: needs the "${permission}" permission, which the ${principal.role} role does not have`);
          }
          next();
        },
        () => refuse(name, args, 'INTERNAL', `${name}: could not check the token`),
      );
    });
  });
}
