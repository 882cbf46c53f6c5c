/**
 * One tick of the city as the server runs it and as the backfill replays it: run the pipeline and
 * publish a frame, put the alarms' changes and the city's own incident changes on disk, and roll the
 * minute into history. The caller runs it inside the work-order queue, so no command lands halfway through.
 */
import type { WireDelta } from '../../src/protocol/events';
import type { AlarmService } from '../alarms/alarmService';
import type { HistoryRecorder } from '../history/historyRecorder';
import type { WorkOrderService } from '../workorders/workOrderService';
import type { LiveCity } from './liveCity';

/** `alarms` keeps the alarm records (the server and the backfill pass it; a test of history alone may not). */
export async function recordedTick(city: LiveCity, workOrders: WorkOrderService, history: HistoryRecorder, alarms?: AlarmService): Promise<WireDelta> {
  const delta = city.tick();
  await alarms?.recordTick(delta.events);
  await workOrders.recordTick(delta.events);
  await history.afterFrame(delta.simTime, city.feed.readings, delta.vitals, delta.events, city.stages.desk.activeClosures().length);
  return delta;
}
