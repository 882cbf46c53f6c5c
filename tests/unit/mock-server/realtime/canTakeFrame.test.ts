/**
 * Guards the private engine.io field that canTakeFrame reads (`writeBuffer`: packets queued while the
 * transport is busy writing) on a real socket.io server and client over loopback: if an upgrade
 * renames the field or stops queuing there, this fails instead of the hub silently queuing a backlog
 * for a slow screen.
 */
import type { Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { canTakeFrame } from '../../../../mock-server/realtime/canTakeFrame';
import { loopbackSocket } from '../../../support/loopbackSocket';

let closeAll: () => Promise<void> = async () => undefined;
afterEach(() => closeAll());

/** A server socket with a connected websocket client. */
async function connectedSocket(): Promise<Socket> {
  const { socket, close } = await loopbackSocket();
  closeAll = close;
  return socket;
}

const writeBufferOf = (socket: Socket) => (socket.conn as unknown as { writeBuffer?: unknown }).writeBuffer;
const drained = (socket: Socket) => new Promise<void>((resolve) => socket.conn.once('drain', () => resolve()));

describe('canTakeFrame', () => {
  it('reads the connection queue engine.io keeps while its transport writes', async () => {
    const socket = await connectedSocket();
    if (!canTakeFrame(socket)) await drained(socket);
    expect(Array.isArray(writeBufferOf(socket))).toBe(true);
    expect(writeBufferOf(socket)).toHaveLength(0);
    expect(canTakeFrame(socket)).toBe(true);

    // The first packet goes to the websocket at once (the transport is busy until it is written);
    // the second waits in writeBuffer: that queue is what a slow client's backlog would grow in.
    socket.emit('first', 1);
    expect(socket.conn.transport.writable).toBe(false);
    socket.emit('second', 2);
    expect(writeBufferOf(socket)).toHaveLength(1);
    expect(canTakeFrame(socket)).toBe(false);

    await drained(socket);
    expect(writeBufferOf(socket)).toHaveLength(0);
    expect(canTakeFrame(socket)).toBe(true);
  });

  it('treats a connection with queued packets as busy even when its transport could write', async () => {
    const socket = await connectedSocket();
    if (!canTakeFrame(socket)) await drained(socket);
    const queue = writeBufferOf(socket) as unknown[];
    queue.push({ type: 'message', data: 'held' });
    expect(socket.conn.transport.writable).toBe(true);
    expect(canTakeFrame(socket)).toBe(false);
    queue.length = 0;
  });
});
