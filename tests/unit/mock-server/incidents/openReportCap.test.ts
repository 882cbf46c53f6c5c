/**
 * The cap on open external reports per key (issue 17, finding 4): reports under way count as open,
 * so reports sent all at once cannot pass the cap between their check and their commit; a refusal
 * names the cap; a report that ends (committed or failed) frees its place in the count.
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../src/protocol/auth';
import { DomainError } from '../../../../mock-server/domainError';
import { OpenReportCap } from '../../../../mock-server/incidents/openReportCap';

const key = (name: string): Principal => ({ kind: 'integration', name, role: 'integration' });

/** A store of open reports per reporter, with reports recorded on commit as a real one would be. */
function store() {
  const open = new Map<string, number>();
  return {
    count: ({ kind, name }: { kind: string; name: string }) => open.get(`${kind}:${name}`) ?? 0,
    commit: (p: Principal) => {
      const k = p.kind === 'integration' ? `integration:${p.name}` : '';
      open.set(k, (open.get(k) ?? 0) + 1);
    },
    close: (name: string) => open.set(`integration:${name}`, (open.get(`integration:${name}`) ?? 0) - 1),
  };
}

describe('OpenReportCap', () => {
  it('lets a key report until it has the cap open, then refuses with 429 naming the cap, until one closes', async () => {
    const s = store();
    const cap = new OpenReportCap(3, s.count);
    const report = () => cap.run(key('hotline'), async () => s.commit(key('hotline')));
    for (let i = 0; i < 3; i++) await report();
    const refused = await report().catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/hotline.*3 open.*at most 3.*CITYOPS_OPEN_REPORTS_PER_KEY/) });
    // Another key has its own count.
    await expect(cap.run(key('citizenApp'), async () => 'ok')).resolves.toBe('ok');
    s.close('hotline');
    await expect(report()).resolves.toBeUndefined();
  });

  it('counts reports under way, so a burst sent at once stops at the cap', async () => {
    const s = store();
    const cap = new OpenReportCap(5, s.count);
    const release: (() => void)[] = [];
    // Reports that wait (as in the work-order queue) before they commit.
    const runs = Array.from({ length: 20 }, () =>
      cap.run(key('flood'), async () => {
        await new Promise<void>((done) => release.push(done));
        s.commit(key('flood'));
      }),
    );
    const settled = Promise.allSettled(runs);
    await new Promise((resolve) => setImmediate(resolve));
    expect(release).toHaveLength(5);
    for (const done of release) done();
    const results = await settled;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(15);
    expect(s.count({ kind: 'integration', name: 'flood' })).toBe(5);
  });

  it('frees the place of a report that fails', async () => {
    const s = store();
    const cap = new OpenReportCap(1, s.count);
    await expect(cap.run(key('k'), async () => Promise.reject(new Error('off land')))).rejects.toThrow('off land');
    await expect(cap.run(key('k'), async () => 'ok')).resolves.toBe('ok');
  });
});
