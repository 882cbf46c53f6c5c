/**
 * The CAP feeds as configured (CITYOPS_CAP_FEEDS, polled every CITYOPS_CAP_FEEDS_EVERY seconds): a
 * started poller, or null when none is configured. Started by server.ts after the HTTP server
 * listens, stopped before the database closes.
 */
import type { Config } from '../config';
import { CapFeedPoller, type CapFeedPollerDeps } from './capFeedPoller';

export interface StartCapFeedsDeps extends Omit<CapFeedPollerDeps, 'feeds' | 'everyMs'> {
  config: Pick<Config, 'capFeeds' | 'capFeedsEvery'>;
}

export function startCapFeeds({ config, ...deps }: StartCapFeedsDeps): CapFeedPoller | null {
  if (config.capFeeds.length === 0) return null;
  const poller = new CapFeedPoller({ ...deps, feeds: config.capFeeds, everyMs: config.capFeedsEvery * 1000 });
  poller.start();
  deps.log.info({ feeds: config.capFeeds, everyS: config.capFeedsEvery }, `polling ${config.capFeeds.length} CAP feed(s) every ${config.capFeedsEvery} s`);
  return poller;
}
