/** Every HTTP error answers `{error: {code, message}}` with the matching status. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../src/protocol/events';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export const errorBody = (code: ErrorCode, message: string): ErrorBody => ({ error: { code, message } });

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const detail = err.validation.map((v) => `${where}${v.instancePath.replaceAll('/', '.')}: ${v.message}`).join('; ');
      return reply.status(400).send(errorBody('BAD_REQUEST', detail));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err }, 'request failed');
    const code: ErrorCode = status === 500 ? 'INTERNAL' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return reply.status(status).send(errorBody(code, status === 500 ? 'internal error' : err.message));
  });
}
