/** The only place that imports socket.io-client. */
import { io, type Socket } from 'socket.io-client';
import { Decoder, Encoder } from 'socket.io-parser';
import type { ClientToServerEvents, ServerToClientEvents } from '@/protocol/events';

export type CitySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The catalogue carries one binary attachment per asset kind (positions, road lines); socket.io's
 * default cap of 10 attachments per packet would leave no room to grow.
 */
export class CityDecoder extends Decoder {
  constructor() {
    super({ maxAttachments: 32 });
  }
}

/**
 * `token` is asked on every (re)connect, so a login or logout takes effect at the next connect;
 * `knownCatalog` too, so a reconnect that already holds the catalogue is not sent it again.
 * The socket starts disconnected: the app connects it once the route guard has let a page open.
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
    parser: { Encoder, Decoder: CityDecoder },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}
