/**
 * A bare socket.io server and a websocket client connected to it over loopback, for unit tests of
 * what the hub reads from engine.io's internals on a real connection.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';

export interface LoopbackSocket {
  /** The server's side of the connection. */
  socket: Socket;
  client: ClientSocket;
  io: Server;
  /** Closes the client and the server. */
  close(): Promise<void>;
}

export async function loopbackSocket(): Promise<LoopbackSocket> {
  const http = createServer();
  const io = new Server(http);
  const connected = new Promise<Socket>((resolve) => io.once('connection', resolve));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false, forceNew: true });
  const close = async () => {
    client.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  };
  return { socket: await connected, client, io, close };
}
