/**
 * Typed calls to the incident HTTP API (mock-server/http/incidentRoutes.ts) for the duty officer's
 * console. Every command carries the version the officer saw (`expectedVersion`, so two officers can
 * never both act on one state: the second gets 409) and a fresh `Idempotency-Key` per user action
 * (a network retry of the same action is answered once, never dispatched twice). Failures are the
 * shared client's `ApiError` (src/shared/apiClient.ts).
 */
import type { AuditEntry, DispatchRequest, IncidentView, NoteRequest, TeamSuggestion, TransitionRequest } from '@/protocol/workOrders';
import { createApiClient } from '@/shared/apiClient';

export interface IncidentApiDeps {
  /** The fetch to use (the app's apiFetch sends a 401 to the login page). */
  fetchImpl?: typeof fetch;
  /** The signed-in user's headers, read per request so a new login takes effect at once. */
  authHeaders?: () => Record<string, string>;
  /** One key per user action; injectable for tests. */
  newKey?: () => string;
}

export interface IncidentApi {
  listOpen(): Promise<IncidentView[]>;
  get(id: string): Promise<IncidentView>;
  audit(id: string): Promise<AuditEntry[]>;
  teams(id: string): Promise<TeamSuggestion[]>;
  dispatch(id: string, body: DispatchRequest): Promise<IncidentView>;
  transition(id: string, body: TransitionRequest): Promise<IncidentView>;
  note(id: string, body: NoteRequest): Promise<IncidentView>;
}

const path = (id: string, tail = '') => `/api/incidents/${encodeURIComponent(id)}${tail}`;

export function createIncidentApi(deps: IncidentApiDeps = {}): IncidentApi {
  const api = createApiClient({ fetchImpl: deps.fetchImpl, headers: deps.authHeaders });
  const newKey = deps.newKey ?? (() => crypto.randomUUID());
  const command = (url: string, body: unknown) => api.json<IncidentView>(url, { method: 'POST', headers: { 'idempotency-key': newKey() }, body });

  return {
    listOpen: async () => (await api.json<{ incidents: IncidentView[] }>('/api/incidents?status=open')).incidents,
    get: (id) => api.json<IncidentView>(path(id)),
    audit: async (id) => (await api.json<{ entries: AuditEntry[] }>(path(id, '/audit'))).entries,
    teams: async (id) => (await api.json<{ teams: TeamSuggestion[] }>(path(id, '/teams'))).teams,
    dispatch: (id, body) => command(path(id, '/dispatch'), body),
    transition: (id, body) => command(path(id, '/transition'), body),
    note: (id, body) => command(path(id, '/notes'), body),
  };
}
