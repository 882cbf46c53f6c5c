/**
 * The few reads of the SensorThings API (OGC 18-088, v1.0 and v1.1) the poller makes of a server such
 * as FROST: a Datastream's unit, and its Observations after a time, oldest first, page by page along
 * `@iot.nextLink`. Every failure (unreachable, an HTTP error, a body that is not the JSON the API
 * answers) is thrown as a FrostError whose message says what came back, for the logs and the health route.
 */
import { describeJson } from '../ingest/readingPayload';

/** At most this many Observations per page (`$top`); a server may send fewer (FROST's `maxTop`) and a nextLink. */
export const PAGE_SIZE = 1000;
/** A request that has not answered in this long is abandoned (and counted as a failure). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Why a read failed: the server could not be reached, answered an HTTP error, or answered something else than the API's JSON. */
export type FrostFailure = 'unreachable' | 'http' | 'body';

export class FrostError extends Error {
  constructor(
    readonly failure: FrostFailure,
    message: string,
    /** The HTTP status, where there was one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FrostError';
  }
}

export interface FrostClientDeps {
  /** The service root, e.g. `http://frost:8080/FROST-Server/v1.1` (a trailing slash is ignored). */
  url: string;
  fetch?: typeof fetch;
}

/** An entity id as the API writes it in a path: a number as is, a string quoted with `'` doubled. */
export function idLiteral(id: number | string): string {
  return typeof id === 'number' ? String(id) : `'${id.replaceAll("'", "''")}'`;
}

/** The query of a first page: Observations after `afterMs` (exclusive), oldest first, only what a reading needs. */
export function observationsPath(datastreamId: number | string, afterMs: number): string {
  const query = [
    `$filter=${encodeURIComponent(`phenomenonTime gt ${new Date(afterMs).toISOString()}`)}`,
    `$orderby=${encodeURIComponent('phenomenonTime asc')}`,
    `$top=${PAGE_SIZE}`,
    `$select=${encodeURIComponent('phenomenonTime,result')}`,
  ].join('&');
  return `Datastreams(${encodeURIComponent(idLiteral(datastreamId))})/Observations?${query}`;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export class FrostClient {
  private readonly root: string;
  private readonly fetch: typeof fetch;

  constructor(deps: FrostClientDeps) {
    this.root = deps.url.replace(/\/+$/, '');
    this.fetch = deps.fetch ?? globalThis.fetch;
  }

  /** A Datastream's name and unitOfMeasurement; null where the server has no such Datastream (404). */
  async datastream(id: number | string, signal?: AbortSignal): Promise<{ name?: string; unitOfMeasurement?: unknown } | null> {
    const body = await this.get(`${this.root}/Datastreams(${encodeURIComponent(idLiteral(id))})`, signal, true);
    if (body === null) return null;
    if (!isObject(body)) throw new FrostError('body', `Datastream ${id}: expected an entity (a JSON object), got ${describeJson(body)}`);
    return { name: typeof body.name === 'string' ? body.name : undefined, unitOfMeasurement: body.unitOfMeasurement };
  }

  /**
   * The Observations of a Datastream after `afterMs`, one page at a time along `@iot.nextLink`. A
   * nextLink to another origin than the configured one is refused: FROST writes its links from its
   * `serviceRootUrl`, and one set for another host would send the poller elsewhere.
   */
  async *observationPages(datastreamId: number | string, afterMs: number, signal?: AbortSignal): AsyncGenerator<unknown[]> {
    let url: string | undefined = `${this.root}/${observationsPath(datastreamId, afterMs)}`;
    const origin = new URL(this.root).origin;
    while (url !== undefined) {
      const body = await this.get(url, signal, false);
      if (!isObject(body) || !Array.isArray(body.value)) {
        throw new FrostError('body', `Datastream ${datastreamId}: expected a collection ({"value": [...]}), got ${describeJson(body)}`);
      }
      const next = body['@iot.nextLink'];
      if (next !== undefined && typeof next !== 'string') throw new FrostError('body', `Datastream ${datastreamId}: "@iot.nextLink" must be a URL, not ${describeJson(next)}`);
      url = next === undefined ? undefined : new URL(next, `${this.root}/`).href;
      if (url !== undefined && new URL(url).origin !== origin) {
        throw new FrostError('body', `Datastream ${datastreamId}: the next page is at ${new URL(url).origin}, not the configured ${origin}: set the server's serviceRootUrl to the address the poller uses`);
      }
      yield body.value;
    }
  }

  /** GETs JSON; a 404 answers null where `missingIsNull`, anything else not 2xx or not JSON throws. */
  private async get(url: string, signal: AbortSignal | undefined, missingIsNull: boolean): Promise<unknown> {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    let res: Response;
    try {
      res = await this.fetch(url, { headers: { accept: 'application/json' }, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = timeout.aborted ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? (err as Error).message);
      throw new FrostError('unreachable', `cannot reach ${url}: ${why}`);
    }
    const text = await res.text().catch(() => '');
    if (res.status === 404 && missingIsNull) return null;
    if (!res.ok) throw new FrostError('http', `HTTP ${res.status} from ${url}${text ? `: ${snippet(text)}` : ''}`, res.status);
    try {
      return JSON.parse(text);
    } catch {
      throw new FrostError('body', `not JSON from ${url} (${res.headers.get('content-type') ?? 'no content type'}): ${snippet(text) || 'an empty body'}`, res.status);
    }
  }
}

/** The start of a body, on one line, for a message. */
function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}
