/**
 * Back-pressure from engine.io: whether a socket can take a frame now. socket.io has no public
 * signal for it, so this reads engine.io's transport (`writable`, public) and the connection's queue of
 * packets not yet handed to the transport (`writeBuffer`, private): the unit test of this module runs
 * a real engine.io socket and fails if an upgrade renames that field or changes what it holds.
 */
import type { Socket } from 'socket.io';

/** Whether the connection has nothing waiting to be written, so a frame sent now goes out now. */
export function canTakeFrame(socket: Socket): boolean {
  const conn = socket.conn as unknown as { transport?: { writable?: boolean }; writeBuffer?: unknown[] };
  return conn.transport?.writable !== false && (conn.writeBuffer?.length ?? 0) === 0;
}
