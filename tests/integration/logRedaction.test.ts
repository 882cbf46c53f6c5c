/**
 * Secrets in a URL never reach the request log (issue 17, finding 9): a kiosk link's `?access=`
 * token and the `api_key` / `token` / `access_token` query values are redacted from what the real
 * server's logger writes, while the rest of the request line is still logged.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

const SECRETS = {
  kiosk: 'kioskSecretToken0123456789abcdefghijklmno',
  apiKey: 'apiKeySecret0123456789abcdefghijk',
  token: 'plainTokenSecret0123456789',
  accessToken: 'accessTokenSecret0123456789',
};

let server: RunningServer;
const lines: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startTestServer({ logLevel: 'info', integrationKeys: [{ name: 'hotline', key: SECRETS.apiKey }] }, { logStream: stream });
});

afterAll(async () => {
  await server?.close();
});

describe('request log', () => {
  it('prints the request lines but none of the secrets in their query strings', async () => {
    await fetch(`${server.url}/?kiosk=1&director=1&access=${SECRETS.kiosk}`);
    await fetch(`${server.url}/open311/v2/services.json?api_key=${SECRETS.apiKey}`);
    await fetch(`${server.url}/api/health?token=${SECRETS.token}&access_token=${SECRETS.accessToken}`);
    // The logger writes asynchronously from the response: give it a moment.
    await new Promise((done) => setTimeout(done, 200));
    const log = lines.join('');
    expect(log).toContain('/open311/v2/services.json?api_key=');
    expect(log).toContain('director=1');
    expect(log).toContain('/api/health?token=');
    for (const secret of Object.values(SECRETS)) expect(log).not.toContain(secret);
  });
});
