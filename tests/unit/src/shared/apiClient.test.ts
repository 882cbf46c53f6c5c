import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, toApiError } from '@/shared/apiClient';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function client(answer: () => Response | Promise<Response>) {
  const fetchImpl = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => answer());
  const api = createApiClient({ fetchImpl: fetchImpl as unknown as typeof fetch, headers: () => ({ authorization: 'Bearer t0k' }) });
  const init = (i = 0) => fetchImpl.mock.calls[i][1]!;
  return { api, init };
}

describe('apiClient', () => {
  it('asks for JSON with the shared headers, and sends a body as JSON', async () => {
    const { api, init } = client(() => json({ ok: 1 }));
    expect(await api.json('/api/x')).toEqual({ ok: 1 });
    expect(init()).toMatchObject({ method: 'GET', headers: { accept: 'application/json', authorization: 'Bearer t0k' }, body: undefined });
    await api.json('/api/x', { headers: { 'idempotency-key': 'k-12345678' }, body: { a: 1 } });
    expect(init(1)).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k-12345678', authorization: 'Bearer t0k' }, body: '{"a":1}' });
    await api.request('/api/x.csv', { headers: { accept: 'text/csv' } });
    expect((init(2).headers as Record<string, string>).accept).toBe('text/csv');
  });

  it('turns the server’s {error} into an ApiError with its status, code and message', async () => {
    const { api } = client(() => json({ error: { code: 'CONFLICT', message: 'version 3 is stale' } }, 409));
    const err = await api.json('/api/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'CONFLICT', message: 'version 3 is stale', isConflict: true });
  });

  it('names a status without the error body, and no answer at all as NETWORK', async () => {
    const proxy = client(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await proxy.api.request('/api/x').catch((e: unknown) => e)).toMatchObject({ status: 502, code: 'INTERNAL', message: 'HTTP 502', isConflict: false });
    const forbidden = client(() => new Response('nope', { status: 403 }));
    expect(await forbidden.api.json('/api/x').catch((e: unknown) => e)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const down = client(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await down.api.json('/api/x').catch((e: unknown) => e)).toMatchObject({ status: 0, code: 'NETWORK', message: 'Failed to fetch' });
    expect(toApiError('odd')).toMatchObject({ status: 0, code: 'NETWORK', message: 'odd' });
  });
});
