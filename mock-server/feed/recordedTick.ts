/**
 * One tick of the city as the server runs it and as the backfill replays it: advance and publish a
 * frame, put the city's own incident changes on disk, and roll the minute into history. The caller
 * runs it inside the work-order queue, so no command lands halfway through.
 */
import type { WireDelta } from '../../src/protocol/events';
import type { HistoryRecorder } from '../history/historyRecorder';
import type { WorkOrderService } from '../workorders/workOrderService';
import type { LiveFeed } from './liveFeed';

export async function recordedTick(feed: LiveFeed, workOrders: WorkOrderService, history: HistoryRecorder): Promise<WireDelta> {
  const delta = feed.tick();
  await workOrders.recordTick(delta.events);
  await history.afterFrame(delta.simTime, feed.readings, delta.vitals, delta.events, feed.sim.desk.activeClosures().length);
  return delta;
}
