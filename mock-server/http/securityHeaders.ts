/**
 * Security headers on every answer (issue 17, finding 11), through @fastify/helmet: a Content
 * Security Policy that the built app satisfies and nothing more, no framing (a command screen inside
 * someone else's page is a clickjacking target), nosniff and no referrer.
 *
 * What the app loads, and why each source is allowed: its scripts, styles, fonts and the maplibre
 * worker from this origin; maplibre also makes workers and images from blob: URLs; map tiles, the
 * style and geodata are served here; the socket (socket.io, HTTP then WebSocket) goes to this origin;
 * styles allow 'unsafe-inline' because ECharts' tooltips are HTML with inline style attributes.
 * No eval anywhere: Vue templates are compiled at build time and vue-i18n compiles messages without it.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** An operator's basemap style (CITYOPS_MAP_STYLE_URL): its origin may serve the style, tiles, sprites and glyphs. */
  mapStyleUrl?: string;
}

/** The policy's directives, in helmet's form. */
export function contentSecurityPolicy(opts: SecurityHeaderOptions = {}): Record<string, string[]> {
  const basemap = opts.mapStyleUrl ? [new URL(opts.mapStyleUrl).origin] : [];
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...basemap],
    'font-src': ["'self'", 'data:', ...basemap],
    'connect-src': ["'self'", ...basemap],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // helmet's default lets scripts be attributes (onclick=…); the app has none.
    'script-src-attr': ["'none'"],
    // No upgrade-insecure-requests: the server speaks plain HTTP on the control room's network.
  };
}

/** Registers the headers for every route of `app`, registered before or after. */
export async function registerSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions = {}): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HTTPS is a reverse proxy's business here: HSTS belongs on the proxy that terminates TLS.
    strictTransportSecurity: false,
  });
}
