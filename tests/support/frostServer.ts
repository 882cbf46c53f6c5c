/**
 * A small stand-in for a FROST server's read API, over real HTTP, serving the public SensorThings
 * material in ../shared/data/sensorthings-frost as it is: the Thing, Datastreams and Observations of
 * the deep-insert body (valid-deep-insert-thing-entitiesDefault.json) and those the $batch body
 * (valid-batch-post-finegrainedsecurity.json) creates, given @iot.ids in the order a server creating
 * them would (the deep insert first: Thing 1, Datastreams 1–2, Observations 1–4; then the batch:
 * Things 2–5, Datastreams 3–10, Observations 5–36).
 *
 * It answers what the poller asks, the way FROST does: `Things`, `Datastreams`, `Datastreams(id)`,
 * `Datastreams(id)/Observations` with `$filter=phenomenonTime gt <time>` (an interval compared by its
 * start), `$orderby=phenomenonTime asc`, `$top` capped at `maxTop` with an absolute `@iot.nextLink`
 * (`$skip`), `$select`; 404 for an unknown id, 400 for a query it does not understand. A test can add
 * Observations, make it fail (`fault`), and read the requests it served. `frostApi` is the same
 * server as a `fetch` for unit tests, which make no network calls; `startFrostServer` serves it over
 * HTTP on a loopback port for integration tests.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const MATERIAL = '../shared/data/sensorthings-frost';

type Json = Record<string, unknown>;

export interface FrostObservation {
  '@iot.id': number;
  phenomenonTime: string;
  result: unknown;
}

export interface FrostDatastream {
  '@iot.id': number;
  name: string;
  description?: string;
  unitOfMeasurement: { name?: string | null; symbol?: string | null; definition?: string | null };
  observationType?: string;
  thingId: number;
  observations: FrostObservation[];
}

export interface FrostThing {
  '@iot.id': number;
  name: string;
  description?: string;
}

/** `status500`: every request answers 500; `garbage`: 200 with a body that is not JSON. */
export type FrostFault = 'status500' | 'garbage' | null;

export interface FrostApi {
  /** The service root, like http://host:port/FROST-Server/v1.1. */
  url: string;
  things: FrostThing[];
  datastreams: FrostDatastream[];
  /** Largest page served, whatever `$top` asks (FROST's `maxTop`). */
  maxTop: number;
  fault: FrostFault;
  /** Path and query of every request served (decoded), oldest first. */
  requests: string[];
  /** Adds an Observation to a Datastream (as a POST would) and returns its id. */
  addObservation(datastreamId: number, phenomenonTime: string, result: unknown): number;
  /** The server as a fetch: answers a GET of a URL under `url` as the HTTP server would. */
  fetch: typeof fetch;
}

export interface FrostServer extends FrostApi {
  close(): Promise<void>;
}

/** The entities the two valid bodies create, with ids given in creation order. */
export function frostMaterial(): { things: FrostThing[]; datastreams: FrostDatastream[] } {
  const things: FrostThing[] = [];
  const datastreams: FrostDatastream[] = [];
  let observationId = 0;
  const addDatastream = (body: Json, thingId: number) => {
    const observations = ((body.Observations as Json[] | undefined) ?? []).map((o) => ({ '@iot.id': ++observationId, phenomenonTime: o.phenomenonTime as string, result: o.result }));
    const { name, description, unitOfMeasurement, observationType } = body as unknown as FrostDatastream;
    datastreams.push({ '@iot.id': datastreams.length + 1, name, description, unitOfMeasurement, observationType, thingId, observations });
  };
  const deep = JSON.parse(readFileSync(`${MATERIAL}/valid-deep-insert-thing-entitiesDefault.json`, 'utf8')) as Json;
  things.push({ '@iot.id': 1, name: deep.name as string, description: deep.description as string });
  for (const ds of deep.Datastreams as Json[]) addDatastream(ds, 1);
  const batch = JSON.parse(readFileSync(`${MATERIAL}/valid-batch-post-finegrainedsecurity.json`, 'utf8')) as { requests: { id: string; url: string; body: Json }[] };
  const thingIds = new Map<string, number>();
  for (const request of batch.requests) {
    if (request.url === 'Things') {
      const id = things.length + 1;
      thingIds.set(`$${request.id}`, id);
      things.push({ '@iot.id': id, name: request.body.name as string, description: request.body.description as string });
    } else if (request.url === 'Datastreams') {
      addDatastream(request.body, thingIds.get((request.body.Thing as Json)['@iot.id'] as string)!);
    }
  }
  return { things, datastreams };
}

/** The start of a phenomenonTime (an instant, or the start of an interval), epoch ms. */
const startOf = (phenomenonTime: string): number => Date.parse(phenomenonTime.split('/')[0]);

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, message: string) => json(status, { code: status, type: 'error', message });

