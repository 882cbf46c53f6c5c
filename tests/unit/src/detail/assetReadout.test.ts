import { describe, expect, it } from 'vitest';
import { kindMessageTree, mergeMessages } from '@/i18n/kindMessages';
import { assetReadingTime, assetStateOf, channelKey, describeAsset, hasSensors, readingsOf, type AssetFacts } from '@/detail/assetReadout';
import { detailMessages } from '@/detail/detailMessages';
import { ASSET_KINDS, ELEVATOR_STATES, MUCK_TRUCK_STATES, PUMP_STATES, TEAM_STATES, type AssetKind, type WireAssetGroup } from '@/protocol/assets';
import { toCatalogView } from '@/protocol/catalogView';
import { uniformStaleAfter } from '../../../support/miniCity';
import { allocateChannel, CHANNEL_IDS, CHANNELS, channelStride, type ChannelArray, type ChannelId } from '@/protocol/channels';

const group = (kind: AssetKind, extra: Partial<WireAssetGroup> = {}): WireAssetGroup => ({
  kind,
  ids: [`${kind}-1`, `${kind}-2`],
  names: ['一号', '二号'],
  namesEn: ['One', 'Two'],
  districts: [0, 5],
  positions: new Uint8Array(new Float32Array([121.4, 31.2, 121.5, 31.3]).buffer),
  thresholds: {},
  attributes: {},
  ...extra,
});
const catalog = toCatalogView({
  version: 'test',
  indicators: [],
  staleAfterMs: uniformStaleAfter(),
  districts: [{ code: '310101', name: '黄浦区', nameEn: 'Huangpu' }],
  groups: ASSET_KINDS.map((k) =>
    k === 'waterGauge' ? group(k, { thresholds: { danger: [5.05, 5.0], warning: [4.55, 4.5] } }) : k === 'underpass' ? group(k, { thresholds: { warning: [5, 5], closed: [25, 25] } }) : group(k),
  ),
});
const channels = (fill: Partial<Record<ChannelId, number[]>>) =>
  Object.fromEntries(
    CHANNEL_IDS.map((id) => {
      const a = allocateChannel(id, 2);
      a.set(fill[id] ?? []);
      return [id, a];
    }),
  ) as Record<ChannelId, ChannelArray>;
const facts = (kind: AssetKind, slot = 0) => describeAsset(catalog, { kind, slot }) as AssetFacts;

describe('asset facts', () => {
  it('reads an asset from the catalogue, thresholds lowest first', () => {
    expect(facts('waterGauge')).toEqual({
      kind: 'waterGauge',
      slot: 0,
      id: 'waterGauge-1',
      name: '一号',
      nameEn: 'One',
      district: { code: '310101', name: '黄浦区', nameEn: 'Huangpu' },
      thresholds: [
        { name: 'warning', value: 4.55 },
        { name: 'danger', value: 5.05 },
      ],
    });
    expect(facts('waterGauge', 1).district).toBeNull(); // district index outside the list
  });

  it('finds nothing for a missing catalogue, no selection or a slot out of range', () => {
    expect(describeAsset(null, { kind: 'waterGauge', slot: 0 })).toBeNull();
    expect(describeAsset(catalog, null)).toBeNull();
    expect(describeAsset(catalog, { kind: 'waterGauge', slot: 2 })).toBeNull();
    expect(describeAsset(catalog, { kind: 'waterGauge', slot: -1 })).toBeNull();
  });
});

