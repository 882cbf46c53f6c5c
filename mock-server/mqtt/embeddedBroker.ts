/**
 * The embedded MQTT broker (aedes, MQTT 3.1.1): sensors and gateways publish readings straight to
 * the server. A client logs in as an integration (username = the integration's name, password = its
 * key); it may publish only under `cityops/v1/` (elsewhere: refused, counted, and disconnected, as
 * MQTT 3.1.1 has no refusal for one publish) and subscribe to nothing (each subscription is refused
 * in the SUBACK). Wills are dropped and retain flags cleared, so a client leaves nothing in the broker.
 *
 * Acknowledgement: aedes runs authorizePublish before it writes a QoS 1 PUBACK (or a QoS 2 PUBREC),
 * so the message is read and its batch handed to the sink inside it, and the callback comes once the
 * sink has kept the readings: a PUBACK means they are on disk. A sink that fails closes the
 * connection unacknowledged, and the client sends the message again; that redelivery, or any
 * repeat, is a duplicate at the gate (same asset, measure and time), applied once. While one read
 * chunk's publishes are in the sink, aedes reads no more from that client's socket.
 */
import { createServer, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { MqttCounts, MqttIngest } from './mqttIngest';
import { TOPIC_ROOT } from './mqttIngest';
import { KeyedBuckets } from '../auth/rateLimit';

export interface BrokerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface EmbeddedBrokerDeps {
  port: number;
  host: string;
  ingest: MqttIngest;
  /** The integration a key belongs to, or null for a key that is no integration's. */
  integrationOf(key: string): Promise<string | null>;
  log: BrokerLog;
  /** Failed logins allowed per address (default: 10 a minute, as HTTP logins); past them a connect is refused unread. */
  failedLogins?: KeyedBuckets;
}

export interface EmbeddedBrokerStatus extends MqttCounts {
  port: number;
  clients: number;
}

export interface EmbeddedBroker {
  readonly port: number;
  status(): EmbeddedBrokerStatus;
  close(): Promise<void>;
}

/** CONNACK return code 4, "bad user name or password" (MQTT 3.1.1 §3.2.2.3). */
const BAD_CREDENTIALS = 4;
/** CONNACK return code 5, "not authorized": an address past its failed logins. */
const NOT_AUTHORIZED = 5;

/** The address a client connects from ('' when the stream is not a socket). */
const addressOf = (client: Client): string => ('remoteAddress' in client.conn ? (client.conn.remoteAddress ?? '') : '');

export async function startEmbeddedBroker(deps: EmbeddedBrokerDeps): Promise<EmbeddedBroker> {
  const { ingest, log } = deps;
  const integrations = new WeakMap<Client, string>();
  // A key guessed by trying: an address that keeps failing is refused before its key is even checked.
  const failedLogins = deps.failedLogins ?? new KeyedBuckets({ capacity: 10, windowMs: 60_000 });
  const broker = await Aedes.createBroker({
    preConnect(_client, packet, done) {
      // A will would be published on the client's behalf after it is gone: nothing of the kind is read.
      packet.will = undefined;
      done(null, true);
    },
    authenticate(client, username, password, done) {
      const attempts = failedLogins.get(addressOf(client));
      if (!attempts.available()) {
        ingest.refuse('loginsLimited');
        log.warn({ client: client.id, address: addressOf(client) }, 'MQTT client refused: too many failed logins from its address');
        return done(Object.assign(new Error('too many failed logins'), { returnCode: NOT_AUTHORIZED }) as AuthenticateError, false);
      }
      const refuse = () => {
        attempts.take();
        ingest.refuse('credentials');
        log.info({ client: client.id, username }, 'MQTT client refused: wrong integration name or key');
        done(Object.assign(new Error('bad user name or password'), { returnCode: BAD_CREDENTIALS }) as AuthenticateError, false);
      };
      if (!username || !password) return refuse();
      deps.integrationOf(password.toString('utf8')).then(
        (name) => {
          if (name !== username) return refuse();
          integrations.set(client, name);
          done(null, true);
        },
        () => refuse(),
      );
    },
    authorizePublish(client, packet, done) {
      const source = client ? integrations.get(client) : undefined;
      if (source === undefined) return done(new Error('not authenticated'));
      // Nothing is kept for later subscribers: a retained message would grow the broker's memory.
      packet.retain = false;
      ingest.handle(packet.topic, packet.payload as Buffer, source).then(
        (outcome) => {
          if (outcome.ok || packet.topic.startsWith(TOPIC_ROOT)) return done(null);
          log.warn({ client: client!.id, integration: source, topic: packet.topic }, 'MQTT publish outside cityops/v1/ refused: client disconnected');
          done(new Error(outcome.message));
        },
        (err: Error) => {
          log.warn({ err, client: client!.id, integration: source }, 'MQTT readings could not be kept: client disconnected unacknowledged');
          done(err);
        },
      );
    },
    authorizeSubscribe(_client, _subscription, done) {
      ingest.refuse('subscribe');
      // A null subscription is refused in the SUBACK (0x80) without closing the connection.
      done(null, null);
    },
  });

  const server: Server = createServer((socket) => broker.handle(socket));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(deps.port, deps.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : deps.port;

  return {
    port,
    status: () => ({ port, clients: broker.connectedClients, ...ingest.status() }),
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Closing the broker ends its clients' connections, which lets the listener close.
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await stopped;
    },
  };
}
