/**
 * Demo mode on a network address (issue 17, finding 8). Demo mode creates accounts whose passwords
 * are published (the admin's among them) and opens the wall without a login: on loopback only this
 * machine can use them, on any other address the whole network can. So demo mode listens on a
 * network address only when the operator asks for it explicitly, and then the log says so loudly.
 */
import { isIP } from 'node:net';

export type DemoExposure = 'local' | 'refused' | 'warned';

/** The setting that allows it, as the refusal names it. */
export const DEMO_ON_NETWORK_SETTING = 'CITYOPS_DEMO_ON_NETWORK=yes / --demo-on-network';

/** True for hosts only this machine can reach: `localhost`, 127.0.0.0/8, `::1` (bracketed or IPv4-mapped too). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === 'ip6-localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** Whether the server may start: `local` (no published password reaches the network), `refused`, or `warned` (asked for). */
export function demoExposure(c: { demo: boolean; host: string; demoOnNetwork: boolean }): DemoExposure {
  if (!c.demo || isLoopbackHost(c.host)) return 'local';
  return c.demoOnNetwork ? 'warned' : 'refused';
}

/** The refusal: what is wrong and the setting that allows it. */
export function demoRefusal(host: string): string {
  return `demo mode on ${host} would hand the published demo passwords (admin's included) to everyone who can reach it: listen on 127.0.0.1 (HOST / --host), leave demo mode, or, on a closed network only, set ${DEMO_ON_NETWORK_SETTING}`;
}

/** The log line when the operator asked for it. */
export function demoWarning(host: string): string {
  return `DEMO MODE ON A NETWORK ADDRESS (${host}): anyone who can reach this server can sign in as admin with the published demo password. Use it on a closed network only, never in production`;
}
