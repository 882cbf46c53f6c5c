import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import type { DeskWorld } from '../../../../mock-server/incidents/deskWorld';
import { RoadClosures } from '../../../../mock-server/incidents/roadClosures';
import { createRng } from '../../../../mock-server/simulator/rng';
import type { Alarm, CityEvent } from '@/protocol/cityEvents';

let assets: CityAssets;
beforeAll(() => {
  assets = placeAssets(loadCityGeo(), createRng(42));
});

/** The only part of the world a closure touches: which segments are closed. */
const world = () => ({ setRoadClosed: () => undefined }) as unknown as DeskWorld;
const alarm = (slot: number, severity: Alarm['severity'], state: Alarm['state'] = 'active') =>
  ({ id: `underpass.depth:${assets.underpasses[slot].id}:0`, slot, assetId: assets.underpasses[slot].id, severity, state }) as Alarm;
const closureOf = (events: CityEvent[]) => events.flatMap((e) => (e.type === 'closure' ? [e.closure] : []))[0];

describe('a road closure’s notice', () => {
  it('records where the notice stands on the closure in force, as a change to announce', () => {
    const closures = new RoadClosures(assets, world());
    const issued = closureOf(closures.update(alarm(3, 'critical'), 1_000));
    expect(issued.notice).toBeUndefined();
    const noticed = closureOf(closures.notice(issued.id, { state: 'sending', attempts: 1, lastError: 'HTTP 500' }));
    expect(noticed).toEqual({ ...issued, notice: { state: 'sending', attempts: 1, lastError: 'HTTP 500' } });
    expect(closures.active()).toEqual([noticed]);
    // What was already handed out keeps what it said.
    expect(issued.notice).toBeUndefined();
    // Lifted, it says where the notice stood, and a notice for it changes nothing any more.
    const lifted = closureOf(closures.update(alarm(3, 'critical', 'cleared'), 2_000));
    expect(lifted).toMatchObject({ state: 'lifted', notice: { state: 'sending', attempts: 1 } });
    expect(closures.notice(issued.id, { state: 'delivered', deliveredAt: 5 })).toEqual([]);
    expect(closures.active()).toEqual([]);
  });
});
