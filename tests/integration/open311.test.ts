/**
 * Open311 GeoReport v2 over the real server (issue 16), with the spec's own examples in
 * ../shared/data/open311-georeport-v2 as they are: every endpoint answers the fields and elements
 * the examples show, in JSON and XML; a request becomes an incident located and routed as the 12345
 * route's; its status follows the work order to `closed`; every refusal is the spec's error list,
 * and the examples that are not valid JSON are refused clearly when sent as a body.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertLonLat } from '../../mock-server/assets/datum';
import type { RunningServer } from '../../mock-server/server';
import { SqliteIncidentStore } from '../../mock-server/storage/sqliteIncidents';
import { makeIncident } from '../support/incidentFixture';
import { startTestServer } from '../support/testServer';

const SPEC_DIR = new URL('../../../shared/data/open311-georeport-v2/', import.meta.url);
const example = (name: string) => readFileSync(new URL(name, SPEC_DIR), 'utf8');
/** The field names a JSON example uses, read from its text (several examples are not valid JSON). */
const jsonKeys = (text: string) => new Set([...text.matchAll(/"(\w+)"\s*:/g)].map((m) => m[1]));
/** The element names an XML text uses. */
const xmlElements = (text: string) => new Set([...text.matchAll(/<(\w+)[\s/>]/g)].map((m) => m[1]));
const keysOf = (objects: object[]) => new Set(objects.flatMap((o) => Object.keys(o)));

const KEY = 'o'.repeat(32);
const BASE = '/open311/v2';
let server: RunningServer;
let dispatcher: string;

async function call(method: string, path: string, body?: string, contentType = 'application/x-www-form-urlencoded') {
  const res = await fetch(`${server.url}${BASE}${path}`, { method, headers: body === undefined ? {} : { 'content-type': contentType }, body });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
  const json: any = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const newRequest = (fields: Record<string, string> = {}) => form({ api_key: KEY, service_code: 'muckDumping', lat: '31.23', long: '121.47', description: 'Earth dumped by the canal', ...fields });

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${dispatcher}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
  return { status: res.status, body: (await res.json()) as any };
}

function expectErrors(res: { status: number; json: unknown }, status: number, description: RegExp) {
  expect(res.status).toBe(status);
  expect(res.json).toEqual([expect.objectContaining({ code: status, description: expect.stringMatching(description) })]);
  expect(keysOf(res.json as object[])).toEqual(jsonKeys(example('spec-example-json-errors.json')));
}

beforeAll(async () => {
  server = await startTestServer({ autopilot: false, integrationKeys: [{ name: 'citizenApp', key: KEY }] });
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: 'dispatcher-demo' }) });
  dispatcher = ((await login.json()) as { token: string }).token;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('services', () => {
  it('lists the categories a citizen may report, with the fields of the spec\'s service list, in JSON and XML', async () => {
    const list = await call('GET', `/services.json?api_key=${KEY}`);
    expect(list.status).toBe(200);
    expect(list.json.map((s: { service_code: string }) => s.service_code)).toEqual(['waterlogging', 'underpassFlooding', 'trafficAccident', 'powerOutage', 'elevatorEntrapment', 'litter', 'muckDumping']);
    expect(list.json[0]).toMatchObject({ service_name: expect.stringContaining('道路积水'), metadata: true, type: 'realtime', group: 'waterAuthority' });
    for (const service of list.json) expect(new Set(Object.keys(service))).toEqual(jsonKeys(example('spec-example-json-service-list.json')));
    const xml = await call('GET', `/services.xml?api_key=${KEY}`);
    expect(xml.type).toMatch(/xml/);
    expect(xmlElements(xml.text)).toEqual(xmlElements(example('spec-example-xml-service-list.xml')));
    expect(xml.text).toContain('<service_code>muckDumping</service_code>');
  });

  it('defines a service\'s attributes as the spec\'s definition does, and refuses an unknown service', async () => {
    const def = await call('GET', `/services/trafficAccident.json?api_key=${KEY}`);
    expect(def.status).toBe(200);
    expect(def.json).toMatchObject({ service_code: 'trafficAccident', attributes: [{ code: 'injured', datatype: 'singlevaluelist', required: true, order: 1 }] });
    expect(jsonKeys(JSON.stringify(def.json))).toEqual(jsonKeys(example('spec-example-json-service-definition.json')));
    const xml = await call('GET', `/services/trafficAccident.xml?api_key=${KEY}`);
    expect(xmlElements(xml.text)).toEqual(xmlElements(example('spec-example-xml-service-definition.xml')));
    expect((await call('GET', `/services/powerOutage.json?api_key=${KEY}`)).json).toEqual({ service_code: 'powerOutage', attributes: [] });
    expectErrors(await call('GET', `/services/pumpFault.json?api_key=${KEY}`), 404, /no service pumpFault/);
    const xmlError = await call('GET', `/services/nothing.xml?api_key=${KEY}`);
    expect(xmlError.status).toBe(404);
    expect(xmlElements(xmlError.text)).toEqual(xmlElements(example('spec-example-xml-errors.xml')));
  });
});

