/**
 * How long a reading from outside stands before its slot reads no data: per channel, the shortest
 * no-data interval of the rules on it, else a default. The server's source lays readings over by it
 * (fedSource.ts) and the catalogue carries it, so a screen greys a reading at the moment the server
 * stops counting it — with the city's own rules file, not a copy of the default one.
 */
import { CHANNEL_IDS, type ChannelId } from '../../src/protocol/channels';
import type { AlarmRule } from '../rules/ruleTypes';

/** How long a reading from outside stands where no rule says how long a silence is. */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

export type StaleAfterByChannel = Readonly<Record<ChannelId, number>>;

/** Every channel's interval, ms: the shortest `noData` of the rules on it, DEFAULT_STALE_AFTER_MS where none has one. */
export function staleAfterByChannel(rules: readonly Pick<AlarmRule, 'channel' | 'frozenAfterS'>[]): StaleAfterByChannel {
  const out = Object.fromEntries(CHANNEL_IDS.map((id) => [id, DEFAULT_STALE_AFTER_MS])) as Record<ChannelId, number>;
  const ruled = new Set<ChannelId>();
  for (const rule of rules) {
    if (rule.frozenAfterS === undefined) continue;
    const ms = rule.frozenAfterS * 1000;
    out[rule.channel] = ruled.has(rule.channel) ? Math.min(out[rule.channel], ms) : ms;
    ruled.add(rule.channel);
  }
  return out;
}
