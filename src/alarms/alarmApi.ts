/**
 * Acknowledging an alarm from a screen: `POST /api/alarms/:id/ack` (mock-server/http/alarmRoutes.ts)
 * through the shared API client, so a refusal arrives as one `ApiError`. The screens learn that it is
 * acknowledged from the next frame, like everyone else.
 */
import type { AlarmRecord } from '@/protocol/alarmRecords';
import { createApiClient } from '@/shared/apiClient';

export interface AlarmApi {
  acknowledge(id: string, note?: string): Promise<AlarmRecord>;
}

/** `fetchImpl`: the app's apiFetch (it sends the token; a 401 goes to the login page). */
export function createAlarmApi(fetchImpl?: typeof fetch): AlarmApi {
  const api = createApiClient({ fetchImpl });
  return {
    acknowledge: (id, note) => api.json<AlarmRecord>(`/api/alarms/${encodeURIComponent(id)}/ack`, { method: 'POST', body: note ? { note } : {} }),
  };
}
