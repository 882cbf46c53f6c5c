import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { createCityStages } from '../../../../mock-server/pipeline/cityStages';
import { LiveCity } from '../../../../mock-server/pipeline/liveCity';
import { defaultRuleBook, parseRuleBook } from '../../../../mock-server/rules/ruleBook';

const T0 = Date.parse('2026-07-15T09:00:00+08:00');
let geo: CityGeo;
beforeAll(() => {
  geo = loadCityGeo();
});

const cityAt = (speed: number, tickMs: number) =>
  new LiveCity(createCityStages(geo, { seed: 4, startTime: T0, scenario: 'showers', roadGridKm: 4, counts: { pumpStations: 50, underpasses: 20 } }), { tickMs, speed });

describe('live city', () => {
  it('starts the feed from the city as it stands, before any tick', () => {
    const city = cityAt(60, 1000);
    expect(city.feed.snapshot().simTime).toBe(T0);
    expect(city.feed.lastSeq).toBe(0);
  });

  it('moves the simulated clock speed × tick interval each tick, carrying fractions of a step', () => {
    const slow = cityAt(0.4, 1000);
    const times = Array.from({ length: 5 }, () => slow.tick().simTime - T0);
    expect(times).toEqual([0, 0, 1000, 1000, 2000]);
    const fast = cityAt(90, 500);
    expect(fast.tick().simTime - T0).toBe(45_000);
  });

  it('advances whole steps into one frame', () => {
    const city = cityAt(60, 1000);
    const delta = city.advance(125);
    expect([delta.seq, delta.simTime - T0, city.stages.simTime() - T0]).toEqual([1, 125_000, 125_000]);
  });

  it("publishes the rules' no-data intervals in the catalogue, and a rules file that changes them changes its version", () => {
    const options = { seed: 4, startTime: T0, scenario: 'showers', roadGridKm: 4, counts: { pumpStations: 50, underpasses: 20 } } as const;
    const builtIn = new LiveCity(createCityStages(geo, { ...options, rules: defaultRuleBook() }), { tickMs: 1000, speed: 1 }).feed.catalog;
    // The default rules: rain gauges 15 min, water gauges 10; a channel no rule watches, the server's 15.
    expect([builtIn.staleAfterMs.rain, builtIn.staleAfterMs.water, builtIn.staleAfterMs['weather.temp']]).toEqual([15 * 60_000, 10 * 60_000, 15 * 60_000]);
    const book = defaultRuleBook();
    const text = JSON.stringify({ version: 1, rules: book.rules.map((r) => (r.channel === 'water' ? { ...r, noData: '3m' } : r)) });
    const own = new LiveCity(createCityStages(geo, { ...options, rules: parseRuleBook(text, 'own.json') }), { tickMs: 1000, speed: 1 }).feed.catalog;
    expect(own.staleAfterMs.water).toBe(3 * 60_000);
    expect(own.staleAfterMs.rain).toBe(15 * 60_000);
    expect(own.version).not.toBe(builtIn.version);
  });
});
