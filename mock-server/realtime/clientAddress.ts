/**
 * The client's address for a socket's handshake, read the way fastify reads `request.ip` under
 * `CITYOPS_TRUST_PROXY` (proxy-addr's rule): walk from the peer back through X-Forwarded-For, right
 * to left, and stop at the first address that is not a trusted proxy. Without it, behind a reverse
 * proxy every socket would come from the proxy and share one per-address cap.
 */
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** As the config gives it (config.ts `trustProxy`): off, any, a hop count (or fastify's function of one), or proxies' addresses, CIDRs and names. */
export type TrustProxy = boolean | number | readonly string[] | ((address: string, hop: number) => boolean);

/** proxy-addr's names for address ranges. */
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** IPv4 peers on a dual-stack listener show as ::ffff:a.b.c.d. */
const plain = (address: string): string => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

function blockListOf(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries.flatMap((e) => NAMED_RANGES[e] ?? [e])) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/** A function from a handshake request to its client's address, under the trust setting. */
export function clientAddressOf(trust: TrustProxy): (req: IncomingMessage) => string {
  const list = Array.isArray(trust) ? blockListOf(trust) : null;
  const trusted = (address: string, hop: number): boolean => {
    if (typeof trust === 'boolean') return trust;
    if (typeof trust === 'number') return hop < trust;
    if (typeof trust === 'function') return trust(address, hop);
    const ip = plain(address);
    const family = isIP(ip);
    return family !== 0 && list!.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  };
  return (req) => {
    const peer = plain(req.socket.remoteAddress ?? '');
    if (trust === false) return peer;
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((a) => a.trim()).filter(Boolean).reverse();
    const chain = [peer, ...forwarded];
    for (let hop = 0; hop < chain.length - 1; hop++) if (!trusted(chain[hop], hop)) return plain(chain[hop]);
    return plain(chain[chain.length - 1]);
  };
}
