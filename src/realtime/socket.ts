/** The only place that imports socket.io-client. */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/protocol/events';

export type CitySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectCitySocket(url: string = window.location.origin): CitySocket {
  return io(url, {
    // Straight to WebSocket: long-polling would double the cost of every binary frame.
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}
