/**
 * One asset's static facts and current readings, and its recent history, for the detail card
 * (issue 3). Ids are looked up in the live feed's catalogue; values come from the last published
 * frame and the history store, so the card sees exactly what the wall's socket feed carried.
 */
import type { onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssetFactsResponseSchema,
  AssetHistoryResponseSchema,
  MAX_HISTORY_MINUTES,
  type AssetFactsResponse,
  type AssetHistoryResponse,
} from '../../src/protocol/assetApi';
import { ASSET_KINDS, type AssetKind, type WireAssetGroup } from '../../src/protocol/assets';
import { toFloat32 } from '../../src/protocol/binary';
import { assetCountOf, assetNameAt, districtsOf, slotOfId } from '../../src/protocol/catalogView';
import { CHANNEL_IDS, CHANNELS, channelStride, type ChannelId } from '../../src/protocol/channels';
import { HISTORY_CHANNELS, shortestFloat32, type AssetHistory, type SlotSeries } from '../feed/assetHistory';
import type { LiveFeed } from '../feed/liveFeed';
import { DomainError } from '../domainError';
import { securityFor } from './openApiSecurity';

export interface AssetRouteDeps {
  /** Both read at each request (getters in the server: a registry change rebuilds the city and its feed). */
  readonly feed: LiveFeed;
  readonly history: AssetHistory;
  /**
   * The readings from outside of one asset's channel measured in [from, to), oldest first (the
   * readings table), or none: where an asset is fed from outside, its history is what was measured
   * and when, not the per-minute samples, which would repeat a reading for as long as no new one came.
   */
  measured?: (kind: AssetKind, id: string, channel: ChannelId, from: number, to: number) => Promise<{ t: number; v: number }[]>;
  /**
   * Runs before every route here: the one place a role check goes once accounts exist. Throwing or
   * replying with 401/403 stops the request.
   */
  authorize?: onRequestHookHandler;
}

const KIND_MESSAGE = `must be one of ${ASSET_KINDS.join(', ')}`;

const AssetParamsSchema = z.object({
  kind: z.enum(ASSET_KINDS, { error: () => KIND_MESSAGE }),
  id: z.string().min(1).max(64),
});

const HistoryQuerySchema = z.object({
  minutes: z.coerce
    .number({ error: () => `must be a whole number of minutes, 1–${MAX_HISTORY_MINUTES}` })
    .int(`must be a whole number of minutes, 1–${MAX_HISTORY_MINUTES}`)
    .min(1)
    .max(MAX_HISTORY_MINUTES)
    .default(MAX_HISTORY_MINUTES),
});

const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Per kind: the group, its slots by id, its positions as numbers, and its channels. */
interface KindIndex {
  /** The catalogue's group with its asset count, as the naming helpers read it. */
  group: WireAssetGroup & { count: number };
  /** Named kinds; null where ids follow from the slot. */
  slotOf: Map<string, number> | null;
  districts: ArrayLike<number>;
  positions: Float32Array;
  channels: ChannelId[];
}

function indexCatalog(feed: LiveFeed): Map<AssetKind, KindIndex> {
  const out = new Map<AssetKind, KindIndex>();
  for (const group of feed.catalog.groups) {
    out.set(group.kind, {
      group: { ...group, count: assetCountOf(group) },
      slotOf: group.naming ? null : new Map(group.ids.map((id, slot) => [id, slot])),
      positions: toFloat32(group.positions),
      districts: districtsOf(group),
      channels: CHANNEL_IDS.filter((id) => CHANNELS[id].kind === group.kind),
    });
  }
  return out;
}

/** NaN and ±Infinity are not JSON; they mean "no value". */
const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const column = (columns: Record<string, number[]>, slot: number) =>
  Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, finiteOrNull(values[slot])]));

/**
 * One channel's last `minutes`: the per-minute samples, and where readings from outside came in, those
 * readings at their own times from the first one on.
 */
