import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Ack } from '@/protocol/events';
import { DomainError } from '../../../../mock-server/domainError';
import { socketErrorOf, validatedHandler, type CitySocket } from '../../../../mock-server/realtime/validatedHandler';

function setUp(handle: (payload: { id: string }) => unknown) {
  const emitted: unknown[][] = [];
  const socket = { id: 's1', emit: (...args: unknown[]) => emitted.push(args) } as unknown as CitySocket;
  const log = { warn: vi.fn(), error: vi.fn() };
  const handler = validatedHandler(socket, 'incident:note', z.object({ id: z.string() }).strict(), handle, log);
  /** Calls the handler as socket.io would, and waits for its ack. */
  const call = (payload: unknown) =>
    new Promise<Ack<unknown>>((resolve) => {
      handler(payload, resolve);
    });
  return { handler, call, emitted, log };
}

describe('the socket error mapping', () => {
  it('answers a DomainError, thrown or rejected, with its code and message on the ack', async () => {
    const thrown = setUp(() => {
      throw new DomainError('NOT_FOUND', 'no incident INC-000009');
    });
    expect(await thrown.call({ id: 'INC-000009' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'no incident INC-000009' } });
    const rejected = setUp(() => Promise.reject(new DomainError('CONFLICT', 'incident INC-000001 is at version 4, not 3')));
    expect(await rejected.call({ id: 'INC-000001' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'incident INC-000001 is at version 4, not 3' } });
    expect(thrown.log.error).not.toHaveBeenCalled();
    expect(rejected.log.error).not.toHaveBeenCalled();
  });

  it('answers a fault as INTERNAL without its message, and logs it', async () => {
    const { call, log } = setUp(() => Promise.reject(new Error('disk on fire')));
    expect(await call({ id: 'x' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'incident:note: internal error' } });
    expect(log.error).toHaveBeenCalledOnce();
    expect(socketErrorOf('e', 'not even an error')).toEqual({ code: 'INTERNAL', message: 'e: internal error' });
  });

  it('answers data on success, BAD_REQUEST for a payload its schema refuses, and server:error when there is no ack', async () => {
    const { call, handler, emitted } = setUp(async ({ id }) => ({ id }));
    expect(await call({ id: 'INC-000001' })).toEqual({ ok: true, data: { id: 'INC-000001' } });
    expect(await call({ id: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^incident:note: id: /) } });
    handler({ nope: true });
    expect(emitted).toHaveLength(1);
    expect(emitted[0][0]).toBe('server:error');
    expect(emitted[0][1]).toMatchObject({ event: 'incident:note', code: 'BAD_REQUEST' });
  });
});