describe('a new request', () => {
  it('becomes an incident, located and routed as today, from a form or JSON, answered as the spec\'s example', async () => {
    const created = await call('POST', '/requests.json', newRequest({ 'attribute[plate]': '沪A12345', email: 'someone@example.org' }));
    expect(created.status).toBe(200);
    expect(keysOf(created.json)).toEqual(jsonKeys(example('spec-example-json-service-request-post.json')));
    const [{ service_request_id: id, account_id }] = created.json;
    expect(account_id).toBeNull();
    const incident = await api('GET', `/api/incidents/${id}`);
    expect(incident.body).toMatchObject({ category: 'muckDumping', source: 'external', status: 'new', unit: 'urbanManagement' });
    // Open311's lat/long are WGS-84; the city keeps the basemap's datum (GCJ-02 by default), as for positions from the field.
    const [lon, lat] = convertLonLat(121.47, 31.23, 'wgs84', 'gcj02');
    expect([incident.body.lon, incident.body.lat]).toEqual([lon, lat]);
    expect(incident.body.district).toBeGreaterThanOrEqual(0);
    expect(incident.body.description).toContain('Earth dumped by the canal');
    expect(incident.body.description).toContain('沪A12345');
    expect(incident.body.description).not.toContain('someone@example.org');

    const json = await call('POST', '/requests.json', JSON.stringify({ api_key: KEY, service_code: 'trafficAccident', lat: 31.2, long: 121.45, attribute: { injured: 'no' } }), 'application/json');
    expect(json.status).toBe(200);
    expect((await api('GET', `/api/incidents/${json.json[0].service_request_id}`)).body).toMatchObject({ category: 'trafficAccident', unit: 'trafficPolice' });

    const xml = await call('POST', '/requests.xml', newRequest());
    expect(xmlElements(xml.text)).toEqual(xmlElements(example('spec-example-xml-service-request-post.xml')));
  });

  it('refuses in the spec\'s error format: the key, the service, the place, the attributes', async () => {
    const spec = example('spec-example-json-errors.json');
    // The spec's example: an invalid api_key is a 403, its body after the status line.
    expect(spec.split('\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    expect(JSON.parse(spec.slice(spec.indexOf('[')))[0].code).toBe(403);
    expectErrors(await call('POST', '/requests.json', newRequest({ api_key: 'wrong-key' })), 403, /Invalid api_key/);
    expectErrors(await call('POST', '/requests.json', form({ service_code: 'litter', lat: '31.23', long: '121.47' })), 401, /api_key is required/);
    expectErrors(await call('GET', '/services.json'), 401, /api_key is required/);
    expectErrors(await call('POST', '/requests.json', newRequest({ service_code: 'sensorFault' })), 404, /no service sensorFault/);
    expectErrors(await call('POST', '/requests.json', form({ api_key: KEY, service_code: 'litter', address_string: '人民广场' })), 400, /lat and long are required/);
    expectErrors(await call('POST', '/requests.json', newRequest({ lat: '31.0', long: '122.15' })), 400, /not on land/);
    expectErrors(await call('POST', '/requests.json', newRequest({ lat: 'north' })), 400, /lat/);
    expectErrors(await call('POST', '/requests.json', newRequest({ service_code: 'trafficAccident' })), 400, /attribute\[injured\] is required/);
    expectErrors(await call('POST', '/requests.json', newRequest({ service_code: 'trafficAccident', 'attribute[injured]': 'maybe' })), 400, /must be one of yes, no, unknown/);
    expectErrors(await call('POST', '/requests.json', newRequest({ 'attribute[colour]': 'red' })), 400, /no such attribute/);
    expectErrors(await call('POST', '/requests.json', 'service_code=litter', 'text/plain'), 415, /content-type|media type/i);
    expectErrors(await call('GET', `/nothing.json?api_key=${KEY}`), 404, /no Open311 route/);
    expectErrors(await call('GET', `/services.html?api_key=${KEY}`), 400, /json or xml/);
  });

  it('refuses each of the spec\'s examples that is not valid JSON, clearly, and stays up', async () => {
    const invalid = ['spec-example-json-service-list.json', 'spec-example-json-service-requests.json', 'spec-example-json-service-request.json', 'spec-example-json-errors.json'];
    for (const name of invalid) {
      const text = example(name);
      expect(() => JSON.parse(text), name).toThrow();
      expectErrors(await call('POST', '/requests.json', text, 'application/json'), 400, /not valid JSON/);
    }
    // Valid JSON that is no request (the spec's answer to a POST) is refused by the schema.
    expectErrors(await call('POST', '/requests.json', example('spec-example-json-service-request-post.json'), 'application/json'), 400, /body/);
    expect((await call('GET', `/services.json?api_key=${KEY}`)).status).toBe(200);
  });
});

describe('requests', () => {
  it('lists, filters and reads requests with the spec\'s fields, in JSON and XML, and finds a token', async () => {
    const a = (await call('POST', '/requests.json', newRequest())).json[0].service_request_id;
    const b = (await call('POST', '/requests.json', newRequest({ service_code: 'powerOutage' }))).json[0].service_request_id;
    const all = await call('GET', `/requests.json?api_key=${KEY}`);
    expect(all.status).toBe(200);
    const ids = all.json.map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([a, b]));
    for (const r of all.json) expect(new Set(Object.keys(r))).toEqual(jsonKeys(example('spec-example-json-service-requests.json')));
    expect(all.json.every((r: { status: string }) => r.status === 'open')).toBe(true);

    const power = await call('GET', `/requests.json?api_key=${KEY}&service_code=powerOutage`);
    expect(power.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([b]);
    const both = await call('GET', `/requests.json?api_key=${KEY}&service_request_id=${a},${b},INC-999999&status=closed`);
    expect(both.json.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([a, b].sort());
    expect((await call('GET', `/requests.json?api_key=${KEY}&status=closed`)).json).toEqual([]);
    const requested = Date.parse(power.json[0].requested_datetime);
    const around = (from: number, to: number) => call('GET', `/requests.json?api_key=${KEY}&start_date=${new Date(from).toISOString()}&end_date=${new Date(to).toISOString()}&service_code=powerOutage`);
    expect((await around(requested - 1000, requested + 1000)).json).toHaveLength(1);
    expect((await around(requested + 1000, requested + 2000)).json).toHaveLength(0);
    expectErrors(await call('GET', `/requests.json?api_key=${KEY}&start_date=yesterday`), 400, /start_date must be a W3C date-time/);
    expectErrors(await call('GET', `/requests.json?api_key=${KEY}&status=pending`), 400, /status must be open, closed/);

    const one = await call('GET', `/requests/${a}.json?api_key=${KEY}`);
    expect(one.json).toHaveLength(1);
    expect(keysOf(one.json)).toEqual(jsonKeys(example('spec-example-json-service-request.json')));
    expect(one.json[0]).toMatchObject({ service_request_id: a, status: 'open', service_code: 'muckDumping', agency_responsible: 'urbanManagement', zipcode: null, media_url: null });
    // Back in WGS-84 where it was reported, and at the street and unit cell the city located it in.
    expect(one.json[0].lat).toBeCloseTo(31.23, 9);
    expect(one.json[0].long).toBeCloseTo(121.47, 9);
    const { grid } = (await api('GET', `/api/incidents/${a}`)).body;
    expect(one.json[0]).toMatchObject({ address: `${grid.streetName} ${grid.streetNameEn}`, address_id: grid.cellCode });
    const oneXml = await call('GET', `/requests/${a}.xml?api_key=${KEY}`);
    expect(xmlElements(oneXml.text)).toEqual(xmlElements(example('spec-example-xml-service-request.xml')));
    expect(xmlElements((await call('GET', `/requests.xml?api_key=${KEY}`)).text)).toEqual(xmlElements(example('spec-example-xml-service-requests.xml')));
    expectErrors(await call('GET', `/requests/INC-999999.json?api_key=${KEY}`), 404, /no service request/);

    const token = await call('GET', `/tokens/${a}.json?api_key=${KEY}`);
    expect(token.json).toEqual([{ service_request_id: a, token: a }]);
    expect(keysOf(token.json)).toEqual(jsonKeys(example('spec-example-json-request-from-token.json')));
    expect(xmlElements((await call('GET', `/tokens/${a}.xml?api_key=${KEY}`)).text)).toEqual(xmlElements(example('spec-example-xml-request-from-token.xml')));
  });

  it('follows its work order: open with notes at each stage, then closed', async () => {
    const id = (await call('POST', '/requests.json', newRequest({ service_code: 'powerOutage' }))).json[0].service_request_id;
    const status = async () => (await call('GET', `/requests/${id}.json?api_key=${KEY}`)).json[0];
    expect(await status()).toMatchObject({ status: 'open', status_notes: expect.stringMatching(/^Received/), expected_datetime: expect.any(String) });
    const dispatched = await api('POST', `/api/incidents/${id}/dispatch`, { expectedVersion: 1 });
    expect(dispatched.status).toBe(200);
    expect(await status()).toMatchObject({ status: 'open', status_notes: expect.stringContaining(dispatched.body.workOrderId) });
    // The outside unit may move the order on by itself meanwhile: each step starts from the incident as it is.
    const ORDER = ['dispatched', 'accepted', 'onSite', 'resolved', 'verified', 'closed'];
    for (const to of ['accepted', 'onSite', 'resolved', 'verified', 'closed']) {
      const now = (await api('GET', `/api/incidents/${id}`)).body;
      if (ORDER.indexOf(now.status) >= ORDER.indexOf(to)) continue;
      const moved = await api('POST', `/api/incidents/${id}/transition`, { to, expectedVersion: now.version });
      expect([200, 409]).toContain(moved.status);
      const seen = await status();
      expect(seen.status).toBe(to === 'closed' && moved.status === 200 ? 'closed' : 'open');
    }
    const closed = await status();
    expect(closed).toMatchObject({ status: 'closed', status_notes: expect.stringMatching(/^Closed/), expected_datetime: null });
    expect(Date.parse(closed.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(closed.requested_datetime));
    const closedList = await call('GET', `/requests.json?api_key=${KEY}&status=closed`);
    expect(closedList.json.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
  });
});

describe('a long history', () => {
  it('finds requests older than the newest 20,000 incidents, with every filter', async () => {
    const id = (await call('POST', '/requests.json', newRequest({ service_code: 'litter' }))).json[0].service_request_id;
    const { createdAt } = (await api('GET', `/api/incidents/${id}`)).body;
    // Straight into storage, to be quick: more of the city's own incidents, all newer than the request.
    const later = Array.from({ length: 20_500 }, (_, k) => makeIncident({ id: `INC-${5_000_000 + k}`, source: 'cityLife', category: 'litter', createdAt: createdAt + 60_000 + k }));
    await new SqliteIncidentStore(server.db).commit({ incidents: later.map((incident) => ({ incident, previousVersion: null })), audit: [] });
    const ids = async (query: string) => (await call('GET', `/requests.json?api_key=${KEY}${query}`)).json.map((r: { service_request_id: string }) => r.service_request_id);
    expect(await ids('')).toContain(id);
    expect(await ids('&service_code=litter&status=open')).toContain(id);
    const at = new Date(createdAt).toISOString();
    // Requests made in the same tick as this one share its time, so the window holds exactly those.
    const inWindow = (await call('GET', `/requests.json?api_key=${KEY}&start_date=${at}&end_date=${at}`)).json as { service_request_id: string; requested_datetime: string }[];
    expect(inWindow.map((r) => r.service_request_id)).toContain(id);
    for (const r of inWindow) expect(Date.parse(r.requested_datetime)).toBe(createdAt);
    expect(await ids(`&start_date=${new Date(createdAt + 1000).toISOString()}`)).not.toContain(id);
    expect(await ids(`&end_date=${new Date(createdAt - 1000).toISOString()}`)).not.toContain(id);
    expect(await ids('&service_code=litter&status=closed')).not.toContain(id);
  });
});
