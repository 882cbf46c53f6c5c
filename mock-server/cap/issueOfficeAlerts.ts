/**
 * Takes the simulated weather office's CAP alerts of the last tick (PipelineStages.officeCap) through
 * the one CAP ingest, in the order written, so an Update always finds the alert it references. The
 * server runs it right after each tick, in the tick's turn of the work-order queue; the warnings then
 * reach the wall in the next frame, as any CAP alert's do.
 */
import type { PipelineStages } from '../pipeline/cityTick';
import type { CapIngest } from './capIngest';
import { OFFICE_SOURCE } from './officeCap';

export async function issueOfficeAlerts(stages: Pick<PipelineStages, 'officeCap'>, ingest: Pick<CapIngest, 'receiveDocument'>, log: { error(obj: object, msg: string): void }): Promise<void> {
  const outbox = stages.officeCap?.outbox;
  if (!outbox) return;
  for (const xml of outbox.splice(0)) {
    // The office writes on the city's clock: its times are not shifted as an outside alert's are (cap/warningBook.ts).
    const result = await ingest.receiveDocument(Buffer.from(xml, 'utf8'), OFFICE_SOURCE, { onCityClock: true });
    if (!result.ok) log.error({ problems: result.problems }, 'the CAP ingest refused an alert of the simulated weather office');
  }
}
