#!/usr/bin/env node
// `npm test`: typecheck, lint, build the app the browser tests load, run every vitest project, and end
// with a plain `N passed, N failed` line taken from vitest's JSON results (CI reads only that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results/vitest.json';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
const npx = (...args) => run('npx', ['--no-install', ...args]);

function finish(passed, failed, code) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

for (const [label, step] of [
  // Every tsconfig project (app, server, shared, tests): package.json's typecheck script lists them.
  ['typecheck', () => run('npm', ['run', '--silent', 'typecheck'])],
  ['lint', () => npx('eslint', '.')],
  ['build', () => npx('vite', 'build', '--logLevel', 'warn')],
]) {
  console.log(`\n▶ ${label}`);
  if (step() !== 0) {
    console.error(`${label} failed`);
    finish(0, 1, 1);
  }
}

console.log('\n▶ vitest (unit, integration, e2e)');
mkdirSync('test-results', { recursive: true });
rmSync(RESULTS, { force: true });
const status = npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}`, ...process.argv.slice(2));
if (!existsSync(RESULTS)) {
  console.error('vitest wrote no results');
  finish(0, 1, 1);
}
const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
const failed = results.numFailedTests + (results.numRuntimeErrors ?? 0) + results.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
finish(results.numPassedTests, failed, status === 0 && failed === 0 ? 0 : 1);
