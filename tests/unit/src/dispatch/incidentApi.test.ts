import { describe, expect, it, vi } from 'vitest';
import { createIncidentApi } from '@/dispatch/incidentApi';
import { ApiError } from '@/shared/apiClient';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setUp(response: () => Response | Promise<Response>) {
  const fetchImpl = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => response());
  let n = 0;
  const api = createIncidentApi({ fetchImpl: fetchImpl as unknown as typeof fetch, authHeaders: () => ({ authorization: 'Bearer t0k' }), newKey: () => `key-${++n}-abcdef` });
  const call = (i = 0) => {
    const [url, init] = fetchImpl.mock.calls[i];
    return { url: String(url), init: init!, headers: init!.headers as Record<string, string> };
  };
  return { api, fetchImpl, call };
}

describe('incidentApi', () => {
  it('reads with the auth header and unwraps the lists', async () => {
    const { api, call } = setUp(() => json({ incidents: [{ id: 'INC-000001' }], entries: [{ seq: 1 }], teams: [{ teamId: 'TM-001' }] }));
    expect(await api.listOpen()).toEqual([{ id: 'INC-000001' }]);
    expect(call().url).toBe('/api/incidents?status=open');
    expect(call().headers.authorization).toBe('Bearer t0k');
    expect(call().headers['idempotency-key']).toBeUndefined();
    expect(await api.audit('INC-000001')).toEqual([{ seq: 1 }]);
    expect(call(1).url).toBe('/api/incidents/INC-000001/audit');
    expect(await api.teams('INC-000001')).toEqual([{ teamId: 'TM-001' }]);
    expect(call(2).url).toBe('/api/incidents/INC-000001/teams');
  });

  it('sends each command as JSON with the expected version and a fresh idempotency key', async () => {
    const { api, call } = setUp(() => json({ id: 'INC-000007', status: 'dispatched', version: 4 }));
    const out = await api.dispatch('INC-000007', { teamId: 'TM-003', expectedVersion: 3 });
    expect(out.status).toBe('dispatched');
    expect(call().url).toBe('/api/incidents/INC-000007/dispatch');
    expect(call().init.method).toBe('POST');
    expect(JSON.parse(String(call().init.body))).toEqual({ teamId: 'TM-003', expectedVersion: 3 });
    expect(call().headers).toMatchObject({ 'content-type': 'application/json', 'idempotency-key': 'key-1-abcdef', authorization: 'Bearer t0k' });
    await api.transition('INC-000007', { to: 'escalated', expectedVersion: 4, note: 'rising fast' });
    await api.note('INC-000007', { note: 'called back', expectedVersion: 5 });
    expect([call(1).url, call(2).url]).toEqual(['/api/incidents/INC-000007/transition', '/api/incidents/INC-000007/notes']);
    expect(JSON.parse(String(call(1).init.body))).toEqual({ to: 'escalated', expectedVersion: 4, note: 'rising fast' });
    expect([call(1).headers['idempotency-key'], call(2).headers['idempotency-key']]).toEqual(['key-2-abcdef', 'key-3-abcdef']);
  });

  it('turns {error} answers into a typed error, 409 as a conflict', async () => {
    const { api } = setUp(() => json({ error: { code: 'CONFLICT', message: 'version 3 is stale (now 4)' } }, 409));
    const err = await api.dispatch('INC-000007', { expectedVersion: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'CONFLICT', message: 'version 3 is stale (now 4)', isConflict: true });
  });

  it('copes with a body that is not the error shape, and with no network', async () => {
    const html = setUp(() => new Response('<html>Bad gateway</html>', { status: 403 }));
    expect(await html.api.get('INC-000001').catch((e: unknown) => e)).toMatchObject({ status: 403, code: 'FORBIDDEN', isConflict: false });
    const down = setUp(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await down.api.get('INC-000001').catch((e: unknown) => e)).toMatchObject({ status: 0, code: 'NETWORK', message: 'Failed to fetch' });
  });
});
