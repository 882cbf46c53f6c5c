/**
 * One way for the app to call its HTTP API: sends the caller's headers, JSON-encodes a body, and
 * turns every failure into one `ApiError` — the server's `{error: {code, message}}`, a status
 * without that body (a proxy's HTML page), or no answer at all (`NETWORK`, status 0). Feature
 * clients (incidents, summaries) build their typed calls on it instead of repeating that handling.
 */
import { errorCodeOfStatus } from '@/protocol/errorHttpStatus';
import type { ErrorCode } from '@/protocol/events';

/** An API refusal as the UI shows it: the HTTP status (0 when nothing came back), the server's code and its message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Someone else changed the record since it was loaded (a stale `expectedVersion`). */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/** Any thrown value as an ApiError (what is not one already is a failure to reach the server). */
export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
}

/** Reads `{error: {code, message}}`, or names the status when the body is not that shape. */
export async function errorOfResponse(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: ErrorCode; message?: string } };
    if (body.error?.code) return new ApiError(res.status, body.error.code, body.error.message ?? body.error.code);
  } catch {
    // Not JSON: fall through to an error named after the status.
  }
  return new ApiError(res.status, errorCodeOfStatus(res.status), `HTTP ${res.status}`);
}

export interface ApiClientDeps {
  /** The fetch to use (the app's apiFetch adds the token and sends a 401 to the login page); injected in tests. */
  fetchImpl?: typeof fetch;
  /** Headers for every call, read per call so a new login takes effect at once. */
  headers?: () => Record<string, string>;
}

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Extra headers for this call (they win over the client's). */
  headers?: Record<string, string>;
  /** Sent as JSON (with its content type) when given. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiClient {
  /** The response of a call that succeeded (2xx), for bodies that are not JSON (CSV, PDF); anything else throws ApiError. */
  request(url: string, call?: ApiCall): Promise<Response>;
  /** A JSON call: asks for JSON, sends `body` as JSON, answers the parsed body; a failure throws ApiError. */
  json<T>(url: string, call?: ApiCall): Promise<T>;
}

export function createApiClient(deps: ApiClientDeps = {}): ApiClient {
  // Resolved per call, so a test's stubbed global fetch is the one used.
  const fetchImpl = deps.fetchImpl ?? ((input, init) => fetch(input, init));
  const shared = deps.headers ?? (() => ({}));

  async function request(url: string, call: ApiCall = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...shared(), ...call.headers };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: call.signal,
      });
    } catch (err) {
      throw toApiError(err);
    }
    if (!res.ok) throw await errorOfResponse(res);
    return res;
  }

  return {
    request,
    async json<T>(url: string, call?: ApiCall) {
      return (await (await request(url, call)).json()) as T;
    },
  };
}
