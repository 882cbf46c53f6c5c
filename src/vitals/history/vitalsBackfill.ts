/**
 * Fetches the server's last hour of vital signs once per catalogue, shared by the five panels, so a
 * wall screen that (re)loads draws full sparklines at once. A failed fetch only means the sparklines
 * fill from the live frames, as they would anyway; it is retried on the next catalogue.
 */
export interface VitalsBackfill {
  indicators: string[];
  points: { t: number; values: (number | null)[] }[];
}

let pending: { key: string; promise: Promise<VitalsBackfill | null> } | null = null;

export function isVitalsBackfill(body: unknown): body is VitalsBackfill {
  const b = body as VitalsBackfill | null;
  return !!b && Array.isArray(b.indicators) && Array.isArray(b.points) && b.points.every((p) => typeof p?.t === 'number' && Array.isArray(p.values));
}

export function loadVitalsBackfill(catalogKey: string, fetchImpl: typeof fetch): Promise<VitalsBackfill | null> {
  if (pending?.key === catalogKey) return pending.promise;
  const promise = fetchImpl('/api/vitals/history?minutes=60', { headers: { accept: 'application/json' } })
    .then(async (res) => {
      const body: unknown = res.ok ? await res.json() : null;
      return isVitalsBackfill(body) ? body : null;
    })
    .catch(() => null)
    .then((result) => {
      if (!result && pending?.key === catalogKey) pending = null;
      return result;
    });
  pending = { key: catalogKey, promise };
  return promise;
}
