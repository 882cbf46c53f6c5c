/**
 * The socket.io hub: greets each connection with the catalogue (unless it holds it) and a snapshot, answers its commands
 * through validated handlers, and fans out each published delta — encoded once per channel
 * subscription for every client that can take it, while a busy client is held and later caught up
 * in one coalesced delta (framePacer.ts), so a slow screen never gets a backlog or slows the others.
 */
import type { Server } from 'socket.io';
import { CLIENT_EVENT_SCHEMAS, type ClientToServerEvents, type ServerToClientEvents, type WireDelta } from '../../src/protocol/events';
import type { ChannelId } from '../../src/protocol/channels';
import type { WireCatalog } from '../../src/protocol/assets';
import { packCatalog, type PackedCatalog } from '../../src/protocol/catalogPacking';
import type { LiveFeed } from '../feed/liveFeed';
import { principalOf } from '../auth/socketAuth';
import { DomainError } from '../domainError';
import type { WorkOrderService } from '../workorders/workOrderService';
import { BatchedFanOut } from './batchedFanOut';
import { canTakeFrame } from './canTakeFrame';
import { frameFor, newPacedClient, pace, type PacedClient } from './framePacer';
import { dropConnection, queuedBytes } from './sendBacklog';
import { validatedHandler, type CitySocket } from './validatedHandler';

export type CityServer = Server<ClientToServerEvents, ServerToClientEvents>;

