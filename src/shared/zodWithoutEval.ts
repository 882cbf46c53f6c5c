/**
 * zod 4 compiles object parsers with `new Function` when it may, probing with a caught `new F("")`.
 * The server's Content-Security-Policy allows no eval (mock-server/http/securityHeaders.ts), so the
 * probe would be blocked and reported as a CSP violation on every load. Jitless parsing skips the
 * probe; the app's payloads are small. Imported first by main.ts: the setting is read when each
 * object schema is built, i.e. as the modules that declare them load.
 */
import { config } from 'zod';

config({ jitless: true });
