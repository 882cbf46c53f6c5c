/**
 * The cap on incidents one outside reporter may have open at once (issue 17, finding 4): a key that
 * floods reports (a broken integration, a stolen key) fills the desk and the wall, so past the cap
 * its new reports are refused, naming the cap, until some of its incidents close.
 *
 * A report is counted from its check until it ends, on top of those on record: reports sent at once
 * wait in the work-order queue before they commit, and would otherwise all pass the check together.
 * The check and the count run with nothing in between (the store's count is synchronous).
 */
import type { Principal } from '../../src/protocol/auth';
import type { Actor } from '../../src/protocol/workOrders';
import { DomainError } from '../domainError';
import { actorOf } from '../workorders/workOrderService';

/** Open incidents on record whose creation names this reporter (storage/sqliteOpenReports.ts). */
export type OpenReportCount = (reporter: Pick<Actor, 'kind' | 'name'>) => number;

export class OpenReportCap {
  /** Reports checked and not yet ended, per reporter. */
  private readonly underWay = new Map<string, number>();

  constructor(
    /** Most open incidents per reporter (CITYOPS_OPEN_REPORTS_PER_KEY). */
    readonly cap: number,
    private readonly openOnRecord: OpenReportCount,
  ) {}

  /** Runs a report if the reporter is under the cap (else throws RATE_LIMITED); its place is freed when it ends. */
  async run<T>(principal: Principal, report: () => Promise<T>): Promise<T> {
    const reporter = actorOf(principal);
    const id = `${reporter.kind}:${reporter.name}`;
    const underWay = this.underWay.get(id) ?? 0;
    const open = this.openOnRecord(reporter) + underWay;
    if (open >= this.cap) {
      throw new DomainError(
        'RATE_LIMITED',
        `${reporter.name} has ${open} open incidents reported, and a key may have at most ${this.cap} open (CITYOPS_OPEN_REPORTS_PER_KEY): new reports are refused until some of them close`,
      );
    }
    this.underWay.set(id, underWay + 1);
    try {
      return await report();
    } finally {
      const left = (this.underWay.get(id) ?? 1) - 1;
      if (left === 0) this.underWay.delete(id);
      else this.underWay.set(id, left);
    }
  }
}
