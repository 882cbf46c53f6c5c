/**
 * Accounts, sessions and kiosk links in the embedded SQLite database. better-sqlite3 is synchronous,
 * so each method runs its prepared statement and resolves at once; the promise shape is the
 * AccountStore contract a PostgreSQL store would share.
 */
import type { Role } from '../../src/protocol/auth';
import type { Database } from './database';
import type { AccountStore, KioskLinkRecord, SessionRecord, UserRecord } from './stores';

interface UserRow {
  username: string;
  role: string;
  password_hash: string;
  created_at: number;
  disabled: number;
}
interface SessionRow {
  token_hash: string;
  username: string;
  created_at: number;
  expires_at: number;
}
interface KioskRow {
  token_hash: string;
  label: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}

const toUser = (r: UserRow): UserRecord => ({
  username: r.username,
  role: r.role as Role,
  passwordHash: r.password_hash,
  createdAt: Number(r.created_at),
  disabled: r.disabled !== 0,
});
const toSession = (r: SessionRow): SessionRecord => ({
  tokenHash: r.token_hash,
  username: r.username,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
});
const toKiosk = (r: KioskRow): KioskLinkRecord => ({
  tokenHash: r.token_hash,
  label: r.label,
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

function prepare(db: Database) {
  return {
    getUser: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    listUsers: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username'),
    putUser: db.prepare(
      `INSERT INTO users (username, role, password_hash, created_at, disabled) VALUES (@username, @role, @passwordHash, @createdAt, @disabled)
       ON CONFLICT (username) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, disabled = excluded.disabled`,
    ),
    createSession: db.prepare('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    findSession: db.prepare<[string, number], SessionRow>('SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    createKiosk: db.prepare('INSERT INTO kiosk_links (token_hash, label, created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)'),
    findKiosk: db.prepare<[string], KioskRow>('SELECT * FROM kiosk_links WHERE token_hash = ?'),
    listKiosk: db.prepare<[], KioskRow>('SELECT * FROM kiosk_links ORDER BY created_at, token_hash'),
    revokeKiosk: db.prepare('UPDATE kiosk_links SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL'),
  };
}

export class SqliteAccountStore implements AccountStore {
  private readonly q: ReturnType<typeof prepare>;

  constructor(db: Database) {
    this.q = prepare(db);
  }

  async getUser(username: string): Promise<UserRecord | null> {
    const row = this.q.getUser.get(username);
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.q.listUsers.all().map(toUser);
  }

  async putUser(user: UserRecord): Promise<void> {
    // Kept as created_at on update: ON CONFLICT leaves the original row's created_at alone.
    this.q.putUser.run({ ...user, disabled: user.disabled ? 1 : 0 });
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.q.createSession.run(s.tokenHash, s.username, s.createdAt, s.expiresAt);
  }

  async findSession(tokenHash: string, now: number): Promise<SessionRecord | null> {
    const row = this.q.findSession.get(tokenHash, now);
    return row ? toSession(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.q.deleteSession.run(tokenHash);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return this.q.deleteExpired.run(now).changes;
  }

  async createKioskLink(l: KioskLinkRecord): Promise<void> {
    this.q.createKiosk.run(l.tokenHash, l.label, l.createdBy, l.createdAt, l.revokedAt);
  }

  async findKioskLink(tokenHash: string): Promise<KioskLinkRecord | null> {
    const row = this.q.findKiosk.get(tokenHash);
    return row ? toKiosk(row) : null;
  }

  async listKioskLinks(): Promise<KioskLinkRecord[]> {
    return this.q.listKiosk.all().map(toKiosk);
  }

  async revokeKioskLink(tokenHash: string, at: number): Promise<void> {
    this.q.revokeKiosk.run(at, tokenHash);
  }
}
