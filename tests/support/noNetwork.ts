/**
 * Setup for the unit project: a unit test makes no network calls. fetch (Node's, or happy-dom's,
 * which really connects) and XMLHttpRequest are replaced by ones that throw and name the URL, and
 * the test that tried fails afterwards too, since code under test may catch the throw (a failed
 * fetch is often "no data yet"): a component that reaches for the server fails its test loudly
 * instead of printing ECONNREFUSED. Tests inject the fetch they need (a component takes it from
 * API_FETCH, a client from its deps) or stub it with vi.stubGlobal, whose unstub puts this guard back.
 */
import { afterEach } from 'vitest';

const attempts: string[] = [];

class NetworkInUnitTestError extends Error {
  constructor(what: string) {
    super(`unit tests make no network calls (${what}): inject a fetch into the code under test, or stub it`);
    this.name = 'NetworkInUnitTestError';
  }
}

function refuse(what: string): never {
  attempts.push(what);
  throw new NetworkInUnitTestError(what);
}

function refuseFetch(input: unknown): Promise<Response> {
  return refuse(`fetch ${input instanceof Request ? input.url : String(input)}`);
}

class RefusedXMLHttpRequest {
  constructor() {
    refuse('XMLHttpRequest');
  }
}

type Scope = Record<string, unknown>;
const scopes = new Set<Scope>([globalThis as unknown as Scope]);
// Under happy-dom, `window` may be its own object with its own fetch.
if ('window' in globalThis && globalThis.window) scopes.add(globalThis.window as unknown as Scope);
for (const scope of scopes) {
  scope.fetch = refuseFetch;
  if ('XMLHttpRequest' in scope) scope.XMLHttpRequest = RefusedXMLHttpRequest;
}

afterEach(() => {
  if (attempts.length) throw new NetworkInUnitTestError(attempts.splice(0).join('; '));
});
