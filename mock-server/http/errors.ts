/**
 * Every HTTP error answers `{error: {code, message}}` with the matching status, from this one
 * handler: a schema's refusal is 400 with what was wrong; a DomainError (mock-server/domainError.ts)
 * gets its code's status (src/protocol/errorHttpStatus.ts) and its message; fastify's own 4xx keep
 * their status; anything else is 500 without its message (it is logged instead). Routes throw and
 * never write an error body themselves.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_HTTP_STATUS } from '../../src/protocol/errorHttpStatus';
import type { ErrorCode } from '../../src/protocol/events';
import { DomainError } from '../domainError';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export interface HttpError {
  status: number;
  body: ErrorBody;
}

const answer = (status: number, code: ErrorCode, message: string): HttpError => ({ status, body: { error: { code, message } } });

/** What an error thrown by a route or hook answers (pure, so the table is tested without a server). */
export function httpErrorOf(err: unknown): HttpError {
  if (err instanceof DomainError) return answer(err.httpStatus ?? ERROR_HTTP_STATUS[err.code], err.code, err.message);
  const { statusCode } = err as Partial<FastifyError>;
  const status = statusCode && statusCode >= 400 && statusCode < 500 ? statusCode : 500;
  if (status === 500) return answer(500, 'INTERNAL', 'internal error');
  return answer(status, status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', (err as Error).message);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const detail = err.validation.map((v) => `${where}${v.instancePath.replaceAll('/', '.')}: ${v.message}`).join('; ');
      return reply.status(400).send(answer(400, 'BAD_REQUEST', detail).body);
    }
    const { status, body } = httpErrorOf(err);
    if (status === 500) request.log.error({ err }, 'request failed');
    return reply.status(status).send(body);
  });
}
