/**
 * What the sockets cost, for the metrics (ops/cityMetrics.ts): every engine.io packet written (its
 * bytes: frames, catalogues, snapshots, acks alike) and each socket command's time from arrival to
 * its ack. Attached once to the socket.io server; the hub and the handlers are left as they are.
 */
import type { Server, Socket } from 'socket.io';
import type { CityMetrics } from './cityMetrics';

/** The events a socket may send (src/protocol/events.ts): anything else is labelled "unknown", so labels stay few. */
export function watchSocketTraffic(io: Server, metrics: Pick<CityMetrics, 'bytesSent' | 'commandSeconds'>, knownEvents: readonly string[]): void {
  const known = new Set(knownEvents);
  io.engine.on('connection', (transport: { on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): void }) => {
    transport.on('packetCreate', ({ data }) => {
      const bytes = typeof data === 'string' ? Buffer.byteLength(data) : ArrayBuffer.isView(data) || data instanceof ArrayBuffer ? data.byteLength : 0;
      if (bytes > 0) metrics.bytesSent.inc(bytes);
    });
  });
  io.on('connection', (socket: Socket) => {
    // Middleware sees the event's arguments before its handler: the ack is wrapped to time the answer.
    socket.use((event, next) => {
      const ack = event[event.length - 1];
      if (typeof ack === 'function') {
        const command = known.has(String(event[0])) ? String(event[0]) : 'unknown';
        const stop = metrics.commandSeconds.startTimer({ transport: 'socket', command });
        event[event.length - 1] = (answer: unknown, ...rest: unknown[]) => {
          stop({ outcome: (answer as { ok?: unknown } | null)?.ok === true ? 'ok' : 'error' });
          (ack as (...args: unknown[]) => void)(answer, ...rest);
        };
      }
      next();
    });
  });
}
