/**
 * The server's runtime configuration for the browser (`GET /api/config`), asked once per page load
 * and shared by the route guard (demo mode) and the maps (basemap style). A failed request is asked
 * again next time rather than remembered as an answer.
 */
export interface RuntimeConfig {
  demo: boolean;
  mapStyleUrl: string | null;
}

let pending: Promise<RuntimeConfig | null> | undefined;

export function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig | null> {
  pending ??= fetchImpl('/api/config')
    .then(async (res) => {
      if (!res.ok) throw new Error(`config: HTTP ${res.status}`);
      const body = (await res.json()) as Partial<RuntimeConfig>;
      return { demo: body.demo === true, mapStyleUrl: body.mapStyleUrl ?? null };
    })
    .catch(() => {
      pending = undefined;
      return null;
    });
  return pending;
}
