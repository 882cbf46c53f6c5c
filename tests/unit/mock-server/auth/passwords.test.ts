import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, parseHash, verifyPassword } from '../../../../mock-server/auth/passwords';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('hashes with slow scrypt by default, in a self-describing string', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 32768, r: 8, p: 1 });
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    const parsed = parseHash(hash)!;
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.key).toHaveLength(32);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('refuses a wrong password and salts every hash differently', async () => {
    const a = await hashPassword('s3cret-password', FAST);
    const b = await hashPassword('s3cret-password', FAST);
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret-password', b)).toBe(true);
    expect(await verifyPassword('s3cret-passwor', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, and rejects malformed or abusive hashes', async () => {
    const hash = await hashPassword('pw-1234567890', FAST);
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('pw-1234567890', hash)).toBe(true);
    for (const bad of ['', 'plain', 'bcrypt$10$abc', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', hash.replace('$1024$', '$1073741824$')]) {
      expect(parseHash(bad)).toBeNull();
      expect(await verifyPassword('pw-1234567890', bad)).toBe(false);
    }
  });
});
