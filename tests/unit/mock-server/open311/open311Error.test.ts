import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../mock-server/domainError';
import { open311ErrorOf, Open311Refusal } from '../../../../mock-server/open311/open311Error';

describe('open311ErrorOf', () => {
  it('answers each problem of a refusal as its own entry, the code the status', () => {
    expect(open311ErrorOf(new Open311Refusal(400, ['a', 'b']))).toEqual({ status: 400, errors: [{ code: 400, description: 'a' }, { code: 400, description: 'b' }] });
  });

  it('keeps a DomainError\'s status and fastify\'s own 4xx, and hides anything else behind a 500', () => {
    expect(open311ErrorOf(new DomainError('NOT_FOUND', 'no incident'))).toEqual({ status: 404, errors: [{ code: 404, description: 'no incident' }] });
    expect(open311ErrorOf(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }))).toEqual({ status: 415, errors: [{ code: 415, description: 'Unsupported Media Type' }] });
    expect(open311ErrorOf(new Error('secret path /etc'))).toEqual({ status: 500, errors: [{ code: 500, description: 'internal error' }] });
  });
});
