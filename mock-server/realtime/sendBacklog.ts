/**
 * What a socket has waiting to be written, and how to let go of it at once (issue 17, finding 5: a
 * client that stops reading must not be held in memory). socket.io has no public view of either, so
 * this reads engine.io's queue of packets not yet handed to the transport (`writeBuffer`, private,
 * as canTakeFrame.ts does) and the WebSocket under the transport (`transport.socket`, a `ws`
 * WebSocket: its public `bufferedAmount` and `terminate()`); the unit test of this module runs a
 * real engine.io socket and fails if an upgrade renames those fields.
 */
import type { Socket } from 'socket.io';

interface EngineInternals {
  writeBuffer?: { data?: unknown }[];
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
}

const bytesOf = (data: unknown): number =>
  typeof data === 'string' ? Buffer.byteLength(data) : ArrayBuffer.isView(data) || data instanceof ArrayBuffer ? data.byteLength : 0;

/** Bytes queued for the socket: packets engine.io holds plus what the WebSocket has not yet written to the network. */
export function queuedBytes(socket: Socket): number {
  const conn = socket.conn as unknown as EngineInternals;
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? []) bytes += bytesOf(packet.data);
  return bytes;
}

/**
 * Closes the socket's connection now, discarding what is queued: a plain disconnect would wait for
 * the queue to drain (never, for a client that stopped reading) and a WebSocket close handshake for
 * its peer's answer; the TCP connection is destroyed, so its buffers go with it.
 */
export function dropConnection(socket: Socket): void {
  const conn = socket.conn as unknown as EngineInternals;
  const ws = conn.transport?.socket;
  socket.conn.close(true);
  ws?.terminate?.();
}
