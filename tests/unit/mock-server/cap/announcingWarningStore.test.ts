import { describe, expect, it } from 'vitest';
import { announcingWarningStore } from '../../../../mock-server/cap/announcingWarningStore';
import type { StoredWarning, WarningStore } from '../../../../mock-server/cap/warningStore';

describe('announcingWarningStore', () => {
  it('hands each stored record to the city under the hold, and a duplicate not at all', async () => {
    const log: string[] = [];
    const inner: WarningStore = {
      get: async () => null,
      list: async () => [],
      record: async (w) => {
        log.push(`record ${w.key}`);
        return w.key === 'dup' ? { stored: false, ended: [] } : { stored: true, ended: ['old'] };
      },
    };
    const store = announcingWarningStore(inner, {
      shared: async (fn) => {
        log.push('hold');
        const r = await fn();
        log.push('release');
        return r;
      },
      recorded: (w, ended) => log.push(`city ${w.key} ends ${ended.join()}`),
    });
    const w = (key: string) => ({ key, state: 'active', expiresAt: null, endedBy: null, endedAt: null, receivedAt: 0, source: 's' }) as unknown as Omit<StoredWarning, 'seq'>;
    expect(await store.record(w('a'), [{ key: 'old', state: 'replaced' }])).toEqual({ stored: true, ended: ['old'] });
    await store.record(w('dup'), []);
    expect(log).toEqual(['hold', 'record a', 'city a ends old', 'release', 'hold', 'record dup', 'release']);
  });
});
