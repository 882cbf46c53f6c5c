/**
 * Who is behind a token. Sessions come from logging in; kiosk links let an unattended wall watch
 * without a person's password; integration keys (from the configuration) let other city systems
 * report incidents. Only SHA-256 digests of session and kiosk tokens are stored, so a copy of the
 * database does not let anyone in. Tokens are 32 random bytes, so a plain digest (no KDF) is enough.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { can, type LoginResponse, type Permission, type Principal, type Role } from '../../src/protocol/auth';
import { DomainError } from '../domainError';
import type { AccountStore, KioskLinkRecord } from '../storage/stores';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParams } from './passwords';

export const DEFAULT_SESSION_TTL_MS = 12 * 3600_000;
/** A kiosk link's id: this many hex characters of its token's digest (enough to be unique, useless to log in). */
const KIOSK_ID_CHARS = 16;
/** Longer than any token we issue: no hashing of megabyte headers. */
const MAX_TOKEN_CHARS = 512;
const BAD_LOGIN = 'wrong username or password';

export interface AuthServiceDeps {
  accounts: AccountStore;
  demo: boolean;
  integrationKeys?: readonly { name: string; key: string }[];
  now?: () => number;
  sessionTtlMs?: number;
  /** KDF cost of new passwords and of the dummy hash; tests may lower it. */
  scrypt?: ScryptParams;
}

export interface KioskLinkView {
  id: string;
  label: string;
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface UserView {
  username: string;
  role: Role;
  createdAt: number;
  disabled: boolean;
}

export interface AuthService {
  readonly demo: boolean;
  login(username: string, password: string): Promise<LoginResponse>;
  logout(token: string): Promise<void>;
  principalFor(token: string | undefined): Promise<Principal | null>;
  createUser(user: { username: string; role: Role; password: string }): Promise<UserView>;
  listUsers(): Promise<UserView[]>;
  createKioskLink(label: string, createdBy: string): Promise<{ id: string; token: string }>;
  listKioskLinks(): Promise<KioskLinkView[]>;
  /** False when no unrevoked link has that id. */
  revokeKioskLink(id: string): Promise<boolean>;
}

export const digest = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');
const kioskView = (l: KioskLinkRecord): KioskLinkView => ({
  id: l.tokenHash.slice(0, KIOSK_ID_CHARS),
  label: l.label,
  createdBy: l.createdBy,
  createdAt: l.createdAt,
  revokedAt: l.revokedAt,
});

/** Who a principal is, in one word, for audit fields such as a kiosk link's creator. */
export function principalName(p: Principal): string {
  if (p.kind === 'user') return p.username;
  if (p.kind === 'kiosk') return `kiosk:${p.label}`;
  if (p.kind === 'integration') return `integration:${p.name}`;
  return 'anonymous';
}

export function permits(p: Principal, permission: Permission): boolean {
  return can(p.role, permission);
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { accounts, demo } = deps;
  const now = deps.now ?? Date.now;
  const ttl = deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const cost = deps.scrypt ?? DEFAULT_SCRYPT;
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
  const keys = (deps.integrationKeys ?? []).map((k) => ({ name: k.name, digest: createHash('sha256').update(k.key).digest() }));
  // An unknown username still costs one KDF run, so the answer's timing does not reveal which usernames exist.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex'), cost));

  function integrationFor(token: string): Principal | null {
    const given = createHash('sha256').update(token).digest();
    let found: string | null = null;
    for (const k of keys) if (timingSafeEqual(given, k.digest)) found = k.name;
    return found === null ? null : { kind: 'integration', name: found, role: 'integration' };
  }

  return {
    demo,

    async login(username, password) {
      const user = await accounts.getUser(username);
      if (!user) {
        await verifyPassword(password, await dummy());
        throw new DomainError('UNAUTHORIZED', BAD_LOGIN);
      }
      const ok = await verifyPassword(password, user.passwordHash);
      if (!ok || user.disabled) throw new DomainError('UNAUTHORIZED', BAD_LOGIN);
      const token = newToken();
      const createdAt = now();
      await accounts.deleteExpiredSessions(createdAt);
      await accounts.createSession({ tokenHash: digest(token), username: user.username, createdAt, expiresAt: createdAt + ttl });
      return { token, role: user.role, username: user.username, expiresAt: createdAt + ttl };
    },

    async logout(token) {
      if (token.length <= MAX_TOKEN_CHARS) await accounts.deleteSession(digest(token));
    },

    async principalFor(token) {
      if (token === undefined || token === '') return demo ? { kind: 'anonymous', role: 'operator' } : null;
      if (token.length > MAX_TOKEN_CHARS) return null;
      const hash = digest(token);
      const session = await accounts.findSession(hash, now());
      if (session) {
        // The role is read afresh, so a changed role or a disabled account takes effect at once.
        const user = await accounts.getUser(session.username);
        return user && !user.disabled ? { kind: 'user', username: user.username, role: user.role } : null;
      }
      const kiosk = await accounts.findKioskLink(hash);
      if (kiosk) return kiosk.revokedAt === null ? { kind: 'kiosk', label: kiosk.label, role: 'operator' } : null;
      return integrationFor(token);
    },

    async createUser({ username, role, password }) {
      if (await accounts.getUser(username)) throw new DomainError('CONFLICT', `user ${JSON.stringify(username)} already exists`);
      const record = { username, role, passwordHash: await hashPassword(password, cost), createdAt: now(), disabled: false };
      await accounts.putUser(record);
      return { username, role, createdAt: record.createdAt, disabled: false };
    },

    async listUsers() {
      return (await accounts.listUsers()).map(({ username, role, createdAt, disabled }) => ({ username, role, createdAt, disabled }));
    },

    async createKioskLink(label, createdBy) {
      const token = newToken();
      const tokenHash = digest(token);
      await accounts.createKioskLink({ tokenHash, label, createdBy, createdAt: now(), revokedAt: null });
      return { id: tokenHash.slice(0, KIOSK_ID_CHARS), token };
    },

    async listKioskLinks() {
      return (await accounts.listKioskLinks()).map(kioskView);
    },

    async revokeKioskLink(id) {
      const link = (await accounts.listKioskLinks()).find((l) => l.revokedAt === null && l.tokenHash.slice(0, KIOSK_ID_CHARS) === id);
      if (!link) return false;
      await accounts.revokeKioskLink(link.tokenHash, now());
      return true;
    },
  };
}
