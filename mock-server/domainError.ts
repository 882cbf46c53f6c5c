/**
 * The one error type the server's domains throw when they refuse something (a work order's illegal
 * step, a stale version, a busy team, a wrong password, a day without data): the protocol's code and
 * a message for the person or system that asked. It is thrown where the refusal is decided and
 * mapped once per transport — to an HTTP status and `{error: {code, message}}` by http/errors.ts, to
 * the ack's `{ok: false, error: {code, message}}` by realtime/validatedHandler.ts. Anything else
 * thrown is a fault, answered as INTERNAL without its message.
 */
import type { ErrorCode } from '../src/protocol/events';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * The HTTP status when it is not the code's own (src/protocol/errorHttpStatus.ts): a service that
     * is down on this server (503) is still INTERNAL to the protocol.
     */
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
