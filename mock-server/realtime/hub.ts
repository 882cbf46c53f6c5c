/**
 * The socket.io hub: greets each connection with the catalogue and a snapshot, answers its commands
 * through validated handlers, and fans out each published delta.
 */
import type { Server } from 'socket.io';
import { CLIENT_EVENT_SCHEMAS, type ClientToServerEvents, type ServerToClientEvents, type WireDelta } from '../../src/protocol/events';
import type { LiveFeed } from '../feed/liveFeed';
import { principalOf } from '../auth/socketAuth';
import { WorkOrderError, type WorkOrderService } from '../workorders/workOrderService';
import { HandlerError, reply, splitArgs, validatedHandler, type CitySocket } from './validatedHandler';

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

/** Runs an incident command for the socket's principal; refusals become the ack's error. */
function incidentCommand<T>(run: () => Promise<{ body: T }>): Promise<T> {
  return run().then(
    (r) => r.body,
    (err) => {
      throw err instanceof WorkOrderError ? new HandlerError(err.code, err.message) : err;
    },
  );
}

export function attachHub(io: CityServer, feed: LiveFeed, log: Logger, workOrders?: WorkOrderService): Hub {
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

    if (workOrders) {
      const who = () => {
        const principal = principalOf(socket);
        if (!principal) throw new HandlerError('UNAUTHORIZED', 'sign in first');
        return principal;
      };
      socket.on(
        'incident:dispatch',
        validatedHandler(socket, 'incident:dispatch', CLIENT_EVENT_SCHEMAS['incident:dispatch'], ({ id, idempotencyKey, ...req }) =>
          incidentCommand(() => workOrders.dispatch(id, req, who(), idempotencyKey)), log),
      );
      socket.on(
        'incident:transition',
        validatedHandler(socket, 'incident:transition', CLIENT_EVENT_SCHEMAS['incident:transition'], ({ id, idempotencyKey, ...req }) =>
          incidentCommand(() => workOrders.transition(id, req, who(), idempotencyKey)), log),
      );
      socket.on(
        'incident:note',
        validatedHandler(socket, 'incident:note', CLIENT_EVENT_SCHEMAS['incident:note'], ({ id, idempotencyKey, ...req }) =>
          incidentCommand(() => workOrders.note(id, req, who(), idempotencyKey)), log),
      );
    }

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
