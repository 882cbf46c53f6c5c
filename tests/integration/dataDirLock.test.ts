/**
 * One server per data directory (issue 17, finding 10): a second server on the same directory refuses
 * to start and names the first one's pid; a lock left by a killed server (its pid gone) is taken over.
 * The servers run as the operator runs them, as processes of mock-server/index.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-lock-'));
const children: ChildProcess[] = [];

interface Started {
  proc: ChildProcess;
  /** Resolves with the exit code, and what the process wrote. */
  exited: Promise<{ code: number | null; output: string }>;
  /** Resolves once the server says it is up. */
  up: Promise<void>;
  output(): string;
}

function startServer(): Started {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'mock-server/index.ts', '--demo', 'yes'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CITYOPS_DATA_DIR: dataDir, CITYOPS_MQTT_PORT: 'off', CITYOPS_AUTOPILOT: 'no', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let output = '';
  let markUp: () => void;
  const up = new Promise<void>((resolve) => (markUp = resolve));
  const read = (d: Buffer) => {
    output += String(d);
    if (output.includes('CityOps is up at')) markUp();
  };
  proc.stdout!.on('data', read);
  proc.stderr!.on('data', read);
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => proc.once('exit', (code) => resolve({ code, output })));
  return { proc, exited, up: Promise.race([up, exited.then(({ code }) => Promise.reject(new Error(`server exited with ${code}:\n${output}`)))]), output: () => output };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('one server per data directory', () => {
  it('refuses a second server naming the first one’s pid, and takes over the lock of a killed one', async () => {
    const first = startServer();
    await first.up;

    const second = startServer();
    // Whichever comes first: a second server that comes up is the failure this test exists for.
    const refused = await Promise.race([second.exited, second.up.then(() => ({ code: 'up' as const, output: second.output() }))]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain(`pid ${first.proc.pid}`);
    expect(refused.output).toContain(dataDir);

    // Killed outright: no shutdown hook removes its lock file.
    first.proc.kill('SIGKILL');
    await first.exited;

    const third = startServer();
    await third.up;
    expect(third.output()).toMatch(new RegExp(`stale lock.*pid ${first.proc.pid}|pid ${first.proc.pid}.*stale`, 'i'));
    third.proc.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
    // A clean stop leaves no lock behind.
    expect(existsSync(join(dataDir, 'cityops.lock'))).toBe(false);
  }, 120_000);
});
