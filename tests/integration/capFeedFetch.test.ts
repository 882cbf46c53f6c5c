/** fetchCapXml (the CAP feeds' GET) against a local HTTP server: conditional requests, http(s) only, redirects, the size cap and the timeout. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapFetchError, fetchCapXml } from '../../mock-server/cap/capFeedFetch';

let server: Server;
let base: string;
const asked: Record<string, string | undefined>[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push({ path: req.url, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
    if (req.url === '/feed') {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      return res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 17 Jun 2003 21:59:00 GMT' }).end('<feed/>');
    }
    if (req.url === '/moved') return res.writeHead(301, { location: '/feed' }).end();
    if (req.url === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/big') return res.writeHead(200).end('x'.repeat(2000));
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('<feed/>'), 2000);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const options = { timeoutMs: 5000 };
async function failure(p: Promise<unknown>): Promise<[string, string]> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(CapFetchError);
  return [(err as CapFetchError).failure, (err as Error).message];
}

describe('fetchCapXml', () => {
  it('sends the last 200\'s validators and reads a 304 as nothing new', async () => {
    const first = await fetchCapXml(`${base}/feed`, null, options);
    expect(first).toMatchObject({ status: 'ok', validators: { etag: '"v1"', lastModified: 'Tue, 17 Jun 2003 21:59:00 GMT' } });
    if (first.status !== 'ok') throw new Error('unreachable');
    expect(Buffer.from(first.bytes).toString()).toBe('<feed/>');
    expect(await fetchCapXml(`${base}/feed`, first.validators, options)).toEqual({ status: 'notModified' });
    expect(asked.at(-1)).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: 'Tue, 17 Jun 2003 21:59:00 GMT' });
  });

  it('follows an http redirect, and refuses one to another scheme or a loop', async () => {
    expect(await fetchCapXml(`${base}/moved`, null, options)).toMatchObject({ status: 'ok', url: `${base}/feed` });
    expect(await failure(fetchCapXml(`${base}/to-file`, null, options))).toEqual(['refused', 'file: URLs are not fetched (only http and https): file:///etc/passwd']);
    expect((await failure(fetchCapXml(`${base}/loop`, null, options)))[0]).toBe('refused');
  });

  it('fetches only http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed', 'data:text/xml,<feed/>']) expect((await failure(fetchCapXml(url, null, options)))[0]).toBe('refused');
  });

  it('refuses a body over the cap, an HTTP error, no answer in time, and an unreachable host', async () => {
    expect(await failure(fetchCapXml(`${base}/big`, null, { ...options, maxBytes: 1000 }))).toEqual(['body', `the body of ${base}/big is over 1000 bytes`]);
    expect(await failure(fetchCapXml(`${base}/error`, null, options))).toEqual(['http', `HTTP 500 from ${base}/error`]);
    expect(await failure(fetchCapXml(`${base}/slow`, null, { timeoutMs: 200 }))).toEqual(['unreachable', `cannot fetch ${base}/slow: no answer within 0.2 s`]);
    expect((await failure(fetchCapXml('http://127.0.0.1:1/feed', null, options)))[0]).toBe('unreachable');
  });
});
