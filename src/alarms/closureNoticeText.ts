/**
 * What the wall says of a road-closure notice's delivery to the traffic police (issue 16): the
 * message key under `closureNotice.`, its numbers, and a tone. Pure, so each state is tested alone;
 * ClosureNoticeStatus.vue turns it into text.
 */
import type { ClosureNotice } from '@/protocol/closureNotice';

export interface ClosureNoticeText {
  key: 'recording' | 'unconfigured' | 'sending' | 'retrying' | 'delivered';
  /** Retries so far ('retrying'). */
  retries?: number;
  /** Why the last attempt failed ('retrying'), as the server put it. */
  error?: string;
  /** When it was acknowledged ('delivered'), server wall clock, epoch ms. */
  deliveredAt?: number;
  /** ok: delivered; pending: on its way; bad: nobody will be told. */
  tone: 'ok' | 'pending' | 'bad';
}

/** The text of a notice's state; `undefined` is a closure the server has not recorded yet (a tick at most). */
export function closureNoticeText(notice: ClosureNotice | undefined): ClosureNoticeText {
  if (!notice) return { key: 'recording', tone: 'pending' };
  switch (notice.state) {
    case 'unconfigured':
      return { key: 'unconfigured', tone: 'bad' };
    case 'sending':
      return notice.attempts === 0 ? { key: 'sending', tone: 'pending' } : { key: 'retrying', retries: notice.attempts, error: notice.lastError ?? undefined, tone: 'pending' };
    case 'delivered':
      return { key: 'delivered', deliveredAt: notice.deliveredAt, tone: 'ok' };
  }
}
