import { describe, expect, it } from 'vitest';
import { SocketCaps } from '../../../../mock-server/realtime/socketCaps';
import type { Principal } from '@/protocol/auth';

const dan: Principal = { kind: 'user', username: 'dan', role: 'dispatcher' };
const eve: Principal = { kind: 'user', username: 'eve', role: 'operator' };
const lobby: Principal = { kind: 'kiosk', label: 'Lobby', role: 'operator' };
const anonymous: Principal = { kind: 'anonymous', role: 'operator' };

describe('SocketCaps', () => {
  it('refuses past the cap per account, naming it, and takes the place back on release', () => {
    const caps = new SocketCaps({ perAddress: 10, perAccount: 2, perKiosk: 3 });
    const first = caps.reserve('10.0.0.1', dan);
    expect(caps.reserve('10.0.0.2', dan).ok).toBe(true);
    expect(caps.reserve('10.0.0.3', dan)).toEqual({ ok: false, reason: 'account', message: expect.stringMatching(/^too many connections: the account "dan" has at most 2/) });
    expect(caps.reserve('10.0.0.3', eve).ok).toBe(true);
    if (!first.ok) throw new Error('first refused');
    first.release();
    first.release();
    expect(caps.reserve('10.0.0.3', dan).ok).toBe(true);
    expect(caps.reserve('10.0.0.3', dan).ok).toBe(false);
  });

  it('refuses past the cap per address whoever it is', () => {
    const caps = new SocketCaps({ perAddress: 2, perAccount: 5, perKiosk: 5 });
    expect(caps.reserve('10.0.0.1', dan).ok).toBe(true);
    expect(caps.reserve('10.0.0.1', eve).ok).toBe(true);
    expect(caps.reserve('10.0.0.1', lobby)).toMatchObject({ ok: false, reason: 'address', message: expect.stringMatching(/this address has at most 2/) });
    expect(caps.reserve('10.0.0.2', lobby).ok).toBe(true);
  });

  it('gives kiosk links and demo mode’s anonymous viewers their own number', () => {
    const caps = new SocketCaps({ perAddress: 100, perAccount: 1, perKiosk: 3 });
    for (let i = 0; i < 3; i++) expect(caps.reserve(`10.0.1.${i}`, lobby).ok).toBe(true);
    expect(caps.reserve('10.0.1.9', lobby)).toMatchObject({ ok: false, reason: 'kiosk', message: expect.stringContaining('"Lobby"') });
    for (let i = 0; i < 3; i++) expect(caps.reserve(`10.0.2.${i}`, anonymous).ok).toBe(true);
    expect(caps.reserve('10.0.2.9', anonymous)).toMatchObject({ ok: false, reason: 'kiosk' });
  });
});
