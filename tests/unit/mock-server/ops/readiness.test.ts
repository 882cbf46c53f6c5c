import { describe, expect, it } from 'vitest';
import { readinessProblems, type ReadinessChecks } from '../../../../mock-server/ops/readiness';
import type { ExternalBrokerStatus } from '../../../../mock-server/mqtt/externalBroker';

const counts = { received: 0, refused: {}, entries: { accepted: 0, duplicates: 0, rejected: 0 } };
const broker = (connected: boolean): ExternalBrokerStatus => ({ ...counts, url: 'mqtt://broker.city:1883', connected, subscribed: connected });
const fine: ReadinessChecks = { storageWrite: () => null, lastCommitFault: () => null, tick: () => null, mqtt: () => ({ embedded: null, external: null }) };

describe('readinessProblems', () => {
  it('is empty when storage writes, the tick runs and no broker is configured or it is connected', () => {
    expect(readinessProblems(fine)).toEqual([]);
    expect(readinessProblems({ ...fine, mqtt: () => ({ embedded: null, external: broker(true) }) })).toEqual([]);
  });

  it('names each problem', () => {
    expect(
      readinessProblems({
        storageWrite: () => 'the database is closed',
        lastCommitFault: () => null,
        tick: () => 'the city tick has stalled: none for 9.0 s (one is due every 1 s)',
        mqtt: () => ({ embedded: null, external: broker(false) }),
      }),
    ).toEqual([
      'storage: the database is closed',
      'tick: the city tick has stalled: none for 9.0 s (one is due every 1 s)',
      'mqtt: the broker mqtt://broker.city:1883 is unreachable',
    ]);
  });

  it('reports a failed commit until one succeeds, once when the probe fails too', () => {
    const fault = 'SQLITE_FULL: database or disk is full';
    expect(readinessProblems({ ...fine, lastCommitFault: () => fault })).toEqual([`storage: the last commit failed (${fault})`]);
    expect(readinessProblems({ ...fine, lastCommitFault: () => fault, storageWrite: () => 'the database is open read-only' })).toEqual(['storage: the database is open read-only']);
  });
});
