/** `fetch` for the app's API: sends the current token, and a 401 sends the user to sign in. */
import { currentToken, notifyUnauthorized } from './session';

export const apiFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  const token = currentToken();
  if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(input, { ...init, headers });
  if (res.status === 401) notifyUnauthorized();
  return res;
};
