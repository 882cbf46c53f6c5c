/**
 * The socket.io hub: greets each connection with the catalogue and a snapshot, answers its commands
 * through validated handlers, and fans out each published delta.
 */
import type { Server } from 'socket.io';
import { CLIENT_EVENT_SCHEMAS, type ClientToServerEvents, type ServerToClientEvents, type WireDelta } from '../../src/protocol/events';
import type { LiveFeed } from '../feed/liveFeed';
import { reply, splitArgs, validatedHandler, type CitySocket } from './validatedHandler';

export type CityServer = Server<ClientToServerEvents, ServerToClientEvents>;

interface Logger {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

export interface Hub {
  publish(delta: WireDelta): void;
  clientCount(): number;
}

export function attachHub(io: CityServer, feed: LiveFeed, log: Logger): Hub {
  io.on('connection', (socket: CitySocket) => {
    socket.emit('city:catalog', feed.catalog);
    socket.emit('readings:snapshot', feed.snapshot());

    socket.on(
      'readings:resync',
      validatedHandler(socket, 'readings:resync', CLIENT_EVENT_SCHEMAS['readings:resync'], (req) => {
        log.info({ socket: socket.id, lastSeq: req.lastSeq, seq: feed.status().seq }, 'client resync');
        return feed.snapshot();
      }, log),
    );

    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in CLIENT_EVENT_SCHEMAS) return;
      const { ack } = splitArgs(args);
      log.warn({ socket: socket.id, event: String(event).slice(0, 64) }, 'unknown event');
      reply(socket, String(event), ack, {
        ok: false,
        error: { code: 'UNKNOWN_EVENT', message: `unknown event "${String(event).slice(0, 64)}"; known: ${Object.keys(CLIENT_EVENT_SCHEMAS).join(', ')}` },
      });
    });
  });

  return {
    // Telemetry is volatile: a client that cannot keep up loses frames, sees the seq gap and resyncs,
    // rather than the server queueing a backlog for it.
    publish: (delta) => io.volatile.emit('readings:delta', delta),
    clientCount: () => io.engine.clientsCount,
  };
}
