/**
 * Open311's error answer (`[{code, description}]`, the code the HTTP status), for every refusal of
 * the Open311 routes: a schema's, a DomainError's, fastify's own (bad JSON, wrong media type, too big).
 * Anything else is a 500 with no detail, logged by the caller.
 */
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_HTTP_STATUS } from '../../src/protocol/errorHttpStatus';
import { DomainError } from '../domainError';

export interface Open311Error {
  code: number;
  description: string;
}

/** A refusal carrying several problems at once (each its own entry in the answer). */
export class Open311Refusal extends Error {
  constructor(readonly status: number, readonly descriptions: string[]) {
    super(descriptions.join('; '));
  }
}

/** The status and body an error answers (pure, so the table is tested without a server). */
export function open311ErrorOf(err: unknown): { status: number; errors: Open311Error[] } {
  const one = (status: number, description: string) => ({ status, errors: [{ code: status, description }] });
  if (err instanceof Open311Refusal) return { status: err.status, errors: err.descriptions.map((description) => ({ code: err.status, description })) };
  if (err instanceof DomainError) return one(err.httpStatus ?? ERROR_HTTP_STATUS[err.code], err.message);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'request';
    return { status: 400, errors: err.validation.map((v) => ({ code: 400, description: `${where}${v.instancePath.replaceAll('/', '.')}: ${v.message}` })) };
  }
  const { statusCode } = err as Partial<FastifyError>;
  if (statusCode && statusCode >= 400 && statusCode < 500) return one(statusCode, (err as Error).message);
  return one(500, 'internal error');
}