/** The read API over the material, at `root` (no trailing slash). */
export function frostApi(root = 'http://frost.test/FROST-Server/v1.1', options: { maxTop?: number } = {}): FrostApi {
  const { things, datastreams } = frostMaterial();
  let nextObservationId = datastreams.reduce((n, ds) => n + ds.observations.length, 0) + 1;
  const requests: string[] = [];
  const base = new URL(root);

  const datastreamEntity = (ds: FrostDatastream) => ({
    '@iot.id': ds['@iot.id'],
    '@iot.selfLink': `${api.url}/Datastreams(${ds['@iot.id']})`,
    name: ds.name,
    description: ds.description,
    observationType: ds.observationType,
    unitOfMeasurement: ds.unitOfMeasurement,
    'Thing@iot.navigationLink': `${api.url}/Datastreams(${ds['@iot.id']})/Thing`,
    'Observations@iot.navigationLink': `${api.url}/Datastreams(${ds['@iot.id']})/Observations`,
  });

  function observations(ds: FrostDatastream, query: URLSearchParams): Response {
    let list = [...ds.observations];
    const filter = query.get('$filter');
    if (filter !== null) {
      const m = /^phenomenonTime gt (\S+)$/.exec(filter);
      if (!m || Number.isNaN(Date.parse(m[1]))) return error(400, `Failed to parse filter: ${filter}`);
      list = list.filter((o) => startOf(o.phenomenonTime) > Date.parse(m[1]));
    }
    const orderby = query.get('$orderby');
    if (orderby !== null && orderby !== 'phenomenonTime asc') return error(400, `Failed to parse orderby: ${orderby}`);
    list.sort((a, b) => startOf(a.phenomenonTime) - startOf(b.phenomenonTime) || a['@iot.id'] - b['@iot.id']);
    const top = Math.min(Number(query.get('$top') ?? 100), api.maxTop);
    const skip = Number(query.get('$skip') ?? 0);
    const select = query.get('$select')?.split(',');
    const page = list.slice(skip, skip + top).map((o) => (select ? Object.fromEntries(select.map((f) => [f, o[f as keyof FrostObservation]])) : o));
    const body: Json = { value: page };
    if (skip + top < list.length) {
      const next = new URLSearchParams(query);
      next.set('$top', String(top));
      next.set('$skip', String(skip + top));
      body['@iot.nextLink'] = `${api.url}/Datastreams(${ds['@iot.id']})/Observations?${next.toString().replaceAll('+', '%20')}`;
    }
    return json(200, body);
  }

  function answer(href: string, method: string): Response {
    const url = new URL(href);
    requests.push(decodeURIComponent(`${url.pathname}${url.search}`));
    if (api.fault === 'status500') return error(500, 'Failed to execute query: connection to the database lost');
    if (api.fault === 'garbage') return new Response('<html><body>Proxy error: upstream restarting</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    if (method !== 'GET') return error(405, 'read only');
    const path = decodeURIComponent(url.pathname.replace(/^\/FROST-Server\/v1\.1/, ''));
    if (path === '/Things') return json(200, { value: things.map((t) => ({ ...t, '@iot.selfLink': `${api.url}/Things(${t['@iot.id']})` })) });
    if (path === '/Datastreams') return json(200, { value: datastreams.map(datastreamEntity) });
    const m = /^\/Datastreams\((\d+)\)(\/Observations)?$/.exec(path);
    if (!m) return error(404, `Nothing found at ${path}`);
    const ds = datastreams.find((d) => d['@iot.id'] === Number(m[1]));
    if (!ds) return error(404, 'Nothing found.');
    return m[2] ? observations(ds, url.searchParams) : json(200, datastreamEntity(ds));
  }

  const api: FrostApi = {
    url: root,
    things,
    datastreams,
    maxTop: options.maxTop ?? 1000,
    fault: null,
    requests,
    addObservation(datastreamId, phenomenonTime, result) {
      const id = nextObservationId++;
      datastreams.find((d) => d['@iot.id'] === datastreamId)!.observations.push({ '@iot.id': id, phenomenonTime, result });
      return id;
    },
    fetch: async (input, init) => {
      const href = input instanceof Request ? input.url : String(input);
      if (new URL(href).origin !== base.origin) throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
      return answer(href, init?.method ?? 'GET');
    },
  };
  return api;
}

/** The same API served over HTTP on a loopback port. */
export async function startFrostServer(options: { maxTop?: number } = {}): Promise<FrostServer> {
  // The API's root names the port, known only once the server listens; no request comes before that.
  const served: { api?: FrostApi } = {};
  const http = createServer((req, res) => {
    void served.api!.fetch(`http://${req.headers.host}${req.url}`, { method: req.method }).then(async (answer) => {
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
      res.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const api = frostApi(`http://127.0.0.1:${(http.address() as AddressInfo).port}/FROST-Server/v1.1`, options);
  served.api = api;
  return Object.assign(api, {
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  });
}
