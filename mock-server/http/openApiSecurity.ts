/**
 * The OpenAPI security of a route from the permission its guard checks (auth/httpAuth.ts), so the
 * document says what the guard does: a session token (POST /api/auth/login, or a kiosk link's token)
 * for every permission, and an integration key as well where integrations hold that permission
 * (src/protocol/auth.ts). The scheme names are those of openApiRoutes.ts' components.
 */
import { PERMISSIONS, type Permission } from '../../src/protocol/auth';

export const SECURITY_SCHEMES = {
  session: { type: 'http', scheme: 'bearer', description: 'A session token from POST /api/auth/login (or a kiosk link\'s token), as `Authorization: Bearer <token>`. In demo mode the watching routes (permission `view`) also answer without one.' },
  integrationKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'Another city system\'s key (CITYOPS_INTEGRATION_KEYS=name:key); it may report incidents and readings and nothing else.' },
  open311ApiKey: { type: 'apiKey', in: 'query', name: 'api_key', description: 'Open311 GeoReport v2\'s api_key (an integration key), as a query parameter or, on POST, a body field.' },
  kioskLink: { type: 'http', scheme: 'bearer', description: 'A kiosk link\'s token (POST /api/admin/kiosk-links), as `Authorization: Bearer <token>`, exchanged once for a session.' },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'CITYOPS_METRICS_TOKEN, for Prometheus. Without it set, /metrics answers only on loopback.' },
} as const;

/** The `security` of a route guarded by `permission`. */
export function securityFor(permission: Permission): Record<string, string[]>[] {
  const roles: readonly string[] = PERMISSIONS[permission];
  return roles.includes('integration') ? [{ session: [] }, { integrationKey: [] }] : [{ session: [] }];
}