interface Logger {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

export interface Hub {
  publish(delta: WireDelta): void;
  /**
   * The city was rebuilt under a new catalogue (runtime/cityHolder.ts): what is left of the old one's
   * last frame goes out first, then every socket gets the new catalogue and a snapshot of it, so no
   * frame of the old slot counts follows the new version.
   */
  catalogChanged(): void;
  clientCount(): number;
}

/** Counts what the hub writes (ops/cityMetrics.ts): `n` sockets sent a frame of that kind. */
export type FrameMeter = (kind: 'delta' | 'catchUp' | 'snapshot', n: number) => void;

/**
 * When a socket counts as a reader that stopped reading (issue 17, finding 5): it is dropped once it
 * could not take a frame for more than `maxStalledFrames` published frames in a row, or once more
 * than `maxQueuedBytes` wait to be written to it; `dropped` counts it (ops/cityMetrics.ts).
 */
export interface SlowReaderBound {
  maxStalledFrames: number;
  maxQueuedBytes: number;
  dropped: () => void;
}

/** Generous for tests that build the hub alone: a minute at 1 s ticks, 64 MB. */
const DEFAULT_SLOW_READER_BOUND: SlowReaderBound = { maxStalledFrames: 60, maxQueuedBytes: 64 * 1024 * 1024, dropped: () => undefined };

/** What the hub reads of the running city, each time it acts: the city it serves may be swapped. */
export interface HubCity {
  readonly feed: LiveFeed;
  /** Takes the sockets' incident commands (absent: none taken). */
  readonly workOrders?: WorkOrderService;
}

/** Runs an incident command for the socket's principal and answers its record; a refusal (DomainError) becomes the ack's error in validatedHandler. */
function incidentCommand<T>(run: () => Promise<{ body: T }>): Promise<T> {
  return run().then((r) => r.body);
}

export function attachHub(
  io: CityServer,
  city: HubCity,
  log: Logger,
  countFrames: FrameMeter = () => undefined,
  slowReaders: SlowReaderBound = DEFAULT_SLOW_READER_BOUND,
): Hub {
  /** `stalled`: frames in a row the socket could not take. */
  const paced = new Map<string, { socket: CitySocket; client: PacedClient; stalled: number }>();
  const fanOut = new BatchedFanOut();
  // Packed once per catalogue (a rebuilt city brings a new one): every greeting sends the same buffer.
  const packed = new WeakMap<WireCatalog, PackedCatalog>();
  const packedCatalog = (): PackedCatalog => {
    const { catalog } = city.feed;
    let out = packed.get(catalog);
    if (!out) packed.set(catalog, (out = packCatalog(catalog)));
    return out;
  };
  /** A fresh snapshot for the socket's subscription; its deltas continue from there. */
  const snapshotFor = (socket: CitySocket) => {
    const entry = paced.get(socket.id);
    const snapshot = city.feed.snapshot(entry?.client.channels ?? null);
    if (entry) Object.assign(entry.client, newPacedClient(snapshot.seq, entry.client.channels));
    return snapshot;
  };

  io.on('connection', (socket: CitySocket) => {
    const { feed } = city;
    paced.set(socket.id, { socket, client: newPacedClient(feed.lastSeq), stalled: 0 });
    socket.on('disconnect', () => paced.delete(socket.id));
    // At the stress scale the catalogue is megabytes (240,000 elevator positions): a client that
    // reconnects holding this very version gets only the snapshot.
    const known = (socket.handshake.auth as { catalog?: unknown } | undefined)?.catalog;
    if (known !== feed.catalog.version) socket.emit('city:catalog', packedCatalog());
    socket.emit('readings:snapshot', snapshotFor(socket));

    socket.on(
      'readings:resync',
      validatedHandler(socket, 'readings:resync', CLIENT_EVENT_SCHEMAS['readings:resync'], (req) => {
        log.info({ socket: socket.id, lastSeq: req.lastSeq, seq: city.feed.status().seq }, 'client resync');
        return snapshotFor(socket);
      }, log),
    );

    socket.on(
      'view:subscribe',
      validatedHandler(socket, 'view:subscribe', CLIENT_EVENT_SCHEMAS['view:subscribe'], ({ channels }) => {
        const entry = paced.get(socket.id)!;
        entry.client.channels = channels ? new Set(channels) : null;
        // The state restarts from a snapshot of just those channels, on the ack.
        return snapshotFor(socket);
      }, log),
    );

    const { workOrders } = city;
    if (workOrders) {
      const who = () => {
        const principal = principalOf(socket);
        if (!principal) throw new DomainError('UNAUTHORIZED', 'sign in first');
        return principal;
      };
      socket.on(
        'incident:dispatch',
        validatedHandler(socket, 'incident:dispatch', CLIENT_EVENT_SCHEMAS['incident:dispatch'], ({ id, idempotencyKey, ...req }) =>
          incidentCommand(() => city.workOrders!.dispatch(id, req, who(), idempotencyKey)), log),
      );
      socket.on(
        'incident:transition',
        validatedHandler(socket, 'incident:transition', CLIENT_EVENT_SCHEMAS['incident:transition'], ({ id, idempotencyKey, ...req }) =>
          incidentCommand(() => city.workOrders!.transition(id, req, who(), idempotencyKey)), log),
      );
      socket.on(
        'incident:note',
        validatedHandler(socket, 'incident:note', CLIENT_EVENT_SCHEMAS['incident:note'], ({ id, idempotencyKey, ...req }) =>
          incidentCommand(() => city.workOrders!.note(id, req, who(), idempotencyKey)), log),
      );
    }
  });

  return {
    publish(delta) {
      // Anything left of the previous frame goes first, so no socket sees frames out of order.
      fanOut.flush();
      const { feed } = city;
      const frame = {
        delta,
        current: feed.readings,
        previous: feed.previousReadings,
        allReadingTimes: (channels: ReadonlySet<ChannelId> | null) => feed.readingTimesFor(channels, true),
      };
      const shared = new Map<string, { frame: WireDelta; sockets: CitySocket[] }>();
      for (const entry of paced.values()) {
        const { socket, client } = entry;
        const writable = canTakeFrame(socket);
        entry.stalled = writable ? 0 : entry.stalled + 1;
        // Only a busy socket has a backlog worth measuring.
        const backlog = writable ? 0 : queuedBytes(socket);
        if (entry.stalled > slowReaders.maxStalledFrames || backlog > slowReaders.maxQueuedBytes) {
          log.warn({ socket: socket.id, stalledFrames: entry.stalled, queuedBytes: backlog }, 'dropped a client that stopped reading');
          paced.delete(socket.id);
          dropConnection(socket);
          slowReaders.dropped();
          continue;
        }
        const decision = pace(client, frame, writable);
        if (decision.kind === 'shared') {
          const key = client.channels ? [...client.channels].sort().join(',') : '*';
          let group = shared.get(key);
          if (!group) {
            const times = client.channels ? feed.readingTimesFor(client.channels) : undefined;
            shared.set(key, (group = { frame: frameFor(client.channels, delta, feed.lastChunks, times), sockets: [] }));
          }
          group.sockets.push(socket);
        } else if (decision.kind === 'catchUp') {
          socket.emit('readings:delta', decision.delta);
          countFrames('catchUp', 1);
        } else if (decision.kind === 'snapshot') {
          socket.emit('readings:snapshot', snapshotFor(socket));
          countFrames('snapshot', 1);
        }
      }
      // One encoding per subscription group, written to its sockets a batch per turn of the loop.
      for (const { frame: groupFrame, sockets } of shared.values()) {
        fanOut.send(sockets, (batch) => {
          if (batch.length === 1) batch[0].emit('readings:delta', groupFrame);
          else io.to(batch.map((s) => s.id)).emit('readings:delta', groupFrame);
          countFrames('delta', batch.length);
        });
      }
      fanOut.start();
    },
    catalogChanged() {
      fanOut.flush();
      const catalog = packedCatalog();
      for (const { socket } of paced.values()) {
        socket.emit('city:catalog', catalog);
        socket.emit('readings:snapshot', snapshotFor(socket));
      }
    },
    clientCount: () => io.engine.clientsCount,
  };
}
