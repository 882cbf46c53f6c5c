/**
 * Which budget an HTTP request draws from, and whose it is (issue 17, finding 4): commands, ingest and
 * admin each their own budget per signed-in user or integration key; reads, pages and the login
 * route (its own throttle) draw from none; a caller with no principal is counted by its address.
 */
import { describe, expect, it } from 'vitest';
import { limitKeyOf, routeClassOf } from '../../../../mock-server/http/rateLimits';

describe('routeClassOf', () => {
  it.each([
    ['POST', '/api/incidents', 'command'],
    ['POST', '/api/incidents/:id/dispatch', 'command'],
    ['POST', '/api/incidents/:id/transition', 'command'],
    ['POST', '/api/incidents/:id/notes', 'command'],
    ['POST', '/api/alarms/:id/ack', 'command'],
    ['PUT', '/api/sim/scenario', 'command'],
    ['POST', '/api/auth/logout', 'command'],
    ['POST', '/open311/v2/requests.:format', 'command'],
    ['POST', '/api/ingest/readings', 'ingest'],
    ['POST', '/api/ingest/cap', 'ingest'],
    ['POST', '/api/admin/users', 'admin'],
    ['DELETE', '/api/admin/webhooks/:id', 'admin'],
    ['POST', '/api/admin/assets', 'admin'],
  ] as const)('%s %s draws from the %s budget', (method, url, budget) => {
    expect(routeClassOf(method, url)).toBe(budget);
  });

  it.each([
    ['POST', '/api/auth/login'],
    ['GET', '/api/incidents'],
    ['GET', '/open311/v2/requests.:format'],
    ['HEAD', '/api/health'],
    ['GET', '/*'],
    ['POST', undefined],
  ] as const)('%s %s draws from none', (method, url) => {
    expect(routeClassOf(method, url)).toBeNull();
  });
});

describe('limitKeyOf', () => {
  it('counts a user by name and an integration by key name, whatever address they come from', () => {
    expect(limitKeyOf({ kind: 'user', username: 'dispatcher', role: 'dispatcher' }, '10.0.0.1')).toBe('user:dispatcher');
    expect(limitKeyOf({ kind: 'integration', name: 'hotline', role: 'integration' }, '10.0.0.1')).toBe('key:hotline');
  });

  it('counts anyone else by address', () => {
    expect(limitKeyOf(null, '10.0.0.7')).toBe('address:10.0.0.7');
    expect(limitKeyOf({ kind: 'anonymous', role: 'operator' }, '10.0.0.7')).toBe('address:10.0.0.7');
    expect(limitKeyOf({ kind: 'kiosk', label: 'wall', role: 'operator' }, '10.0.0.7')).toBe('address:10.0.0.7');
  });
});
