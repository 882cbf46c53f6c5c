/**
 * Demo mode on a network address (issue 17, finding 8), as the operator starts it: `npm start --
 * --host 0.0.0.0` would hand the published admin password to the whole network, so the server
 * refuses, naming the flag that allows it; with that flag it starts and says so loudly in its log.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-demo-network-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the server's CLI until it exits, or stops it (SIGTERM) once it is up. */
function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'mock-server/index.ts', ...args], {
    env: { ...process.env, PORT: '0', CITYOPS_DATA_DIR: dataDir, CITYOPS_MQTT_PORT: 'off', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const read = (d: Buffer) => {
    output += String(d);
    if (/CityOps is up/.test(output)) proc.kill('SIGTERM');
  };
  proc.stdout.on('data', read);
  proc.stderr.on('data', read);
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, output })));
}

describe('demo mode on a network address', () => {
  it('refuses to start, naming the flag that allows it', async () => {
    const { code, output } = await runCli(['--demo', 'yes', '--host', '0.0.0.0']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/--demo-on-network/);
    expect(output).not.toMatch(/CityOps is up/);
  }, 60_000);

  it('starts with --demo-on-network, with a warning in the log', async () => {
    const { code, output } = await runCli(['--demo', 'yes', '--host', '0.0.0.0', '--demo-on-network']);
    expect(output).toMatch(/"level":40.*demo mode on a network address.*published/i);
    expect(code).toBe(0);
  }, 60_000);
});
