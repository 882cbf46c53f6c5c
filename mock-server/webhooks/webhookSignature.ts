/**
 * The signature on every delivery, as a receiver checks it (docs/api.md, "Webhooks"): HMAC-SHA256,
 * keyed with the webhook's secret, over `<timestamp>.<raw body>`, hex, sent as
 * `X-CityOps-Signature: t=<unix seconds>,v1=<hex>`. The timestamp is signed too, so a captured
 * request cannot be replayed later with a fresh one; a receiver refuses timestamps too far from its clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-cityops-signature';

/** The header value for `body` sent at `unixSeconds`. */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Whether `header` signs `body` with `secret`, at most `toleranceS` seconds from `nowS`. */
export function verifySignature(secret: string, header: string, body: string, nowS: number, toleranceS = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowS - t) > toleranceS) return false;
  const expected = signatureHeader(secret, t, body).split('v1=')[1];
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
