/**
 * Makes sure someone can log in when the server starts, and that nobody can with a published
 * password outside demo mode. Demo mode creates the four demo accounts (their passwords are in the
 * README); otherwise the first start creates `admin` from CITYOPS_ADMIN_PASSWORD, and a start that
 * finds a demo password on any account refuses to run.
 */
import type { Role } from '../../src/protocol/auth';
import type { AccountStore } from '../storage/stores';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParams } from './passwords';

/** Published in the README: never valid outside demo mode. */
export const DEMO_ACCOUNTS: readonly { username: string; role: Role; password: string }[] = [
  { username: 'operator', role: 'operator', password: 'operator-demo' },
  { username: 'dispatcher', role: 'dispatcher', password: 'dispatcher-demo' },
  { username: 'manager', role: 'manager', password: 'manager-demo' },
  { username: 'admin', role: 'admin', password: 'admin-demo' },
];

export const DEMO_PASSWORDS: readonly string[] = DEMO_ACCOUNTS.map((a) => a.password);

/** A configuration or data problem that must stop the server with a plain message (index.ts prints it). */
export class StartupError extends Error {}

export interface BootstrapOptions {
  accounts: AccountStore;
  demo: boolean;
  adminPassword?: string;
  now?: () => number;
  scrypt?: ScryptParams;
}

export interface BootstrapResult {
  created: string[];
}

export async function bootstrapAccounts(opts: BootstrapOptions): Promise<BootstrapResult> {
  const { accounts, demo, adminPassword } = opts;
  const now = opts.now ?? Date.now;
  const cost = opts.scrypt ?? DEFAULT_SCRYPT;
  const created: string[] = [];

  if (demo) {
    for (const account of DEMO_ACCOUNTS) {
      if (await accounts.getUser(account.username)) continue;
      await accounts.putUser({ username: account.username, role: account.role, passwordHash: await hashPassword(account.password, cost), createdAt: now(), disabled: false });
      created.push(account.username);
    }
    return { created };
  }

  if (adminPassword !== undefined && DEMO_PASSWORDS.includes(adminPassword)) {
    throw new StartupError('CITYOPS_ADMIN_PASSWORD is one of the published demo passwords: choose another, or run in demo mode (CITYOPS_DEMO=yes)');
  }
  const users = await accounts.listUsers();
  if (users.length === 0) {
    if (adminPassword === undefined) {
      throw new StartupError('no accounts yet: set CITYOPS_ADMIN_PASSWORD (12+ characters) to create the first admin, or run in demo mode (CITYOPS_DEMO=yes)');
    }
    await accounts.putUser({ username: 'admin', role: 'admin', passwordHash: await hashPassword(adminPassword, cost), createdAt: now(), disabled: false });
    return { created: ['admin'] };
  }

  // Every enabled account against every demo password: a database that was once run in demo mode
  // must not go live with its demo accounts still open. The checks run in parallel on libuv's pool.
  const checks = users
    .filter((u) => !u.disabled)
    .flatMap((u) => DEMO_PASSWORDS.map(async (pw) => ((await verifyPassword(pw, u.passwordHash)) ? u.username : null)));
  const weak = [...new Set((await Promise.all(checks)).filter((n): n is string => n !== null))];
  if (weak.length > 0) {
    throw new StartupError(
      `account(s) ${weak.join(', ')} still use a published demo password: run in demo mode (CITYOPS_DEMO=yes), or use a fresh data directory (CITYOPS_DATA_DIR) with CITYOPS_ADMIN_PASSWORD`,
    );
  }
  return { created };
}
