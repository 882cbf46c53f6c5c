import { describe, expect, it } from 'vitest';
import { digest } from '../../../../mock-server/auth/authService';
import { KioskSessions } from '../../../../mock-server/auth/kioskSessions';
import type { KioskLinkRecord } from '../../../../mock-server/storage/stores';

function setup(opts: { ttlMs?: number; maxSessions?: number } = {}) {
  let t = 1_000;
  const links = new Map<string, KioskLinkRecord>([[digest('link-token'), { tokenHash: digest('link-token'), label: 'Lobby', createdBy: 'admin', createdAt: 0, revokedAt: null }]]);
  const sessions = new KioskSessions({ findKioskLink: async (hash) => links.get(hash) ?? null }, { now: () => t, ...opts });
  return { sessions, links, advance: (ms: number) => (t += ms) };
}

describe('KioskSessions', () => {
  it('gives a session for a link token that watches as the link until it expires', async () => {
    const { sessions, advance } = setup({ ttlMs: 60_000 });
    const s = (await sessions.exchange('link-token'))!;
    expect(s).toEqual({ token: expect.any(String), label: 'Lobby', expiresAt: 61_000 });
    expect(await sessions.principalFor(s.token)).toEqual({ kind: 'kiosk', label: 'Lobby', role: 'operator' });
    expect(await sessions.principalFor('link-token')).toBeNull();
    advance(60_000);
    expect(await sessions.principalFor(s.token)).toBeNull();
  });

  it('refuses unknown and revoked links, and a revoke ends the sessions already given', async () => {
    const { sessions, links } = setup();
    expect(await sessions.exchange('nope')).toBeNull();
    const s = (await sessions.exchange('link-token'))!;
    links.get(digest('link-token'))!.revokedAt = 5;
    expect(await sessions.principalFor(s.token)).toBeNull();
    expect(await sessions.exchange('link-token')).toBeNull();
  });

  it('keeps at most maxSessions, dropping the oldest', async () => {
    const { sessions } = setup({ maxSessions: 2 });
    const [a, b, c] = [await sessions.exchange('link-token'), await sessions.exchange('link-token'), await sessions.exchange('link-token')];
    expect(await sessions.principalFor(a!.token)).toBeNull();
    expect(await sessions.principalFor(b!.token)).not.toBeNull();
    expect(await sessions.principalFor(c!.token)).not.toBeNull();
  });
});
