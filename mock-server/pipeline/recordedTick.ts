/**
 * One tick of the city as the server runs it and as the backfill replays it: run the pipeline and
 * publish a frame, put the city's own incident changes on disk, and roll the minute into history.
 * The caller runs it inside the work-order queue, so no command lands halfway through.
 */
import type { WireDelta } from '../../src/protocol/events';
import type { HistoryRecorder } from '../history/historyRecorder';
import type { WorkOrderService } from '../workorders/workOrderService';
import type { LiveCity } from './liveCity';

export async function recordedTick(city: LiveCity, workOrders: WorkOrderService, history: HistoryRecorder): Promise<WireDelta> {
  const delta = city.tick();
  await workOrders.recordTick(delta.events);
  await history.afterFrame(delta.simTime, city.feed.readings, delta.vitals, delta.events, city.stages.desk.activeClosures().length);
  return delta;
}
