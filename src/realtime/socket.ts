/** The only place that imports socket.io-client. */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/protocol/events';

export type CitySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `token` is asked on every (re)connect, so a login or logout takes effect at the next connect;
 * `knownCatalog` too, so a reconnect that already holds the catalogue is not sent it again.
 * The socket starts disconnected: the app connects it once the route guard has let a page open.
 * socket.io's own parser, as any client's: no packet the server sends has more than two attachments.
 */
export function connectCitySocket(
  url: string = window.location.origin,
  token: () => string | undefined = () => undefined,
  knownCatalog: () => string | undefined = () => undefined,
): CitySocket {
  return io(url, {
    autoConnect: false,
    auth: (cb) => {
      const t = token();
      const catalog = knownCatalog();
      cb({ ...(t ? { token: t } : {}), ...(catalog ? { catalog } : {}) });
    },
    // Straight to WebSocket: long-polling would double the cost of every binary frame.
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}
