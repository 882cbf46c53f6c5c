/** `fetch` for the app's API: sends the current token, and a 401 sends the user to sign in. */
import { inject, type InjectionKey } from 'vue';
import { currentToken, notifyUnauthorized } from './session';

export const apiFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  const token = currentToken();
  if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(input, { ...init, headers });
  if (res.status === 401) notifyUnauthorized();
  return res;
};

/**
 * How components reach the API: main.ts provides apiFetch under this key, a component test its own
 * fake, so a mounted component never calls the network in a unit test.
 */
export const API_FETCH: InjectionKey<typeof fetch> = Symbol('API_FETCH');

/** The provided API fetch (call in setup). Mounting without one is a wiring mistake, said at once. */
export function useApiFetch(): typeof fetch {
  const fetchImpl = inject(API_FETCH, null);
  if (!fetchImpl) throw new Error('no API fetch provided: the app provides API_FETCH in main.ts, a test provides its own');
  return fetchImpl;
}
