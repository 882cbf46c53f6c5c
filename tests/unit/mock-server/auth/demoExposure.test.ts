import { describe, expect, it } from 'vitest';
import { demoExposure, isLoopbackHost } from '../../../../mock-server/auth/demoExposure';

describe('demo mode on a network address', () => {
  it('tells loopback hosts from network ones', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '::ffff:127.0.0.1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'wall.example.gov.cn', '::ffff:10.0.0.1', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses demo mode on a network address unless the operator asked for it, then warns', () => {
    expect(demoExposure({ demo: true, host: '127.0.0.1', demoOnNetwork: false })).toBe('local');
    expect(demoExposure({ demo: true, host: '0.0.0.0', demoOnNetwork: false })).toBe('refused');
    expect(demoExposure({ demo: true, host: '192.168.1.20', demoOnNetwork: false })).toBe('refused');
    expect(demoExposure({ demo: true, host: '0.0.0.0', demoOnNetwork: true })).toBe('warned');
    // Outside demo mode there are no published passwords to hand out.
    expect(demoExposure({ demo: false, host: '0.0.0.0', demoOnNetwork: false })).toBe('local');
  });
});