describe('readings and state', () => {
  it('reads numbers with their unit and digits, and codes as state words', () => {
    const r = readingsOf('pumpStation', channels({ 'pump.state': [PUMP_STATES.indexOf('fault')], 'pump.level': [1.23], 'pump.flow': [NaN] }), 0);
    expect(r).toEqual([
      { channel: 'pump.state', type: 'state', state: 'fault' },
      { channel: 'pump.level', type: 'number', value: expect.closeTo(1.23, 5), digits: 2, unit: CHANNELS['pump.level'].unit },
      { channel: 'pump.flow', type: 'number', value: NaN, digits: 1, unit: 'm³/s' },
    ]);
    expect(assetStateOf(facts('pumpStation'), r)).toEqual({ key: 'fault', tone: 'alarm' });
  });

  it('reads a water gauge against its own warning and danger levels', () => {
    const at = (level: number) => assetStateOf(facts('waterGauge'), readingsOf('waterGauge', channels({ water: [level] }), 0));
    expect(at(3.0)).toEqual({ key: 'normal', tone: 'ok' });
    expect(at(4.4)).toEqual({ key: 'nearWarning', tone: 'warn' });
    expect(at(4.6)).toEqual({ key: 'over', threshold: 'warning', tone: 'warn' });
    expect(at(5.1)).toEqual({ key: 'over', threshold: 'danger', tone: 'alarm' });
    expect(at(NaN)).toEqual({ key: 'noData', tone: 'dim' });
  });

  it('reads depth kinds by the highest threshold crossed', () => {
    const at = (cm: number) => assetStateOf(facts('underpass'), readingsOf('underpass', channels({ 'underpass.depth': [cm] }), 0));
    expect(at(2).key).toBe('normal');
    expect(at(8)).toEqual({ key: 'over', threshold: 'warning', tone: 'warn' });
    expect(at(30)).toEqual({ key: 'over', threshold: 'closed', tone: 'alarm' });
  });

  it('reads a road as closed before its congestion', () => {
    const road = (fill: Partial<Record<ChannelId, number[]>>) => assetStateOf(facts('roadSegment'), readingsOf('roadSegment', channels(fill), 0));
    expect(road({ 'road.closed': [1], 'road.index': [2] })).toEqual({ key: 'closed', tone: 'alarm' });
    expect(road({ 'road.index': [9] }).key).toBe('congested');
    expect(road({ 'road.index': [6.5] }).key).toBe('slow');
    expect(road({ 'road.index': [1] }).key).toBe('flowing');
  });

  it('reads an elevator by its state, trapped and faulty cars as alarms', () => {
    const lift = (state: number) => assetStateOf(facts('elevator'), readingsOf('elevator', channels({ 'elevator.state': [state] }), 0));
    expect(lift(ELEVATOR_STATES.indexOf('running'))).toEqual({ key: 'running', tone: 'ok' });
    expect(lift(ELEVATOR_STATES.indexOf('trapped'))).toEqual({ key: 'trapped', tone: 'alarm' });
    expect(lift(ELEVATOR_STATES.indexOf('maintenance')).tone).toBe('warn');
  });

  it('has a message for every kind, every channel and every state word the card can show', () => {
    // The static kinds' names come with their own entries (src/i18n/kindMessages.ts), merged into detail.kinds.
    // So do the muck trucks' channel and state words.
    const merged = (locale: 'zh-CN' | 'en') => mergeMessages(detailMessages[locale], kindMessageTree(locale)).detail as unknown as Record<string, Record<string, string>>;
    const kinds = (locale: 'zh-CN' | 'en') => merged(locale).kinds;
    for (const kind of ASSET_KINDS) expect([kinds('zh-CN')[kind], kinds('en')[kind]], kind).not.toContain(undefined);
    for (const id of CHANNEL_IDS.filter((c) => channelStride(c) === 1)) expect(merged('zh-CN').channels[channelKey(id)], id).toBeDefined();
    for (const id of CHANNEL_IDS.filter((c) => channelStride(c) === 1)) expect(merged('en').channels[channelKey(id)], id).toBeDefined();
    for (const state of [...PUMP_STATES, ...TEAM_STATES, ...ELEVATOR_STATES, ...MUCK_TRUCK_STATES]) {
      expect(merged('zh-CN').states[state], state).toBeDefined();
      expect(merged('en').states[state], state).toBeDefined();
    }
  });

  it('names channels without dots for message paths', () => {
    expect(channelKey('weather.temp')).toBe('weather_temp');
    expect(channelKey('rain')).toBe('rain');
  });
});

describe('reading time', () => {
  const T = Date.UTC(2026, 6, 15, 6, 0);
  const times = (fill: Partial<Record<ChannelId, number[]>>) =>
    Object.fromEntries(CHANNEL_IDS.map((id) => [id, Float64Array.from(fill[id] ?? [NaN, NaN])])) as Record<ChannelId, Float64Array>;

  it('is the newest of the asset’s sensor readings, NaN where the simulator measured at the frame’s time', () => {
    const pump = readingsOf('pumpStation', channels({ 'pump.state': [PUMP_STATES.indexOf('running')], 'pump.level': [1.2], 'pump.flow': [NaN] }), 0);
    expect(assetReadingTime(pump, times({ 'pump.state': [T - 5000, NaN], 'pump.level': [T - 9000, NaN], 'pump.flow': [T, NaN] }), 0)).toBe(T - 5000); // flow has no value
    expect(assetReadingTime(pump, times({ 'pump.state': [T - 5000, NaN] }), 0)).toBeNaN();
  });

  it('is null when no sensor of the asset says anything: silent, offline, never heard from', () => {
    const silent = readingsOf('waterGauge', channels({ water: [NaN] }), 0);
    expect(assetReadingTime(silent, times({}), 0)).toBeNull();
    const offline = readingsOf('elevator', channels({ 'elevator.state': [ELEVATOR_STATES.indexOf('offline')] }), 0);
    expect(assetReadingTime(offline, times({ 'elevator.state': [T, T] }), 0)).toBeNull();
  });

  it('leaves the desk’s own channels out: a team has no sensor, a road’s closure is no reading', () => {
    expect(hasSensors('team')).toBe(false);
    expect(hasSensors('roadSegment')).toBe(true);
    const road = readingsOf('roadSegment', channels({ 'road.speed': [NaN], 'road.index': [NaN], 'road.closed': [1] }), 0);
    expect(assetReadingTime(road, times({ 'road.closed': [T, T] }), 0)).toBeNull();
  });
});
