/**
 * Wraps a socket event handler so its payload is parsed by the event's schema, every failure is
 * answered clearly (on the ack when the client gave one, else as `server:error`), and nothing a
 * client sends can throw out of the handler. This is the sockets' one mapping of errors: a
 * DomainError (mock-server/domainError.ts) answers its code and message; anything else is logged
 * and answered INTERNAL without its message.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Ack, ClientToServerEvents, ProtocolError, ServerToClientEvents } from '../../src/protocol/events';
import { DomainError } from '../domainError';

export type CitySocket = Socket<ClientToServerEvents, ServerToClientEvents>;
type AckFn = (result: Ack<unknown>) => void;

/** The ack's error for what a handler threw: a DomainError's code and message, anything else INTERNAL without its message. */
export function socketErrorOf(event: string, err: unknown): ProtocolError {
  return err instanceof DomainError ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: `${event}: internal error` };
}

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'payload'}: ${i.message}`).join('; ');
}

export function reply(socket: CitySocket, event: string, ack: AckFn | undefined, result: Ack<unknown>): void {
  if (ack) ack(result);
  else if (!result.ok) socket.emit('server:error', { event, ...result.error });
}

/** Splits socket.io's raw args into (payload, ack): the ack is the trailing function, if any. */
export function splitArgs(args: unknown[]): { payload: unknown; ack?: AckFn } {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as AckFn) : undefined;
  const payload = ack ? args.slice(0, -1)[0] : args[0];
  return { payload, ack };
}

export function validatedHandler<S extends z.ZodType, R>(
  socket: CitySocket,
  event: string,
  schema: S,
  handle: (payload: z.infer<S>) => R,
  log: { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
): (...args: unknown[]) => void {
  return (...args) => {
    const { payload, ack } = splitArgs(args);
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      log.warn({ socket: socket.id, event }, 'rejected malformed event');
      reply(socket, event, ack, { ok: false, error: { code: 'BAD_REQUEST', message: `${event}: ${describeZodError(parsed.error)}` } });
      return;
    }
    const failed = (err: unknown) => {
      if (!(err instanceof DomainError)) log.error({ err, socket: socket.id, event }, 'socket handler failed');
      reply(socket, event, ack, { ok: false, error: socketErrorOf(event, err) });
    };
    try {
      const result = handle(parsed.data);
      // Commands that write (incident actions) answer once the change is durable.
      if (result instanceof Promise) result.then((data) => reply(socket, event, ack, { ok: true, data }), failed);
      else reply(socket, event, ack, { ok: true, data: result });
    } catch (err) {
      failed(err);
    }
  };
}
