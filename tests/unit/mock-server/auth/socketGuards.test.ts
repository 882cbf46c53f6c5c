import { describe, expect, it } from 'vitest';
import { KeyedBuckets, TokenBucket } from '../../../../mock-server/auth/rateLimit';
import { allowRequestFor, originAllowed } from '../../../../mock-server/auth/socketAuth';
import type { IncomingMessage } from 'node:http';

describe('originAllowed', () => {
  const policy = { allowedOrigins: ['https://wall.example.gov.cn'], serverOrigins: ['http://127.0.0.1:8080', 'https://127.0.0.1:8080'] };
  it.each([
    ['http://127.0.0.1:8080', true],
    ['https://127.0.0.1:8080', true],
    ['https://wall.example.gov.cn', true],
    ['https://wall.example.gov.cn:443', true],
    ['http://127.0.0.1:8081', false],
    ['http://wall.example.gov.cn', false],
    ['http://evil.example', false],
    ['https://wall.example.gov.cn.evil.example', false],
    ['null', false],
    ['not a url', false],
  ])('%s → %s', (origin, ok) => {
    expect(originAllowed(origin, policy)).toBe(ok);
  });

  it('allows requests without an Origin and checks the rest against the Host', () => {
    const allow = allowRequestFor([]);
    const ask = (headers: Record<string, string>) =>
      new Promise<boolean>((resolve) => allow({ headers } as unknown as IncomingMessage, (_err, ok) => resolve(ok)));
    return Promise.all([
      expect(ask({ host: 'localhost:8080' })).resolves.toBe(true),
      expect(ask({ host: 'localhost:8080', origin: 'http://localhost:8080' })).resolves.toBe(true),
      expect(ask({ host: 'localhost:8080', origin: 'http://evil.example' })).resolves.toBe(false),
    ]);
  });
});

describe('token bucket', () => {
  it('allows a burst, then refills over the window', () => {
    let t = 0;
    const bucket = new TokenBucket({ capacity: 20, windowMs: 10_000, now: () => t });
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    expect(bucket.retryAfterMs()).toBe(500);
    t += 500;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    t += 60_000;
    expect(bucket.full()).toBe(true);
  });

  it('keeps one bucket per key and stays bounded', () => {
    const buckets = new KeyedBuckets({ capacity: 1, windowMs: 60_000 }, 3);
    buckets.get('a').take();
    expect(buckets.get('a').available()).toBe(false);
    expect(buckets.get('b').available()).toBe(true);
    for (const k of ['c', 'd', 'e']) buckets.get(k).take();
    expect(buckets.get('z').available()).toBe(true);
  });
});
