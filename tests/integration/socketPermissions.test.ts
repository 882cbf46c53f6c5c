/**
 * The role × event matrix, generated from the one permission table (issue 17, finding 11): every
 * demo role (and demo mode's anonymous viewer) sends every client event over a real socket; a role
 * without the event's permission is refused FORBIDDEN, a role with it passes the guard (its handler
 * answers, here BAD_REQUEST or a result for an empty payload). A new event gets its row by being in
 * the table, which the typecheck demands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '../../src/protocol/auth';
import type { Ack } from '../../src/protocol/events';
import { SOCKET_EVENT_PERMISSIONS } from '../../mock-server/auth/socketAuth';
import type { RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function tokenOf(role: Role): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: role, password: `${role}-demo` }),
  });
  return ((await res.json()) as { token: string }).token;
}

const EVENTS = Object.entries(SOCKET_EVENT_PERMISSIONS);
const WHO: (Role | 'anonymous')[] = [...ROLES, 'anonymous'];

describe('socket events by role', () => {
  it.each(WHO)('%s: refused exactly the events its role lacks the permission for', async (who) => {
    const role: Role = who === 'anonymous' ? 'operator' : who;
    const socket = connectClient(server.url, who === 'anonymous' ? {} : { token: await tokenOf(who) });
    try {
      await nextEvent(socket, 'readings:snapshot');
      const raw = socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<Ack<unknown>> } };
      for (const [event, permission] of EVENTS) {
        const answer = await raw.timeout(10_000).emitWithAck(event, {});
        const refused = !answer.ok && answer.error.code === 'FORBIDDEN';
        expect(refused, `${who} ${event} (${permission})`).toBe(!can(role, permission));
        if (!answer.ok) expect(['FORBIDDEN', 'BAD_REQUEST', 'NOT_FOUND'], `${who} ${event}: ${answer.error.message}`).toContain(answer.error.code);
      }
    } finally {
      socket.close();
    }
  });
});
