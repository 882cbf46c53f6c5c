/**
 * Guards the engine.io internals sendBacklog reads (`writeBuffer`, `transport.socket` as a ws
 * WebSocket) on a real socket.io server and a client that stops reading: if an upgrade renames them,
 * this fails instead of the hub never dropping a client that stopped reading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dropConnection, queuedBytes } from '../../../../mock-server/realtime/sendBacklog';
import { loopbackSocket } from '../../../support/loopbackSocket';

let closeAll: () => Promise<void> = async () => undefined;
afterEach(() => closeAll());

describe('sendBacklog', () => {
  it('counts what waits for a socket and drops it at once, its connection closed', async () => {
    const { socket, client, io, close } = await loopbackSocket();
    closeAll = close;
    const ws = (socket.conn as unknown as { transport: { socket: unknown } }).transport.socket;
    expect(ws).toHaveProperty('bufferedAmount');
    expect(ws).toHaveProperty('terminate');

    // The first packet goes to the WebSocket; the others wait in engine.io's writeBuffer.
    const payload = 'x'.repeat(100_000);
    for (let i = 0; i < 5; i++) socket.emit('big', payload);
    expect(queuedBytes(socket)).toBeGreaterThanOrEqual(4 * 100_000);

    const gone = new Promise<string>((resolve) => client.once('disconnect', (reason) => resolve(reason)));
    const left = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    dropConnection(socket);
    expect(await left).toBe('forced close');
    expect(io.engine.clientsCount).toBe(0);
    expect(await gone).toMatch(/^transport (close|error)$/);
  });
});
