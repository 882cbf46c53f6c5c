/**
 * The login throttle against the real server (issue 17, finding 1): an attempt is counted before its
 * password is checked, so a burst sent at once cannot outrun the limit; attempts are limited per
 * client address and per account; behind a reverse proxy (CITYOPS_TRUST_PROXY) the client's address
 * is the one in X-Forwarded-For. Other loopback addresses (127.0.0.0/8) stand in for other clients.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

const ADMIN_PASSWORD = 'throttle-admin-password';
const LIMIT = 10;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: { error?: { code: string; message: string }; token?: string };
}

/** POST /api/auth/login from a chosen local address, with an X-Forwarded-For header if given. */
function login(server: RunningServer, username: string, password: string, opts: { from?: string; forwardedFor?: string } = {}): Promise<Answer> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/api/auth/login`,
      {
        method: 'POST',
        agent: false,
        localAddress: opts.from ?? '127.0.0.1',
        headers: { 'content-type': 'application/json', ...(opts.forwardedFor && { 'x-forwarded-for': opts.forwardedFor }) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += String(d)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

describe('login throttle', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, adminPassword: ADMIN_PASSWORD });
    const admin = await login(server, 'admin', ADMIN_PASSWORD, { from: '127.0.0.1' });
    expect(admin.status).toBe(200);
    for (const username of ['olga', 'dan']) {
      const res = await fetch(`${server.url}/api/admin/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.body.token}` },
        body: JSON.stringify({ username, role: 'operator', password: `${username}-password-1` }),
      });
      expect(res.status).toBe(201);
    }
    // A server start and three scrypt hashes: slow on a machine busy with other tests.
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('checks at most the limit of 60 wrong passwords sent at once, and refuses the rest with 429', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, () => login(server, 'admin', 'wrong-guess', { from: '127.0.0.2' })));
    // 401 means the password was checked; 429 means it never was.
    expect(count(answers, 401)).toBeGreaterThan(0);
    expect(count(answers, 401)).toBeLessThanOrEqual(LIMIT);
    expect(count(answers, 429)).toBe(60 - count(answers, 401));
    for (const limited of answers.filter((a) => a.status === 429)) {
      expect(limited.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ s/) } });
      expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses the correct password during the lockout, from that address and from another one', async () => {
    expect((await login(server, 'admin', ADMIN_PASSWORD, { from: '127.0.0.2' })).status).toBe(429);
    // The account itself is locked: a fresh address does not get around it.
    expect((await login(server, 'admin', ADMIN_PASSWORD, { from: '127.0.0.3' })).status).toBe(429);
  });

  it('leaves another account on another address alone', async () => {
    const olga = await login(server, 'olga', 'olga-password-1', { from: '127.0.0.4' });
    expect(olga.status).toBe(200);
    expect(olga.body.token).toEqual(expect.any(String));
  });

  it('limits an account attacked from many addresses, and answers alike whether the account exists', async () => {
    const attack = (username: string, subnet: number) =>
      Promise.all(Array.from({ length: 30 }, (_, i) => login(server, username, 'wrong-guess', { from: `127.0.${subnet}.${i + 1}` })));
    const dan = await attack('dan', 10);
    const ghost = await attack('ghost', 11);
    for (const answers of [dan, ghost]) {
      expect(count(answers, 401)).toBeLessThanOrEqual(LIMIT);
      expect(count(answers, 429)).toBe(30 - count(answers, 401));
    }
    const shape = (answers: Answer[]) => answers.find((a) => a.status === 429)!.body.error!.message.replace(/\d+/g, 'N');
    expect(shape(dan)).toBe(shape(ghost));
    // The other account on a fresh address is still fine.
    expect((await login(server, 'olga', 'olga-password-1', { from: '127.0.0.5' })).status).toBe(200);
  });
});

describe('behind a reverse proxy', () => {
  /** Wrong passwords for different accounts (so only the address limit applies), one after another. */
  async function spray(server: RunningServer, forwardedFor: string, n: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) statuses.push((await login(server, `user${forwardedFor.replace(/\D/g, '')}x${i}`, 'wrong-guess', { from: '127.0.0.6', forwardedFor })).status);
    return statuses;
  }

  it('with CITYOPS_TRUST_PROXY, gives each X-Forwarded-For address its own limit', async () => {
    const server = await startTestServer({ demo: false, adminPassword: ADMIN_PASSWORD, trustProxy: true });
    try {
      const first = await spray(server, '203.0.113.7', LIMIT + 1);
      expect(first.slice(0, LIMIT).every((s) => s === 401)).toBe(true);
      expect(first[LIMIT]).toBe(429);
      expect(await spray(server, '203.0.113.8', 1)).toEqual([401]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('without it, ignores X-Forwarded-For: the proxy’s clients share the proxy’s limit', async () => {
    const server = await startTestServer({ demo: false, adminPassword: ADMIN_PASSWORD });
    try {
      const first = await spray(server, '203.0.113.7', LIMIT + 1);
      expect(first[LIMIT]).toBe(429);
      expect(await spray(server, '203.0.113.8', 1)).toEqual([429]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
