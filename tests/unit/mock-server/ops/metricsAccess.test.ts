import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isLoopback, metricsAccess } from '../../../../mock-server/ops/metricsAccess';

const request = (remoteAddress: string, authorization?: string) => ({ socket: { remoteAddress }, headers: authorization ? { authorization } : {} }) as unknown as FastifyRequest;

describe('metricsAccess', () => {
  it('knows loopback addresses in both families', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['10.0.0.1', '::ffff:10.0.0.1', '192.168.1.127', 'fe80::1', '', undefined]) expect(isLoopback(a), String(a)).toBe(false);
  });

  it('without a token, admits loopback only', async () => {
    const guard = metricsAccess(undefined);
    await expect(guard(request('127.0.0.1'))).resolves.toBeUndefined();
    await expect(guard(request('10.0.0.7'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('with a token, admits its bearer from anywhere and nobody else, loopback included', async () => {
    const guard = metricsAccess('scrape-token-0123456789abcdef');
    await expect(guard(request('10.0.0.7', 'Bearer scrape-token-0123456789abcdef'))).resolves.toBeUndefined();
    await expect(guard(request('127.0.0.1'))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(guard(request('127.0.0.1', 'Bearer scrape-token-0123456789abcdeX'))).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'the metrics token is wrong' });
    await expect(guard(request('127.0.0.1', 'Bearer short'))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
