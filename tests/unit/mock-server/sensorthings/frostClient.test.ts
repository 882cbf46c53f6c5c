import { beforeEach, describe, expect, it } from 'vitest';
import { FrostClient, FrostError, idLiteral, observationsPath } from '../../../../mock-server/sensorthings/frostClient';
import { frostApi, type FrostApi } from '../../../support/frostServer';

let frost: FrostApi;
beforeEach(() => {
  frost = frostApi('http://frost.test/FROST-Server/v1.1', { maxTop: 3 });
});

async function pages(client: FrostClient, id: number | string, after: number): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const page of client.observationPages(id, after)) out.push(page);
  return out;
}

describe('the query', () => {
  it('asks for the Observations after a time, oldest first, a thousand at a time, only time and result', () => {
    expect(decodeURIComponent(observationsPath(7, Date.parse('2023-01-01T12:00:00Z')))).toBe(
      'Datastreams(7)/Observations?$filter=phenomenonTime gt 2023-01-01T12:00:00.000Z&$orderby=phenomenonTime asc&$top=1000&$select=phenomenonTime,result',
    );
  });

  it('writes a string id quoted, its quotes doubled', () => {
    expect(idLiteral(12)).toBe('12');
    expect(idLiteral("urn:ds:o'brien")).toBe("'urn:ds:o''brien'");
  });
});

describe('FrostClient against a FROST-like server', () => {
  it('reads a Datastream’s name and unit, and null for one the server does not have', async () => {
    const client = new FrostClient({ url: `${frost.url}/`, fetch: frost.fetch });
    expect(await client.datastream(1)).toEqual({ name: 'datastream name 1', unitOfMeasurement: expect.objectContaining({ symbol: 'lm' }) });
    expect(await client.datastream(99)).toBeNull();
  });

  it('follows @iot.nextLink page by page', async () => {
    const client = new FrostClient({ url: frost.url, fetch: frost.fetch });
    // Datastream 3 (the $batch body's first) has four Observations; the server serves three a page.
    const read = await pages(client, 3, 0);
    expect(read.map((p) => p.length)).toEqual([3, 1]);
    expect(read.flat()).toEqual(['12:00', '12:01', '12:03', '12:04'].map((hm, i) => ({ phenomenonTime: `2023-01-01T${hm}:00Z`, result: i + 1 })));
    expect(frost.requests.at(-1)).toMatch(/\$skip=3/);
    expect(await pages(client, 3, Date.parse('2023-01-01T12:01:00Z'))).toEqual([[expect.objectContaining({ result: 3 }), expect.objectContaining({ result: 4 })]]);
  });

  it('throws what came back: an HTTP error, a body that is not JSON, a body that is no collection', async () => {
    const client = new FrostClient({ url: frost.url, fetch: frost.fetch });
    frost.fault = 'status500';
    await expect(pages(client, 3, 0)).rejects.toMatchObject({ failure: 'http', status: 500, message: expect.stringMatching(/^HTTP 500 from .*connection to the database lost/) });
    frost.fault = 'garbage';
    await expect(pages(client, 3, 0)).rejects.toMatchObject({ failure: 'body', message: expect.stringMatching(/^not JSON from .*\(text\/html\): <html><body>Proxy error/) });
    frost.fault = null;
    await expect(pages(client, 'x', 0)).rejects.toMatchObject({ failure: 'http', status: 404 });
    const notACollection = new FrostClient({ url: frost.url, fetch: async () => new Response('{"value": 3}') });
    await expect(pages(notACollection, 3, 0)).rejects.toThrow(/expected a collection/);
  });

  it('refuses a nextLink to another origin (a FROST serviceRootUrl set for another host)', async () => {
    const elsewhere = new FrostClient({ url: frost.url, fetch: async () => new Response(JSON.stringify({ value: [], '@iot.nextLink': 'http://localhost:8080/FROST-Server/v1.1/Datastreams(3)/Observations?$skip=1000' })) });
    await expect(pages(elsewhere, 3, 0)).rejects.toThrow(/the next page is at http:\/\/localhost:8080, not the configured http:\/\/frost\.test: set the server's serviceRootUrl/);
  });

  it('throws an unreachable server as such', async () => {
    const refused = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    const client = new FrostClient({ url: 'http://frost.test:9/FROST-Server/v1.1', fetch: refused });
    const err = await pages(client, 3, 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FrostError);
    expect(err).toMatchObject({ failure: 'unreachable', message: expect.stringMatching(/^cannot reach http:\/\/frost\.test:9\/.*: ECONNREFUSED$/) });
  });
});