async function mergedSeries(deps: AssetRouteDeps, kind: AssetKind, id: string, channel: ChannelId, slot: number, minutes: number): Promise<SlotSeries> {
  const sampled = deps.history.series(channel, slot, minutes);
  const to = deps.feed.currentVitals().t + 1;
  const measured = deps.measured ? await deps.measured(kind, id, channel, to - minutes * 60_000, to) : [];
  if (measured.length === 0) return sampled;
  const first = measured[0].t;
  const out: SlotSeries = { t: [], v: [] };
  sampled.t.forEach((t, i) => {
    if (t >= first) return;
    out.t.push(t);
    out.v.push(sampled.v[i]);
  });
  for (const r of measured) {
    out.t.push(r.t);
    out.v.push(shortestFloat32(r.v));
  }
  return out;
}

export const assetRoutes =
  (deps: AssetRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    if (deps.authorize) app.addHook('onRequest', deps.authorize);
    const seriesOf = (kind: AssetKind, id: string, channel: ChannelId, slot: number, minutes: number) => mergedSeries(deps, kind, id, channel, slot, minutes);
    // A catalogue is fixed for the life of its feed, so each is indexed once (a registry change brings another).
    let indexed = { catalog: deps.feed.catalog, kinds: indexCatalog(deps.feed) };
    const kindIndex = (kind: AssetKind) => {
      if (indexed.catalog !== deps.feed.catalog) indexed = { catalog: deps.feed.catalog, kinds: indexCatalog(deps.feed) };
      return indexed.kinds.get(kind);
    };
    const lookup = (kind: AssetKind, id: string) => {
      const index = kindIndex(kind);
      if (!index) return null;
      // Generated ids (elevators) are parsed; named ones are looked up.
      const slot = index.slotOf ? index.slotOf.get(id) : slotOfId(index.group, id);
      return slot !== undefined && slot >= 0 ? { index, slot } : null;
    };
    const notFound = (kind: AssetKind, id: string) => new DomainError('NOT_FOUND', `no ${kind} with id ${JSON.stringify(id)}`);

    app.get(
      '/api/assets/:kind/:id',
      { schema: { tags: ['city'], security: securityFor('view'), params: AssetParamsSchema, response: { 200: AssetFactsResponseSchema, 404: ErrorSchema } } },
      async (request) => {
        const { kind, id } = request.params;
        const found = lookup(kind, id);
        if (!found) throw notFound(kind, id);
        const { index, slot } = found;
        const { group } = index;
        const current = deps.feed.current();
        const district = deps.feed.catalog.districts[index.districts[slot]];
        const body: AssetFactsResponse = {
          kind,
          id,
          slot,
          name: assetNameAt(group, slot, false),
          nameEn: assetNameAt(group, slot, true),
          district: district ? { code: district.code, name: district.name, nameEn: district.nameEn } : null,
          lon: shortestFloat32(index.positions[slot * 2]),
          lat: shortestFloat32(index.positions[slot * 2 + 1]),
          thresholds: column(group.thresholds, slot),
          attributes: column(group.attributes, slot),
          simTime: deps.feed.status().simTime,
          values: Object.fromEntries(
            index.channels.map((ch) => {
              const stride = channelStride(ch);
              const values = Array.from(current[ch].subarray(slot * stride, (slot + 1) * stride), (v) => finiteOrNull(shortestFloat32(v)));
              return [ch, stride === 1 ? values[0] : values];
            }),
          ),
          units: Object.fromEntries(index.channels.map((ch) => [ch, CHANNELS[ch].unit])),
        };
        return body;
      },
    );

    app.get(
      '/api/assets/:kind/:id/history',
      { schema: { tags: ['city'], security: securityFor('view'), params: AssetParamsSchema, querystring: HistoryQuerySchema, response: { 200: AssetHistoryResponseSchema, 404: ErrorSchema } } },
      async (request) => {
        const { kind, id } = request.params;
        const { minutes } = request.query;
        const found = lookup(kind, id);
        if (!found) throw notFound(kind, id);
        const channels = found.index.channels.filter((ch) => HISTORY_CHANNELS.includes(ch));
        const body: AssetHistoryResponse = {
          kind,
          id,
          minutes,
          units: Object.fromEntries(channels.map((ch) => [ch, CHANNELS[ch].unit])),
          series: Object.fromEntries(await Promise.all(channels.map(async (ch) => [ch, await seriesOf(kind, id, ch, found.slot, minutes)] as const))),
        };
        return body;
      },
    );
  };
