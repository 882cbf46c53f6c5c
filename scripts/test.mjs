#!/usr/bin/env node
// `npm test`: typecheck, lint, build the app the browser tests load, run every vitest project, and end
// with a plain `N passed, N failed` line taken from vitest's JSON results (CI reads only that line).
//
// The browser tests (and the PDF report) need two system packages npm cannot install. When one is
// missing, the first line says which and how to install it, the rest of the suite still runs (its
// results are worth having), the browser tests are left out and counted as one failure: a run
// without them never ends green.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results/vitest.json';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
const npx = (...args) => run('npx', ['--no-install', ...args]);

function finish(passed, failed, code) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

/** The system packages the browser tests need that this machine lacks, each with its Debian package. */
function missingSystemPackages() {
  const missing = [];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) missing.push({ what: `Chromium at ${chromium} (also for the PDF report test)`, packages: ['chromium'] });
  // Without a CJK font Chromium draws the Chinese labels as boxes.
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fonts.error) missing.push({ what: 'a CJK font (and fontconfig)', packages: ['fontconfig', 'fonts-wqy-microhei'] });
  else if (!fonts.stdout.trim()) missing.push({ what: 'a CJK font', packages: ['fonts-wqy-microhei'] });
  return missing;
}

const missing = missingSystemPackages();
const missingLine = missing.length
  ? `missing ${missing.map((m) => m.what).join(' and ')}: install with \`apt-get install ${missing.flatMap((m) => m.packages).join(' ')}\`; the browser tests will not run`
  : '';
if (missingLine) console.error(`⚠ ${missingLine}`);
// The MQTT integration test starts a real mosquitto; without one it fails, saying so.
if (spawnSync('sh', ['-c', 'command -v mosquitto || test -x /usr/sbin/mosquitto']).status !== 0) console.error('⚠ missing mosquitto: install with `apt-get install mosquitto`; the MQTT integration test will fail');

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

const projects = missingLine ? ['unit', 'integration'] : ['unit', 'integration', 'e2e'];
console.log(`\n▶ vitest (${projects.join(', ')})`);
mkdirSync('test-results', { recursive: true });
rmSync(RESULTS, { force: true });
const status = npx(
  'vitest',
  'run',
  ...(missingLine ? projects.flatMap((p) => ['--project', p]) : []),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}`,
  ...process.argv.slice(2),
);
if (!existsSync(RESULTS)) {
  console.error('vitest wrote no results');
  finish(0, 1, 1);
}
const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
let failed = results.numFailedTests + (results.numRuntimeErrors ?? 0) + results.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
if (missingLine) {
  console.error(`⚠ ${missingLine} (counted as one failure)`);
  failed += 1;
}
finish(results.numPassedTests, failed, status === 0 && failed === 0 ? 0 : 1);
