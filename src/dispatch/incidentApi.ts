/**
 * Typed calls to the incident HTTP API (mock-server/http/incidentRoutes.ts) for the duty officer's
 * console. Every command carries the version the officer saw (`expectedVersion`, so two officers can
 * never both act on one state: the second gets 409) and a fresh `Idempotency-Key` per user action
 * (a network retry of the same action is answered once, never dispatched twice).
 */
import type { ErrorCode } from '@/protocol/events';
import type { AuditEntry, DispatchRequest, IncidentView, NoteRequest, TeamSuggestion, TransitionRequest } from '@/protocol/workOrders';

/** An API refusal as the UI shows it: the HTTP status, the server's code and its message. */
export class IncidentApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
  ) {
    super(message);
    this.name = 'IncidentApiError';
  }

  /** Someone else changed the incident since it was loaded (stale `expectedVersion`). */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

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

/** Reads `{error: {code, message}}`, or makes one up for a body that is not (a proxy's HTML page). */
async function toError(res: Response): Promise<IncidentApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: ErrorCode; message?: string } };
    if (body.error?.code) return new IncidentApiError(res.status, body.error.code, body.error.message ?? body.error.code);
  } catch {
    // Not JSON: fall through to a generic error with the status.
  }
  const code: ErrorCode = res.status === 401 ? 'UNAUTHORIZED' : res.status === 403 ? 'FORBIDDEN' : res.status === 404 ? 'NOT_FOUND' : res.status === 409 ? 'CONFLICT' : res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  return new IncidentApiError(res.status, code, `HTTP ${res.status}`);
}

export function createIncidentApi(deps: IncidentApiDeps = {}): IncidentApi {
  const fetchImpl = deps.fetchImpl ?? ((input, init) => fetch(input, init));
  const authHeaders = deps.authHeaders ?? (() => ({}));
  const newKey = deps.newKey ?? (() => crypto.randomUUID());

  async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(url, { ...init, headers: { accept: 'application/json', ...authHeaders(), ...(init.headers as Record<string, string> | undefined) } });
    } catch (err) {
      throw new IncidentApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
    }
    if (!res.ok) throw await toError(res);
    return (await res.json()) as T;
  }

  const command = <T>(url: string, body: unknown) =>
    call<T>(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': newKey() }, body: JSON.stringify(body) });

  return {
    listOpen: async () => (await call<{ incidents: IncidentView[] }>('/api/incidents?status=open')).incidents,
    get: (id) => call<IncidentView>(path(id)),
    audit: async (id) => (await call<{ entries: AuditEntry[] }>(path(id, '/audit'))).entries,
    teams: async (id) => (await call<{ teams: TeamSuggestion[] }>(path(id, '/teams'))).teams,
    dispatch: (id, body) => command<IncidentView>(path(id, '/dispatch'), body),
    transition: (id, body) => command<IncidentView>(path(id, '/transition'), body),
    note: (id, body) => command<IncidentView>(path(id, '/notes'), body),
  };
}
