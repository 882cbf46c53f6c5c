/**
 * A kiosk wall's session (issue 17, finding 9): the link's token, kept for the tab by
 * captureKioskAccess, is sent once to POST /api/auth/kiosk, in a header, for a session token that the
 * socket and the API then carry. An unattended wall must keep working, so the link's token stays in
 * the tab's storage (never in the URL): when the session expires, or the server restarts and no longer
 * knows it, the wall is refused once and exchanges the link again (src/auth/bindAuth.ts). Only a
 * refused link (revoked) is forgotten, which sends the wall to the login page.
 */
import { forgetKioskAccess, kioskAccess, loadKioskSession, saveKioskSession, type KioskSession } from './session';

/** ok: a new session is stored; refused: the link is no good and was forgotten; unavailable: try again later. */
export type KioskExchangeOutcome = 'ok' | 'refused' | 'unavailable';

export async function exchangeKioskAccess(fetchImpl: typeof fetch = fetch): Promise<KioskExchangeOutcome> {
  const access = kioskAccess();
  if (!access) return 'refused';
  let res: Response;
  try {
    res = await fetchImpl('/api/auth/kiosk', { method: 'POST', headers: { authorization: `Bearer ${access}` } });
  } catch {
    return 'unavailable';
  }
  if (res.status === 401 || res.status === 400) {
    forgetKioskAccess();
    return 'refused';
  }
  if (!res.ok) return 'unavailable';
  saveKioskSession((await res.json()) as KioskSession);
  return 'ok';
}

/**
 * Whether this tab watches through a kiosk link: true with a live kiosk session, exchanging the link
 * for one when there is none yet; also true while the server cannot answer (the wall opens and
 * retries), false without a link or when the link is refused.
 */
export async function ensureKioskSession(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  if (!kioskAccess()) return false;
  if (loadKioskSession()) return true;
  return (await exchangeKioskAccess(fetchImpl)) !== 'refused';
}
