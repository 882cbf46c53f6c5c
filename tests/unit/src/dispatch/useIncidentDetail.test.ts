// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { effectScope, ref } from 'vue';
import type { IncidentApi } from '@/dispatch/incidentApi';
import { ApiError } from '@/shared/apiClient';
import { useIncidentDetail } from '@/dispatch/useIncidentDetail';
import type { Incident } from '@/protocol/cityEvents';
import type { IncidentView } from '@/protocol/workOrders';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { makeIncident } from '../../../support/incidentFixture';

const view = (i: Incident) => i as IncidentView;

function fakeApi(): { [K in keyof IncidentApi]: Mock<IncidentApi[K]> } {
  return {
    listOpen: vi.fn(async () => []),
    get: vi.fn(async (id: string) => view(makeIncident({ id, version: 5, status: 'dispatched' }))),
    audit: vi.fn(async () => []),
    teams: vi.fn(async () => [{ teamId: 'TM-001', name: 'A', nameEn: 'A', type: 'floodTeam', distanceKm: 1, routeKm: 1, etaMinutes: 2 }]),
    dispatch: vi.fn(async (id: string, body: { expectedVersion: number }) => view(makeIncident({ id, version: body.expectedVersion + 1, status: 'dispatched', workOrderId: 'WO-1' }))),
    transition: vi.fn(),
    note: vi.fn(),
  };
}

beforeEach(() => setActivePinia(createPinia()));

describe('useIncidentDetail', () => {
  it('dispatches with the version on screen and reloads the trail when the live version moves', async () => {
    const events = useCityEventsStore();
    events.replace({ alarms: [], incidents: [makeIncident({ id: 'INC-000001', version: 2 })], closures: [], warnings: [] });
    const api = fakeApi();
    const id = ref<string | null>('INC-000001');
    const detail = effectScope().run(() => useIncidentDetail(id, api))!;
    await flushPromises();
    expect(detail.teams.value.map((t) => t.teamId)).toEqual(['TM-001']);
    await detail.dispatch('TM-001');
    expect(api.dispatch).toHaveBeenCalledWith('INC-000001', { expectedVersion: 2, teamId: 'TM-001' });
    expect(detail.incident.value).toMatchObject({ status: 'dispatched', version: 3 });
    expect(detail.notice.value).toEqual({ kind: 'done', action: 'dispatch' });
    await flushPromises();
    expect(api.audit).toHaveBeenCalledTimes(2);
  });

  it('says someone else changed it and reloads on a 409', async () => {
    const events = useCityEventsStore();
    events.replace({ alarms: [], incidents: [makeIncident({ id: 'INC-000001', version: 2 })], closures: [], warnings: [] });
    const api = fakeApi();
    api.dispatch.mockRejectedValueOnce(new ApiError(409, 'CONFLICT', 'stale'));
    const detail = effectScope().run(() => useIncidentDetail(ref('INC-000001'), api))!;
    await flushPromises();
    await detail.dispatch('TM-001');
    expect(detail.notice.value).toEqual({ kind: 'conflict' });
    expect(api.get).toHaveBeenCalledWith('INC-000001');
    expect(detail.incident.value).toMatchObject({ version: 5, status: 'dispatched' });
  });
});
