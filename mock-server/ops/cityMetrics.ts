/**
 * The server's Prometheus metrics (issue 16, served by http/metricsRoutes.ts): what it does per tick,
 * per frame, per command and per commit is observed where it happens (server.ts, the hub,
 * socketTraffic.ts, storage/timedTransactions.ts); what it holds — clients, alarms, incidents,
 * readings per source — is read when Prometheus scrapes, from the city in force. The process's own
 * figures (memory, CPU, event-loop delay, GC) are prom-client's default metrics, kept once per
 * process however many apps it builds (tests build many).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';
import { INCIDENT_STATUSES, type Alarm, type IncidentStatus } from '../../src/protocol/cityEvents';
import type { IngestCounts } from '../ingest/ingestGate';

/** What the scrape reads of the running server, each time (the city in force may have been swapped). */
export interface MetricsSources {
  clients(): number;
  /** Readings from outside since start, per source (ingest/ingestGate.ts). */
  ingest(): Record<string, IngestCounts>;
  activeAlarms(): readonly Pick<Alarm, 'severity'>[];
  /** Every incident on record, by status. */
  incidentsByStatus(): Partial<Record<IncidentStatus, number>>;
}

/** Seconds; a tick or a command past a second is a problem worth seeing in its own bucket. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** A commit with synchronous=FULL is an fsync: about a millisecond on an SSD, more on a loaded disk. */
const COMMIT_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

let processRegistry: Registry | null = null;

/** The process's default metrics, registered once. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class CityMetrics {
  private readonly registry = new Registry();

  readonly tickSeconds = new Histogram({
    name: 'cityops_tick_duration_seconds',
    help: 'Wall time of one city tick (rules, desk, vitals, feed and its storage writes), before the fan-out',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly framesSent = new Counter({
    name: 'cityops_frames_sent_total',
    help: 'Frames written to sockets: deltas (shared or a paced client\'s catch-up) and snapshots sent in their place',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly bytesSent = new Counter({
    name: 'cityops_socket_bytes_sent_total',
    help: 'Bytes of engine.io packets written to sockets (frames, catalogues, snapshots, acks), before WebSocket framing',
    registers: [this.registry],
  });

  readonly commandSeconds = new Histogram({
    name: 'cityops_command_duration_seconds',
    help: 'Time from a command\'s arrival to its answer (HTTP POST/PUT/DELETE by route, socket commands by event)',
    labelNames: ['transport', 'command', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commitSeconds = new Histogram({
    name: 'cityops_storage_commit_duration_seconds',
    help: 'Wall time of one SQLite write transaction, commit (fsync) included',
    labelNames: ['outcome'] as const,
    buckets: COMMIT_BUCKETS,
    registers: [this.registry],
  });

  readonly capAlerts = new Counter({
    name: 'cityops_cap_alerts_total',
    help: 'CAP alerts received (POST /api/ingest/cap, polled feeds, the simulated weather office), per source and what became of them',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly capFeedPolls = new Counter({
    name: 'cityops_cap_feed_polls_total',
    help: 'Polls of the CAP feeds (CITYOPS_CAP_FEEDS), per feed URL and result: ok, notModified, unreachable, http, body',
    labelNames: ['feed', 'result'] as const,
    registers: [this.registry],
  });

  readonly socketConnectionsRefused = new Counter({
    name: 'cityops_socket_connections_refused_total',
    help: 'Socket handshakes refused past a cap on concurrent sockets, per cap: address, account or kiosk',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly socketEventsRefused = new Counter({
    name: 'cityops_socket_events_refused_total',
    help: 'Socket events refused before any handler ran: rateLimited (over the per-socket budget) or unknown (no entry in the permission table)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly socketDrops = new Counter({
    name: 'cityops_socket_drops_total',
    help: 'Sockets the server disconnected: slowReader (stopped reading, its backlog past the bound) or rateLimited (kept flooding past its budget)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    new Gauge({
      name: 'cityops_clients_connected',
      help: 'Sockets connected to the live feed',
      registers: [this.registry],
      collect() {
        this.set(sources.clients());
      },
    });
    new Counter({
      name: 'cityops_readings_total',
      help: 'Readings from outside since start, per source (integration key name) and what the gate made of them',
      labelNames: ['source', 'outcome'] as const,
      registers: [this.registry],
      collect() {
        // The gate keeps the counts; a counter set from them stays monotonic because they are.
        this.reset();
        for (const [source, c] of Object.entries(sources.ingest())) {
          this.inc({ source, outcome: 'accepted' }, c.accepted);
          this.inc({ source, outcome: 'duplicate' }, c.duplicates);
          this.inc({ source, outcome: 'refused' }, c.rejected);
        }
      },
    });
    new Gauge({
      name: 'cityops_alarms_active',
      help: 'Alarms active now, by severity',
      labelNames: ['severity'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const alarm of sources.activeAlarms()) this.inc({ severity: alarm.severity });
      },
    });
    new Gauge({
      name: 'cityops_incidents',
      help: 'Incidents on record, by status',
      labelNames: ['status'] as const,
      registers: [this.registry],
      collect() {
        const counts = sources.incidentsByStatus();
        for (const status of INCIDENT_STATUSES) this.set({ status }, counts[status] ?? 0);
      },
    });
  }

  /** Takes in metrics a part of the server keeps itself (the PDF export's, summary/pdfMetrics.ts). */
  adopt(metrics: readonly Metric[]): void {
    for (const metric of metrics) this.registry.registerMetric(metric);
  }

  /** The metrics in Prometheus' text format, the process's own with them. */
  async text(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }

  /** The text format's content type (version 0.0.4). */
  get contentType(): string {
    return this.registry.contentType;
  }
}
