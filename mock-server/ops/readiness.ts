/**
 * Is the server fit to take traffic (issue 16)? `GET /api/health/ready` answers 503 with these
 * reasons, and `GET /api/health` says `degraded` with them: storage that cannot write (a probe now,
 * or the last commit failed for a storage reason), a stalled tick, or a configured external MQTT
 * broker that is not connected. Liveness asks none of this: the process answering is enough.
 */
import type { MqttStatus } from '../mqtt/mqttBrokers';

export interface ReadinessChecks {
  /** storage/writeProbe.ts: null when the database can write now. */
  storageWrite(): string | null;
  /** storage/timedTransactions.ts: the last commit's storage fault, null once one commits. */
  lastCommitFault(): string | null;
  /** ops/tickWatch.ts. */
  tick(): string | null;
  mqtt(): MqttStatus;
}

/** Every reason the server is not ready now; empty when it is. */
export function readinessProblems(checks: ReadinessChecks): string[] {
  const problems: string[] = [];
  const storage = checks.storageWrite();
  if (storage) problems.push(`storage: ${storage}`);
  const fault = checks.lastCommitFault();
  if (fault && !storage) problems.push(`storage: the last commit failed (${fault})`);
  const tick = checks.tick();
  if (tick) problems.push(`tick: ${tick}`);
  const { external } = checks.mqtt();
  if (external && !external.connected) problems.push(`mqtt: the broker ${external.url} is unreachable`);
  return problems;
}
