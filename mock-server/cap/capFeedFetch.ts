/**
 * A careful GET for CAP feeds and the documents their entries link to: http and https only (a
 * redirect to any other scheme is refused; redirects are followed by hand, a few at most), a timeout
 * over the whole exchange, a size cap read as the bytes arrive, and conditional requests: the
 * validators of the last 200 (ETag, Last-Modified) go out as If-None-Match / If-Modified-Since and a
 * 304 answers "nothing new". Every failure is a {@link CapFetchError} saying what came back.
 */
import { MAX_XML_BYTES } from './readXmlDocument';

/** Why a fetch failed: refused before asking (scheme, redirect), not answered, an HTTP error, or a body we do not take. */
export type CapFetchFailure = 'refused' | 'unreachable' | 'http' | 'body';

export class CapFetchError extends Error {
  constructor(
    readonly failure: CapFetchFailure,
    message: string,
  ) {
    super(message);
    this.name = 'CapFetchError';
  }
}

/** What the last 200 said about its body, for the next conditional request. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type CapFetchResult = { status: 'ok'; bytes: Uint8Array; validators: Validators; url: string } | { status: 'notModified' };

export interface CapFetchOptions {
  fetch?: typeof fetch;
  /** The whole exchange, redirects and body included. */
  timeoutMs: number;
  /** A body larger than this is refused (default: what the XML reader takes). */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** Redirects followed at most; feeds behind a CDN or a moved host need one or two. */
export const MAX_REDIRECTS = 3;
const ACCEPT = 'application/atom+xml, application/rss+xml, application/cap+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';

/** The URL if it is http or https; otherwise a refusal naming it. */
export function httpUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new CapFetchError('refused', `'${raw}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CapFetchError('refused', `${url.protocol} URLs are not fetched (only http and https): ${url.href}`);
  return url;
}

/** GETs `url`, conditionally on `previous`; throws CapFetchError. */
export async function fetchCapXml(url: string, previous: Validators | null, options: CapFetchOptions): Promise<CapFetchResult> {
  const maxBytes = options.maxBytes ?? MAX_XML_BYTES;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = { accept: ACCEPT };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  let at = httpUrl(url);
  try {
    for (let hop = 0; ; hop += 1) {
      const res = await (options.fetch ?? globalThis.fetch)(at, { headers, redirect: 'manual', signal });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get('location');
        await res.body?.cancel();
        if (location === null) throw new CapFetchError('http', `HTTP ${res.status} without a Location from ${at.href}`);
        if (hop >= MAX_REDIRECTS) throw new CapFetchError('refused', `more than ${MAX_REDIRECTS} redirects from ${url}`);
        at = httpUrl(location, at.href);
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel();
        return { status: 'notModified' };
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new CapFetchError('http', `HTTP ${res.status} from ${at.href}`);
      }
      const bytes = await readCapped(res, maxBytes, at.href);
      return { status: 'ok', bytes, url: at.href, validators: { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') } };
    }
  } catch (err) {
    if (err instanceof CapFetchError) throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = timeout.aborted ? `no answer within ${options.timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (err as Error).message);
    throw new CapFetchError('unreachable', `cannot fetch ${at.href}: ${why}`);
  }
}

/** The body, refused as soon as it passes `maxBytes` (a Content-Length above it is refused before reading). */
async function readCapped(res: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooBig = () => new CapFetchError('body', `the body of ${url} is over ${maxBytes} bytes`);
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw tooBig();
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
