/**
 * Decides what to do with each delta given the last applied seq: apply it, drop it (old or
 * duplicate), or treat it as a gap that needs a fresh snapshot.
 */
export type SequenceVerdict = 'apply' | 'drop' | 'gap';

export class FrameSequencer {
  private lastSeq: number | null = null;
  private awaitingSnapshot = true;

  /** A snapshot replaces all state: deltas continue from its seq. */
  reset(seq: number): void {
    this.lastSeq = seq;
    this.awaitingSnapshot = false;
  }

  /** Until a snapshot arrives, every delta is dropped (there is nothing to apply it to). */
  invalidate(): void {
    this.awaitingSnapshot = true;
  }

  get last(): number | null {
    return this.lastSeq;
  }

  get waiting(): boolean {
    return this.awaitingSnapshot;
  }

  /** `baseSeq`: the state the delta applies to (seq - 1, or earlier for a coalesced catch-up frame). */
  verdict(seq: number, baseSeq = seq - 1): SequenceVerdict {
    if (this.awaitingSnapshot || this.lastSeq === null) return 'drop';
    if (seq <= this.lastSeq) return 'drop';
    if (baseSeq === this.lastSeq) {
      this.lastSeq = seq;
      return 'apply';
    }
    this.awaitingSnapshot = true;
    return 'gap';
  }
}
