import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../../mock-server/auth/loginThrottle';

const limits = { perAddress: 3, perAccount: 5, windowMs: 60_000 };

function setup() {
  let t = 0;
  return { throttle: new LoginThrottle(limits, () => t), advance: (ms: number) => (t += ms) };
}

describe('login throttle', () => {
  it('counts an attempt when it is admitted, before anyone knows whether it fails', () => {
    const { throttle } = setup();
    // Three attempts in flight at once, none settled yet: the fourth is refused all the same.
    const admitted = [1, 2, 3].map(() => throttle.admit('10.0.0.1', 'dana'));
    expect(admitted.every((a) => a.ok)).toBe(true);
    expect(throttle.admit('10.0.0.1', 'dana')).toEqual({ ok: false, retryAfterMs: 20_000 });
  });

  it('gives back the attempts of logins that succeed', () => {
    const { throttle } = setup();
    for (let i = 0; i < 10; i++) {
      const a = throttle.admit('10.0.0.1', 'dana');
      expect(a.ok).toBe(true);
      if (a.ok) a.settle(true);
    }
  });

  it('limits an account across addresses, whether or not it exists, and whatever its case', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 5; i++) expect(throttle.admit(`10.0.0.${i}`, i % 2 ? 'Ghost' : 'ghost').ok).toBe(true);
    expect(throttle.admit('10.0.0.99', 'ghost').ok).toBe(false);
    expect(throttle.admit('10.0.0.99', 'dana').ok).toBe(true);
    advance(12_000);
    expect(throttle.admit('10.0.0.98', 'ghost').ok).toBe(true);
  });

  it('does not count a refused attempt against the other key', () => {
    const { throttle } = setup();
    for (let i = 0; i < 3; i++) throttle.admit('10.0.0.1', `user${i}`);
    // Refused by its address: dana's account bucket is untouched.
    for (let i = 0; i < 10; i++) expect(throttle.admit('10.0.0.1', 'dana').ok).toBe(false);
    for (let i = 0; i < 5; i++) expect(throttle.admit(`10.0.1.${i}`, 'dana').ok).toBe(true);
  });
});
