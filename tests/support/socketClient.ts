/** The real socket.io-client with its own parser, as any client uses it, typed with the shared contract; small waiting helpers. */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/protocol/events';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectClient(url: string, options: { token?: string; catalog?: string; extraHeaders?: Record<string, string> } = {}): TestSocket {
  return io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { ...(options.token ? { token: options.token } : {}), ...(options.catalog ? { catalog: options.catalog } : {}) },
    extraHeaders: options.extraHeaders,
  });
}

export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}
